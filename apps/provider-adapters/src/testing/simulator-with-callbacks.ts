import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningSimulator {
  /** The simulator's address, e.g. http://127.0.0.1:41234 */
  url: string;
  /** JSON bodies the simulator called back with, in arrival order. */
  callbacks: Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * A simulator module started in-process on a free port, with its callbacks caught by a small HTTP
 * receiver. `callbackEnv` names the setting that tells the simulator where to call back; the timing
 * settings are short so that pending transactions complete within a test.
 */
export async function startSimulatorWithCallbacks(module: Type<unknown>, callbackEnv: string): Promise<RunningSimulator> {
  const callbacks: Record<string, unknown>[] = [];
  const receiver = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      callbacks.push(JSON.parse(raw));
      res.end('OK');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    SIM_SLOW_ANSWER_MS: '700',
    SIM_CALLBACK_DELAY_MS: '150',
    [callbackEnv]: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/callbacks`,
  });
  const sim: INestApplication = await NestFactory.create(module, { logger: false });
  await sim.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${(sim.getHttpServer().address() as AddressInfo).port}`,
    callbacks,
    async stop() {
      await sim.close();
      await new Promise((resolve) => receiver.close(resolve));
    },
  };
}
