import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type ApiKeyPrincipal,
  type ApiKeyView,
  CreateApiKeyRequest,
  type CreatedApiKeyView,
  ListApiKeysRequest,
  RevokeApiKeyRequest,
  Rpc,
  VerifyApiKeyRequest,
} from '@airtime/contracts';
import { RpcHandler } from '@airtime/platform';
import { ApiKeysService } from './api-keys.service.js';

@Controller()
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @RpcHandler(Rpc.identity.createApiKey)
  create(@Payload() request: CreateApiKeyRequest): Promise<CreatedApiKeyView> {
    return this.apiKeys.create(request);
  }

  @RpcHandler(Rpc.identity.listApiKeys)
  list(@Payload() request: ListApiKeysRequest): Promise<ApiKeyView[]> {
    return this.apiKeys.list(request.account_id);
  }

  @RpcHandler(Rpc.identity.revokeApiKey)
  revoke(@Payload() request: RevokeApiKeyRequest): Promise<ApiKeyView> {
    return this.apiKeys.revoke(request.account_id, request.id);
  }

  @RpcHandler(Rpc.identity.verifyApiKey)
  verify(@Payload() request: VerifyApiKeyRequest): Promise<ApiKeyPrincipal> {
    return this.apiKeys.verify(request.key);
  }
}
