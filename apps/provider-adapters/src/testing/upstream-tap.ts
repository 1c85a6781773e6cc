import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the adapter sent it. */
export interface TappedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  raw: string;
}

/** What the next request gets instead of the simulator's answer: an upstream gone wrong. */
export type UpstreamFault = { kind: 'answer'; status: number; body: string } | { kind: 'hang' } | { kind: 'drop' };

/** Headers that belong to one connection, not to the request. */
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/**
 * Stands between an adapter and a real simulator: records every request exactly as the adapter sent
 * it and passes it on, or, where a test queued a fault, answers in the simulator's place as a broken
 * upstream would. The simulator speaks the protocol; the tap only watches the wire and breaks it.
 */
export class UpstreamTap {
  readonly requests: TappedRequest[] = [];
  private readonly faults: UpstreamFault[] = [];
  private server: Server;

  /** `target`: the simulator's address, e.g. http://127.0.0.1:41234 */
  constructor(private readonly target: string) {}

  /** Listens on a free port of 127.0.0.1; answers its address, which stands for the simulator's. */
  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** The next request meets this fault; several queue up in order. */
  fault(fault: UpstreamFault): void {
    this.faults.push(fault);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) raw += (chunk as Buffer).toString('utf8');
    const path = request.url ?? '/';
    this.requests.push({ method: request.method ?? '', path, authorization: request.headers.authorization, contentType: request.headers['content-type'], raw });

    const fault = this.faults.shift();
    if (fault?.kind === 'hang') return; // never answered; stop() cuts it
    if (fault?.kind === 'drop') return void request.socket.destroy();
    if (fault?.kind === 'answer') return void response.writeHead(fault.status, { 'content-type': 'application/json' }).end(fault.body);

    const headers = Object.entries(request.headers).filter(([name, value]) => !HOP_BY_HOP.has(name) && typeof value === 'string') as [string, string][];
    const answer = await fetch(`${this.target}${path}`, { method: request.method, headers, body: raw === '' ? undefined : raw, redirect: 'manual' });
    const contentType = answer.headers.get('content-type');
    response.writeHead(answer.status, contentType ? { 'content-type': contentType } : {}).end(Buffer.from(await answer.arrayBuffer()));
  }
}
