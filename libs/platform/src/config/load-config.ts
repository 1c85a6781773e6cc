import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { missingRequiredSettings } from './required-setting.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads a service's settings from the environment into a validated class, so that a missing or
 * malformed setting stops the service at start-up with the setting's name, not at first use.
 */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const config = plainToInstance(cls, { ...env }, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? { invalid: 'is invalid' }).join('; ')}`);
  const invalid = new Set(errors.map((e) => e.property));
  for (const { name, problem } of missingRequiredSettings(config, env)) {
    if (!invalid.has(name)) problems.push(`${name}: ${problem}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
