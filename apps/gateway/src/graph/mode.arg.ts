import { ModeEnum } from './mode.js';

/** The `mode` argument of a mode-scoped field. */
export const MODE_ARG = {
  type: () => ModeEnum,
  nullable: true,
  description: "live or test: a user's choice (default live); an API key sees only its own mode",
} as const;
