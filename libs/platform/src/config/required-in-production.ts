import 'reflect-metadata';

const REQUIRED_IN_PRODUCTION = Symbol('requiredInProduction');

/**
 * A setting production must be given explicitly: its default (a local simulator's URL, a
 * development key) serves development and tests only. loadConfig refuses to start a production
 * service without it, naming the setting, rather than let it talk to a simulator or use a public value.
 */
export function RequiredInProduction(): PropertyDecorator {
  return (target, property) => {
    const names: string[] = Reflect.getMetadata(REQUIRED_IN_PRODUCTION, target) ?? [];
    Reflect.defineMetadata(REQUIRED_IN_PRODUCTION, [...names, String(property)], target);
  };
}

/** The settings of `config`'s class that production requires but `env` does not give. */
export function missingInProduction(config: object, env: NodeJS.ProcessEnv): string[] {
  // A settings class without NODE_ENV of its own (SmsConfig) follows the process's.
  const nodeEnv = (config as { NODE_ENV?: string }).NODE_ENV ?? env['NODE_ENV'] ?? process.env['NODE_ENV'] ?? 'production';
  if (nodeEnv !== 'production') return [];
  const names: string[] = Reflect.getMetadata(REQUIRED_IN_PRODUCTION, Object.getPrototypeOf(config)) ?? [];
  return [...new Set(names)].filter((name) => env[name] === undefined || env[name] === '');
}
