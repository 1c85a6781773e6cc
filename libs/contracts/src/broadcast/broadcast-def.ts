import { subject } from '../subject.js';

/**
 * One broadcast subject: a core NATS message that every subscriber receives (no queue group, nothing
 * stored), for what each replica keeps in memory and must hear of at once. Not durable: a subscriber
 * that was disconnected misses it, so what it guards must also expire on its own.
 */
export interface BroadcastDef<Msg> {
  /** The full subject, with NATS_SUBJECT_PREFIX as it was when the definition was made (at import). */
  readonly subject: string;
  /** Never set: it only carries the message's type. */
  readonly message?: Msg;
}

/** `defineBroadcast<ApiKeyRevokedMessage>('identity.api-keys.revoked')`. */
export function defineBroadcast<Msg>(name: string): BroadcastDef<Msg> {
  return { subject: subject(name) };
}

/** The message type of a definition. */
export type MessageOf<D> = D extends BroadcastDef<infer Msg> ? Msg : never;
