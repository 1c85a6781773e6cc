import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it reached the receiver. */
export interface ReceivedCallback {
  path: string;
  contentType: string | undefined;
  body: string;
}

/**
 * Stands where the platform's callback URL would: records every request a simulator sends it and
 * answers `status`, which a test may change to see how a simulator takes a failing receiver.
 */
export class CallbackReceiver {
  readonly received: ReceivedCallback[] = [];
  status = 200;
  private server: Server;

  /** Listens on a free port of 127.0.0.1; answers its base URL. */
  async start(): Promise<string> {
    this.server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        this.received.push({ path: request.url ?? '', contentType: request.headers['content-type'], body });
        response.writeHead(this.status, { 'content-type': 'application/json' }).end('{"status":"received"}');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The first callback `matches` accepts, as soon as it has come. */
  async waitFor(matches: (callback: ReceivedCallback) => boolean, timeoutMs = 3000): Promise<ReceivedCallback> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.received.find(matches);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no matching callback within ${timeoutMs} ms`);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
