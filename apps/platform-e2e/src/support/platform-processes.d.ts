import type { ChildProcess } from 'node:child_process';
import type { E2eState } from './e2e-state.js';

export declare const APPS: string[];

export interface RunningPlatform {
  state: E2eState;
  start(app: string, env?: Record<string, string>, instance?: number): ChildProcess;
  stop(app: string, instance?: number, signal?: NodeJS.Signals): Promise<void>;
  waitForHealthy(timeoutMs?: number): Promise<void>;
  startGatewayReplica(instance?: number, timeoutMs?: number): Promise<string>;
  stopAll(): Promise<void>;
}

export declare function startPlatform(options?: {
  label?: string;
  env?: Record<string, string>;
  replicas?: Record<string, number>;
}): Promise<RunningPlatform>;
