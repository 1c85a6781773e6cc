import type { MsgHdrs } from '@nats-io/transport-node';

/** What a Nest handler answers over NATS, as RpcClient reads it: the response or the error, in one packet. */
export interface ReplyPacket {
  id?: string;
  response?: unknown;
  err?: unknown;
  isDisposed?: boolean;
}

/** nats-server's default max_payload (1 MiB), which the platform's messages are kept under (bulk rows go in chunks). */
export const IN_PROCESS_MAX_PAYLOAD = 1024 * 1024;

/** A NATS server of this process that can take a request without the round trip through nats-server. */
export interface InProcessServer {
  handleInProcess(subject: string, body: string, headers: MsgHdrs): Promise<ReplyPacket>;
}

/**
 * Keyed with Symbol.for, not a module-level Map: each app is compiled with its own copy of this library,
 * so co-hosted apps share nothing else. Only the co-host launcher (tools/co-host.mjs) creates it; in
 * every other process (one app, or the specs that start several apps side by side to test NATS) it
 * does not exist and every request goes over NATS.
 */
const SERVERS = Symbol.for('airtime.platform.co-hosted-servers');

type WithServers = typeof globalThis & { [SERVERS]?: Map<string, InProcessServer> };

/** Turns co-hosting on for this process: requests to a subject served here are handled here. */
export function enableCoHosting(): void {
  (globalThis as WithServers)[SERVERS] ??= new Map();
}

/** The server of this process answering `subject`, when co-hosting is on and one does. */
export function coHostedServer(subject: string): InProcessServer | undefined {
  return (globalThis as WithServers)[SERVERS]?.get(subject);
}

/** Registers (or, with `undefined`, withdraws) this process's server of `subject`; a no-op without co-hosting. */
export function serveCoHosted(subject: string, server: InProcessServer | undefined): void {
  const servers = (globalThis as WithServers)[SERVERS];
  if (!servers) return;
  if (server) servers.set(subject, server);
  else servers.delete(subject);
}
