import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@airtime/platform';
import { AppModule } from './app.module.js';
import { ProviderSimConfig } from './config/provider-sim.config.js';

async function simulator(env: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(AppModule.register(loadConfig(ProviderSimConfig, env)), { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

async function sendThroughSimulatedSmsApi(url: string): Promise<number> {
  const response = await fetch(`${url}/africastalking/version1/messaging`, {
    method: 'POST',
    headers: { apiKey: 'sim-at-sms-api-key', accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: 'sandbox', to: '+263771111111', message: 'hello' }),
  });
  return response.status;
}

describe('the SMS inbox', () => {
  it('is served in development and tests: what the simulated SMS API took can be read back', async () => {
    const { app, url } = await simulator({ NODE_ENV: 'test' });
    try {
      expect(await sendThroughSimulatedSmsApi(url)).toBeLessThan(300);
      const inbox = (await (await fetch(`${url}/sim/sms?to=263771111111`)).json()) as { message: string }[];
      expect(inbox.map((m) => m.message)).toContain('hello');
    } finally {
      await app.close();
    }
  });

  it('is not served in production (the default), while the simulated SMS API still answers', async () => {
    const { app, url } = await simulator({});
    try {
      expect(await sendThroughSimulatedSmsApi(url)).toBeLessThan(300);
      expect((await fetch(`${url}/sim/sms?to=263771111111`)).status).toBe(404);
      expect((await fetch(`${url}/sim/sms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"to":"263771111111","message":"x"}' })).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
