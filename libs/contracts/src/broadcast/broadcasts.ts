import type { ApiKeyRevokedMessage } from '../identity/api-key-revoked.message.js';
import type { UserPinChangedMessage } from '../identity/user-pin-changed.message.js';
import { defineBroadcast } from './broadcast-def.js';

/**
 * Every broadcast subject, each with its message type. Names read `<service>.<resource>.<verb>`, the
 * verb in the past tense: a broadcast tells what has happened (and been committed).
 */
export const Broadcasts = {
  identity: {
    apiKeyRevoked: defineBroadcast<ApiKeyRevokedMessage>('identity.api-keys.revoked'),
    userPinChanged: defineBroadcast<UserPinChangedMessage>('identity.users.pin-changed'),
  },
} as const;
