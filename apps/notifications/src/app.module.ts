import { type DynamicModule, Module } from '@nestjs/common';
import { configModule, createHealthController, DatabaseServiceConfig, serviceDatabaseModule } from '@airtime/platform';

/** Boots, migrates its (still empty) schema and answers health; its features arrive with their issues. */
@Module({})
export class AppModule {
  static register(config: DatabaseServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [configModule(DatabaseServiceConfig, config), serviceDatabaseModule('notifications', config)],
      controllers: [createHealthController('notifications')],
    };
  }
}
