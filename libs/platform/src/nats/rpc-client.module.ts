import { type DynamicModule, Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createRpcClient } from './create-rpc-client.js';
import { RpcClient } from './rpc-client.js';

@Injectable()
class RpcClientCloser implements OnApplicationShutdown {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  async onApplicationShutdown() {
    await this.rpc.close();
  }
}

/** Makes an RpcClient for calling other services injectable everywhere, closed on shutdown. */
export function rpcClientModule(options: { natsUrl: string; name: string; timeoutMs?: number }): DynamicModule {
  class RpcClientModule {}
  return {
    module: RpcClientModule,
    global: true,
    providers: [{ provide: RpcClient, useFactory: () => createRpcClient(options.natsUrl, options.name, options.timeoutMs) }, RpcClientCloser],
    exports: [RpcClient],
  };
}
