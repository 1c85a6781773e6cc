import { IsInt, Min } from 'class-validator';
import { UpstreamConfig } from '@airtime/platform';

/**
 * Tuti Tech (seed 004, Sudan); the simulator by default. `TUTI_BASE_URL` is seed 004's
 * `$GATEWAY_URL` (/ext/airtime is appended); `TUTI_API_KEY` is the API-KEY header, never logged.
 */
export class TutiConfig extends UpstreamConfig('TUTI', { baseUrl: 'http://127.0.0.1:4010/tuti', apiKey: 'sim-tuti-api-key' }) {
  /** Seed 004's usage limit: per phone number, per service, per day (SDG). */
  @IsInt() @Min(1)
  TUTI_DAILY_LIMIT: number = 10_000;
}
