/** 000's `data` of a successful PIN authentication. */
export interface AuthenticatedSessionView {
  token: string;
  expires_at: string;
}
