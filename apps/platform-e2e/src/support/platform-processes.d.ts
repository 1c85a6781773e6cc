import type { ChildProcess } from 'node:child_process';
import type { E2eState } from './e2e-state.js';

export declare const APPS: string[];

export interface RunningPlatform {
  state: E2eState;
  start(app: string, env?: Record<string, string>, instance?: number): ChildProcess;
  /** How the process ended (undefined when it was not running); SIGKILL if it did not stop within 5 s. */
  stop(app: string, instance?: number, signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined>;
  waitForHealthy(timeoutMs?: number): Promise<void>;
  startGatewayReplica(instance?: number, timeoutMs?: number): Promise<string>;
  stopAll(): Promise<void>;
}

export declare function startPlatform(options?: {
  label?: string;
  env?: Record<string, string>;
  replicas?: Record<string, number>;
  /** Apps run together in one process (tools/co-host.mjs), or several such groups; a group's pid is under `co-hosted:<app>+<app>…`. */
  coHost?: string[] | string[][];
}): Promise<RunningPlatform>;
