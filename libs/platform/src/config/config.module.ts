import type { DynamicModule, Type } from '@nestjs/common';

/** Makes a service's validated config injectable everywhere by its class. */
export function configModule<T extends object>(cls: Type<T>, config: T): DynamicModule {
  class ConfigModule {}
  return { module: ConfigModule, global: true, providers: [{ provide: cls, useValue: config }], exports: [cls] };
}
