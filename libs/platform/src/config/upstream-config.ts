import 'reflect-metadata';
import { IsIn, IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { type Environment, RequiredOutside } from './required-setting.js';

/** Where one upstream is reached for a mode, and with which key. */
export interface UpstreamEndpoint {
  baseUrl: string;
  apiKey: string;
}

/** The settings every API-key upstream has, named after its prefix: `TUTI_BASE_URL`, `TUTI_API_KEY`… */
export type UpstreamSettings<P extends string> = { NODE_ENV: Environment } & { [K in `${P}_BASE_URL` | `${P}_SANDBOX_BASE_URL`]: string } & {
  [K in `${P}_API_KEY`]?: string;
} & { [K in `${P}_TIMEOUT_MS`]: number } & {
  /** Test keys always go to the sandbox with the simulator's key: sandbox traffic never reaches the live account. */
  endpoint(mode: 'live' | 'test'): UpstreamEndpoint;
};

const ENVIRONMENTS: Environment[] = ['development', 'test', 'production'];
const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * The settings class of an upstream reached by URL and API key (Africa's Talking, Tuti, ZESA): a live
 * and a sandbox base URL and the live key, required in production (the simulator's stand in
 * elsewhere), and a timeout. An upstream with more settings extends the class this returns.
 */
export function UpstreamConfig<P extends string>(prefix: P, simulator: { baseUrl: string; apiKey: string }): new () => UpstreamSettings<P> {
  const live = `${prefix}_BASE_URL`;
  const sandbox = `${prefix}_SANDBOX_BASE_URL`;
  const apiKey = `${prefix}_API_KEY`;
  const timeout = `${prefix}_TIMEOUT_MS`;

  class Upstream {
    NODE_ENV: Environment = 'production';

    constructor() {
      Object.assign(this, { [live]: simulator.baseUrl, [sandbox]: simulator.baseUrl, [timeout]: 10_000 });
    }

    endpoint(mode: 'live' | 'test'): UpstreamEndpoint {
      const settings = this as unknown as Record<string, string | undefined>;
      return {
        baseUrl: String(settings[mode === 'test' ? sandbox : live]).replace(/\/$/, ''),
        apiKey: mode === 'test' ? simulator.apiKey : (settings[apiKey] ?? simulator.apiKey),
      };
    }
  }

  // The names are the prefix's, so the rules are applied here rather than written on fields.
  const proto = Upstream.prototype;
  IsIn(ENVIRONMENTS)(proto, 'NODE_ENV');
  for (const url of [live, sandbox]) {
    RequiredOutside('development', 'test')(proto, url);
    IsUrl(URL_OPTIONS)(proto, url);
  }
  RequiredOutside('development', 'test')(proto, apiKey);
  IsString()(proto, apiKey);
  MinLength(8)(proto, apiKey);
  // loadConfig converts environment strings by each field's declared type.
  Reflect.defineMetadata('design:type', Number, proto, timeout);
  IsInt()(proto, timeout);
  Min(100)(proto, timeout);
  Max(120_000)(proto, timeout);
  return Upstream as unknown as new () => UpstreamSettings<P>;
}
