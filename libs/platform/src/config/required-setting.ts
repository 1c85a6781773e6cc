import 'reflect-metadata';
import { IsDefined, ValidateIf } from 'class-validator';

/** Where a service runs; production unless development (or test) is asked for. */
export type Environment = 'development' | 'test' | 'production';

/**
 * Where a setting may be left out, so that its stand-in (a simulator's URL or key, a development
 * secret) is used. Two answers, because two kinds of default exist:
 * - a development stand-in for a secret that guards something (a JWT or sealing key): only
 *   development may lean on it (`'development'`);
 * - a simulator's address or credentials: useless against a real upstream, so development and tests
 *   may lean on it and only production must give the real one (`'development', 'test'`).
 */
export type OptionalIn = readonly Environment[];

const REQUIRED_SETTINGS = Symbol('requiredSettings');

interface RequiredSetting {
  name: string;
  optionalIn: OptionalIn;
}

/** The environment a settings object describes; a class without NODE_ENV of its own (SmsConfig) follows the process's. */
export function environmentOf(config: object, env: NodeJS.ProcessEnv = process.env): Environment {
  return ((config as { NODE_ENV?: Environment }).NODE_ENV ?? env['NODE_ENV'] ?? process.env['NODE_ENV'] ?? 'production') as Environment;
}

function requirement(optionalIn: OptionalIn): string {
  return optionalIn.includes('test') ? 'in production' : `outside ${optionalIn.join(' and ')}`;
}

/**
 * A setting that must be given explicitly everywhere but `optionalIn`, with the setting's name in the
 * start-up failure. Its other rules (IsString, MinLength, IsUrl…) check a value whenever one is
 * given. Works for settings without a default (class-validator sees them missing) and with one
 * (loadConfig checks the environment gave it, not the class).
 */
export function RequiredOutside(...optionalIn: Environment[]): PropertyDecorator {
  return (target, property) => {
    const name = String(property);
    const settings: RequiredSetting[] = Reflect.getMetadata(REQUIRED_SETTINGS, target) ?? [];
    Reflect.defineMetadata(REQUIRED_SETTINGS, [...settings, { name, optionalIn }], target);
    ValidateIf((config: object) => !optionalIn.includes(environmentOf(config)) || (config as Record<string, unknown>)[name] !== undefined)(target, property);
    IsDefined({ message: `${name} is required ${requirement(optionalIn)}` })(target, property);
  };
}

/** Settings of `config`'s class that its environment requires but `env` does not give, with why. */
export function missingRequiredSettings(config: object, env: NodeJS.ProcessEnv): Array<{ name: string; problem: string }> {
  const environment = environmentOf(config, env);
  const settings: RequiredSetting[] = Reflect.getMetadata(REQUIRED_SETTINGS, Object.getPrototypeOf(config)) ?? [];
  return settings
    .filter(({ name, optionalIn }) => !optionalIn.includes(environment) && (env[name] === undefined || env[name] === ''))
    .map(({ name, optionalIn }) => ({
      name,
      problem: `${name} is required ${requirement(optionalIn)} (its default is for ${optionalIn.join(' and ')} only)`,
    }));
}
