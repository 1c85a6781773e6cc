import { Module } from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysResolver } from './api-keys.resolver.js';

@Module({ controllers: [ApiKeysController], providers: [ApiKeysResolver] })
export class ApiKeysModule {}
