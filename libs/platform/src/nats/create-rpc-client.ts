import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { RpcClient } from './rpc-client.js';

export function natsServers(url: string): string[] {
  return url.split(',').map((s) => s.trim()).filter(Boolean);
}

export function createRpcClient(natsUrl: string, name: string, defaultTimeoutMs?: number): RpcClient {
  const proxy = ClientProxyFactory.create({
    transport: Transport.NATS,
    options: { servers: natsServers(natsUrl), name, maxReconnectAttempts: -1, reconnectTimeWait: 500 },
  });
  return new RpcClient(proxy, defaultTimeoutMs);
}
