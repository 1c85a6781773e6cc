import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type ApiKeyPrincipal,
  type ApiKeyView,
  CreateApiKeyRequest,
  type CreatedApiKeyView,
  ListApiKeysRequest,
  RevokeApiKeyRequest,
  Subjects,
  VerifyApiKeyRequest,
} from '@airtime/contracts';
import { ApiKeysService } from './api-keys.service.js';

@Controller()
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @MessagePattern(Subjects.identity.createApiKey)
  create(@Payload() request: CreateApiKeyRequest): Promise<CreatedApiKeyView> {
    return this.apiKeys.create(request);
  }

  @MessagePattern(Subjects.identity.listApiKeys)
  list(@Payload() request: ListApiKeysRequest): Promise<ApiKeyView[]> {
    return this.apiKeys.list(request.account_id);
  }

  @MessagePattern(Subjects.identity.revokeApiKey)
  revoke(@Payload() request: RevokeApiKeyRequest): Promise<ApiKeyView> {
    return this.apiKeys.revoke(request.account_id, request.id);
  }

  @MessagePattern(Subjects.identity.verifyApiKey)
  verify(@Payload() request: VerifyApiKeyRequest): Promise<ApiKeyPrincipal> {
    return this.apiKeys.verify(request.key);
  }
}
