/**
 * Broadcast by identity once a key's revocation is committed, so that every gateway drops what it
 * cached of the key at once. `key_hash` is the SHA-256 (hex) identity stores, never the key.
 */
export interface ApiKeyRevokedMessage {
  api_key_id: string;
  account_id: string;
  key_hash: string;
}
