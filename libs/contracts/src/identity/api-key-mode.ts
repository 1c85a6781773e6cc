/** live keys spend real money; test keys route to the simulators and sandbox wallets. */
export const API_KEY_MODES = ['live', 'test'] as const;

export type ApiKeyMode = (typeof API_KEY_MODES)[number];
