import { RpcClient } from './rpc-client.js';

export function natsServers(url: string): string[] {
  return url.split(',').map((s) => s.trim()).filter(Boolean);
}

export function createRpcClient(natsUrl: string, name: string, defaultTimeoutMs?: number): RpcClient {
  return new RpcClient({ servers: natsServers(natsUrl), name, defaultTimeoutMs });
}
