import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import type { PesepaySimSettings } from '../pesepay/pesepay-sim-settings.js';
import { PesepaySimulatorModule } from '../pesepay/pesepay-simulator.module.js';

export interface RunningPesepaySimulator {
  /** The simulator's address (http://127.0.0.1:<port>); its API is under `${url}/pesepay/api/payments-engine`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The simulated Pesepay started in-process on a free port of 127.0.0.1, for one merchant's keys. Its
 * redirectUrl and pollUrl point at where it actually listens.
 */
export async function startPesepaySimulator(keys: Omit<PesepaySimSettings, 'publicUrl'>): Promise<RunningPesepaySimulator> {
  const settings: PesepaySimSettings = { ...keys, publicUrl: 'http://127.0.0.1' };
  const app = await NestFactory.create(PesepaySimulatorModule.register(settings), { logger: false });
  await app.listen(0, '127.0.0.1');
  // The port is known only now; the module reads its settings per request, so this takes effect.
  settings.publicUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return { url: settings.publicUrl, stop: () => app.close() };
}
