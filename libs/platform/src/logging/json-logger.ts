import type { LoggerService } from '@nestjs/common';
import { currentTraceIds } from '../tracing/tracing.js';
import { currentRequestId, currentService } from './request-context.js';

const LEVELS = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const;
type Level = (typeof LEVELS)[number];
export type LogThreshold = Level | 'silent';

/**
 * One JSON object per line on stdout, with the service name, the request id and, inside a trace, its
 * trace_id and span_id, so that the lines of one request can be followed across services with a single
 * filter (or from a trace to its logs).
 */
export class JsonLogger implements LoggerService {
  private readonly minimum: number;

  constructor(
    private readonly service: string,
    threshold: LogThreshold = 'log',
  ) {
    this.minimum = threshold === 'silent' ? Infinity : LEVELS.indexOf(threshold);
  }

  log(message: unknown, ...rest: unknown[]) { this.write('log', message, rest); }
  error(message: unknown, ...rest: unknown[]) { this.write('error', message, rest); }
  warn(message: unknown, ...rest: unknown[]) { this.write('warn', message, rest); }
  debug(message: unknown, ...rest: unknown[]) { this.write('debug', message, rest); }
  verbose(message: unknown, ...rest: unknown[]) { this.write('verbose', message, rest); }
  fatal(message: unknown, ...rest: unknown[]) { this.write('fatal', message, rest); }

  private write(level: Level, message: unknown, rest: unknown[]) {
    if (LEVELS.indexOf(level) < this.minimum) return;
    // Nest passes the context as the last string argument and, for errors, a stack before it.
    const context = typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' && rest[0].includes('\n    at ') ? rest.shift() : undefined;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      // Co-hosted apps share Nest's one static logger: the running app's name, not the last one started.
      service: currentService() ?? this.service,
      context,
      requestId: currentRequestId(),
    };
    const ids = currentTraceIds();
    if (ids) {
      entry['trace_id'] = ids.traceId;
      entry['span_id'] = ids.spanId;
    }
    if (message instanceof Error) {
      entry['msg'] = message.message;
      entry['stack'] = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(entry, message);
    } else {
      entry['msg'] = String(message);
    }
    if (stack) entry['stack'] = stack;
    if (rest.length) entry['extra'] = rest;
    process.stdout.write(`${JSON.stringify(entry)}\n`);
  }
}
