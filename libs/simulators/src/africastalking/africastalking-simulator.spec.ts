import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { AfricasTalkingSimulatorModule } from './africastalking-simulator.module.js';

describe("the Africa's Talking airtime simulator over HTTP", () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create(AfricasTalkingSimulatorModule.register({ controls: true }), { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/africastalking`;
  });

  afterAll(() => app.close());

  let keys = 0;
  async function send(phone: string, currency = 'KES', amount = '100.00'): Promise<{ status: number; recipient?: { status: string; amount: string; phoneNumber: string } }> {
    const query = new URLSearchParams({ phone, amount, currency, idempotencyKey: `spec-${++keys}` });
    const response = await fetch(`${url}/airtime/invoke-send-airtime?${query}`, { headers: { apiKey: 'sim-at-api-key' } });
    const body = (await response.json()) as { response?: { responses?: { status: string; amount: string; phoneNumber: string }[] } };
    return { status: response.status, recipient: body.response?.responses?.[0] };
  }

  const put = (target: string, body: unknown) => fetch(`${url}/sim/behaviours/${target}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('sends Nigerian airtime in naira', async () => {
    expect(await send('2348031234567', 'NGN', '500.00')).toEqual({ status: 200, recipient: expect.objectContaining({ status: 'Sent', amount: 'NGN 500.0000', phoneNumber: '+2348031234567' }) });
  });

  it('answers a phone as set by hand (local or international form) until cleared', async () => {
    expect((await put('08039998877', { behaviour: 'insufficient-balance' })).status).toBe(200);
    expect((await send('2348039998877', 'NGN')).recipient?.status).toBe('InsufficientBalance');
    expect((await put('2348039998877', { behaviour: 'server-error' })).status).toBe(200);
    expect((await send('2348039998877', 'NGN')).status).toBe(500);
    expect((await fetch(`${url}/sim/behaviours/2348039998877`, { method: 'DELETE' })).status).toBe(204);
    expect((await send('2348039998877', 'NGN')).recipient?.status).toBe('Sent');
  });

  it('refuses an unknown behaviour with 400', async () => {
    expect((await put('2348039998877', { behaviour: 'slow' })).status).toBe(400);
  });
});
