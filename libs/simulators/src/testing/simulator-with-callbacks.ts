import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { CallbackReceiver } from './callback-receiver.js';

export interface RunningSimulator {
  /** The simulator's address, e.g. http://127.0.0.1:41234 */
  url: string;
  /** JSON bodies the simulator called back with so far, in arrival order. */
  callbacks(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * A simulator module started in-process on a free port, with its callbacks caught by a receiver.
 * `callbackEnv` names the setting that tells the simulator where to call back; the timing settings
 * are short so that pending transactions complete within a test.
 */
export async function startSimulatorWithCallbacks(module: Type<unknown> | DynamicModule, callbackEnv: string): Promise<RunningSimulator> {
  const receiver = new CallbackReceiver();
  Object.assign(process.env, {
    SIM_SLOW_ANSWER_MS: '700',
    SIM_CALLBACK_DELAY_MS: '150',
    [callbackEnv]: `${await receiver.start()}/callbacks`,
  });
  const sim: INestApplication = await NestFactory.create(module, { logger: false });
  await sim.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${(sim.getHttpServer().address() as AddressInfo).port}`,
    callbacks: () => receiver.received.map((callback) => JSON.parse(callback.body) as Record<string, unknown>),
    async stop() {
      await sim.close();
      await receiver.stop();
    },
  };
}
