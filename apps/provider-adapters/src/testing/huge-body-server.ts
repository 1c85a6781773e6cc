import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HugeBodyServer {
  url: string;
  /** Bytes of body written before the client stopped reading (or the cap was reached). */
  written(): number;
  stop(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, '{"a":1}'.repeat(1));
const CAP = 64 * 1024 * 1024;

/**
 * An upstream gone wrong: answers every request with `status` and a JSON-looking body that streams
 * (chunked, no content-length) until the client hangs up or 64 MiB have gone, honouring backpressure.
 */
export async function startHugeBodyServer(status = 200): Promise<HugeBodyServer> {
  let written = 0;
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    let closed = false;
    res.on('close', () => (closed = true));
    const pump = () => {
      while (!closed && written < CAP) {
        written += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', pump);
      }
      if (!closed) res.end();
    };
    res.write('{"result":"ok","padding":"');
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    written: () => written,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
