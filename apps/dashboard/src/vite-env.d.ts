/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Development only (tools/start.sh sets it): the simulator's SMS inbox, linked from the sign-up and PIN screens. */
  readonly VITE_SMS_INBOX_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
