import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { type ApiKeyPrincipal, type ApiKeyView, Broadcasts, type CreateApiKeyRequest, type CreatedApiKeyView } from '@airtime/contracts';
import { UserEntity } from '../accounts/user.entity.js';
import { Broadcaster } from '../broadcasts/broadcaster.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { apiKeyPrefix, generateApiKey, hashApiKey, isWellFormedApiKey } from './api-key-secret.js';
import { apiKeyNotFound, invalidApiKey, notAUserOfTheAccount } from './api-keys.exceptions.js';

/** How stale last_used_at may be: it is written at most this often per key. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly broadcaster: Broadcaster,
  ) {}

  async create(request: CreateApiKeyRequest): Promise<CreatedApiKeyView> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: request.user_id, account_id: request.account_id });
    if (!user) throw notAUserOfTheAccount();
    const key = generateApiKey(request.mode);
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    const saved = await repository.save(
      repository.create({
        account_id: request.account_id,
        created_by: request.user_id,
        name: request.name.trim(),
        prefix: apiKeyPrefix(key),
        key_hash: hashApiKey(key),
        mode: request.mode,
        last_used_at: null,
        revoked_at: null,
      }),
    );
    return { ...toApiKeyView(saved), key };
  }

  async list(accountId: string): Promise<ApiKeyView[]> {
    const keys = await this.dataSource.getRepository(ApiKeyEntity).find({
      where: { account_id: accountId },
      order: { created_at: 'DESC' },
    });
    return keys.map(toApiKeyView);
  }

  /**
   * Revoking is for good and repeatable; another account's key is reported as not found. Once the
   * revocation is committed, every gateway is told to forget the key (a repeat tells them again: a
   * gateway that missed the first broadcast may still hold it), before the answer goes back.
   */
  async revoke(accountId: string, id: string): Promise<ApiKeyView> {
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    await repository.update({ id, account_id: accountId, revoked_at: IsNull() }, { revoked_at: new Date() });
    const key = await repository.findOneBy({ id, account_id: accountId });
    if (!key) throw apiKeyNotFound();
    await this.broadcaster.publish(Broadcasts.identity.apiKeyRevoked, { api_key_id: key.id, account_id: key.account_id, key_hash: key.key_hash });
    return toApiKeyView(key);
  }

  async verify(key: string): Promise<ApiKeyPrincipal> {
    const invalid = invalidApiKey();
    if (!isWellFormedApiKey(key)) throw invalid;
    const found = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ key_hash: hashApiKey(key), revoked_at: IsNull() });
    if (!found) throw invalid;
    // The row read says whether it is due: no statement (and no commit) when it is not.
    if (!found.last_used_at || Date.now() - found.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) this.touch(found.id);
    return { account_id: found.account_id, api_key_id: found.id, mode: found.mode };
  }

  /**
   * last_used_at is a hint for the owner, written at most once a minute and never on the request's
   * path. Gateways cache a verified key (API_KEY_CACHE_SECONDS), so a key in steady use is verified
   * here again about once per cache lifetime per gateway: the hint stays within a minute or two.
   */
  private touch(id: string): void {
    this.dataSource
      .query(
        `UPDATE api_keys SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [id],
      )
      .catch((error: Error) => this.logger.warn(`last_used_at not updated: ${error.message}`));
  }
}

function toApiKeyView(key: ApiKeyEntity): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    mode: key.mode,
    created_at: key.created_at.toISOString(),
    last_used_at: key.last_used_at?.toISOString() ?? null,
    revoked_at: key.revoked_at?.toISOString() ?? null,
  };
}
