import { MessagePattern } from '@nestjs/microservices';
import type { RpcDef } from '@airtime/contracts';

const PARAMTYPES = 'design:paramtypes';

/**
 * Declares a message handler from its subject's definition: it listens on the definition's subject,
 * must take the definition's request and answer its answer type (else it does not compile), and its
 * `@Payload()` (the first parameter) is validated against the definition's request class whatever the
 * parameter is annotated with.
 */
export function RpcHandler<Req, Res>(def: RpcDef<Req, Res>) {
  return <M extends (request: Req, ...rest: never[]) => Res | Promise<Res>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    const paramTypes = Reflect.getMetadata(PARAMTYPES, target, key) as unknown[] | undefined;
    if (paramTypes?.length) Reflect.defineMetadata(PARAMTYPES, [def.request, ...paramTypes.slice(1)], target, key);
    MessagePattern(def.subject)(target, key, descriptor);
  };
}
