import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createRpcClient, RpcClient } from '@airtime/platform';
import { GatewayConfig } from '../config/gateway.config.js';

@Global()
@Module({
  providers: [
    {
      provide: RpcClient,
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig) => createRpcClient(config.NATS_URL, 'gateway', config.RPC_TIMEOUT_MS),
    },
  ],
  exports: [RpcClient],
})
export class RpcModule implements OnApplicationShutdown {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  async onApplicationShutdown() {
    await this.rpc.close();
  }
}
