import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { ZesaSimulatorModule } from './zesa-simulator.module.js';

describe('the ZESA simulator over HTTP', () => {
  let app: INestApplication;
  let base: string;
  const call = (path: string, body?: unknown, key = 'sim-zesa-api-key') =>
    fetch(`${base}${path}`, { method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: body ? JSON.stringify(body) : undefined });

  beforeAll(async () => {
    app = await NestFactory.create(ZesaSimulatorModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/zesa/api/v1`;
  });
  afterAll(() => app.close());

  it('refuses a wrong API key', async () => {
    const answer = await call('/meters/lookup', { meter_number: '37132660123' }, 'wrong');
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: 'Invalid API key' } });
  });

  it('looks meters up and refuses unknown ones', async () => {
    expect(await (await call('/meters/lookup', { meter_number: '37132660123' })).json()).toMatchObject({ meter_number: '37132660123', customer_name: expect.any(String) });
    expect((await call('/meters/lookup', { meter_number: '37132660001' })).status).toBe(404);
    expect((await call('/meters/lookup', { meter_number: '123' })).status).toBe(404);
  });

  it('refuses an incomplete purchase with the fields it needs', async () => {
    const answer = await call('/tokens', { meter_number: '37132660123', amount: 10, currency: 'EUR' });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('INVALID_REQUEST');
  });

  it('answers 404 for a reference it never sold under', async () => {
    expect((await call('/tokens/never-sold')).status).toBe(404);
  });
});
