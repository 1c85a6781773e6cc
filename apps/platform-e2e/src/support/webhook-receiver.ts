import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  body: { id: string; type: string; data: Record<string, unknown> };
  verified: boolean;
}

/**
 * 001's Python verification snippet, ported line for line:
 *   raw = request.body
 *   sig_header = request.headers["X-Airtime-Signature"]
 *   expected = hmac.new(WEBHOOK_SECRET.encode(), raw, hashlib.sha256).hexdigest()
 *   assert hmac.compare_digest(sig_header.replace("sha256=", ""), expected)
 */
export function verify001(raw: Buffer, headers: http.IncomingHttpHeaders, WEBHOOK_SECRET: string): boolean {
  const sig_header = String(headers['x-airtime-signature']);
  const expected = createHmac('sha256', Buffer.from(WEBHOOK_SECRET, 'utf8')).update(raw).digest('hex');
  const given = Buffer.from(sig_header.replace('sha256=', ''));
  // hmac.compare_digest is False for different lengths; timingSafeEqual would throw instead.
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}

/** A real HTTP receiver that answers with the next status from `script` (then 200), verifying each delivery. */
export async function startReceiver(secret: () => string, script: number[] = [], port = 0) {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      received.push({ headers: req.headers, raw, body: JSON.parse(raw.toString('utf8')), verified: verify001(raw, req.headers, secret()) });
      res.statusCode = script.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async waitFor(count: number, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      return received;
    },
  };
}
