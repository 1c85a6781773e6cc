import { createHmac } from 'node:crypto';
import { airtimeSignature, SecretBox } from '@airtime/platform';
import { backoffMs } from './backoff.js';
import { generateWebhookSecret, standardWebhookSignature } from './webhook-signature.js';

describe('webhook secrets at rest', () => {
  it('seal and open, never in clear, and refuse a tampered box', () => {
    const box = new SecretBox('k'.repeat(40));
    const secret = generateWebhookSecret();
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6, 20));
    expect(box.open(sealed)).toBe(secret);
    expect(box.seal(secret)).not.toBe(sealed);
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => box.open(tampered)).toThrow();
    expect(() => new SecretBox('another key, also long enough!!').open(sealed)).toThrow();
  });
});

describe('signatures', () => {
  it("match 001's Python: hmac.new(secret.encode(), raw, sha256).hexdigest()", () => {
    const body = '{"id":"evt_1","type":"order.success"}';
    const expected = createHmac('sha256', 'whsec_abc').update(body).digest('hex');
    expect(airtimeSignature(body, 'whsec_abc')).toBe(`sha256=${expected}`);
    expect(airtimeSignature(`${body} `, 'whsec_abc')).not.toBe(`sha256=${expected}`);
  });

  it('follow Standard Webhooks, one signature per secret during a rotation', () => {
    const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    const expected = createHmac('sha256', Buffer.from('0123456789abcdef0123456789abcdef')).update('msg_1.1700000000.{}').digest('base64');
    expect(standardWebhookSignature('msg_1', 1_700_000_000, '{}', [secret])).toBe(`v1,${expected}`);
    expect(standardWebhookSignature('msg_1', 1_700_000_000, '{}', [secret, generateWebhookSecret()]).split(' ')).toHaveLength(2);
  });
});

describe('backoff', () => {
  it('grows exponentially, is capped and jittered', () => {
    expect(backoffMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffMs(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffMs(30, 1000, 60_000, () => 1)).toBe(60_000);
    expect(backoffMs(4, 1000, 60_000, () => 0)).toBe(500);
    const spread = new Set(Array.from({ length: 50 }, () => backoffMs(6, 1000, 60_000)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
