import { PlatformError } from '@airtime/platform';

/** The object types a global id can name, and how many parts follow the type in each. */
export const NODE_TYPES = {
  Account: 1, // account id
  User: 1, // user id
  ApiKey: 1, // key id
  Product: 1, // product id
  Wallet: 2, // mode, currency
  LedgerEntry: 2, // mode, entry id
  Order: 2, // mode, order id
  Batch: 2, // mode, batch id
  Campaign: 2, // mode, campaign id
  TopUp: 2, // mode, reference
  WebhookEndpoint: 2, // mode, endpoint id
  WebhookDelivery: 2, // mode, delivery id
} as const;

export type NodeType = keyof typeof NODE_TYPES;

/**
 * Relay's global object identification: one opaque id per object across the whole graph. Money's
 * mode is part of a mode-scoped object's id, so a fetch by id is scoped before anything is asked of
 * a service (a test key's id for a live order names nothing it can see).
 */
export function toGlobalId(type: NodeType, ...parts: (string | number)[]): string {
  return Buffer.from([type, ...parts].join(':'), 'utf8').toString('base64url');
}

export interface DecodedId {
  type: NodeType;
  parts: string[];
}

/** What every global id looks like: base64url, and short. */
const GLOBAL_ID_SHAPE = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * Refuses as bad input what cannot be a global id at all (empty, huge, other characters); an id of
 * the right shape that names nothing the caller can see is not an error but a null node.
 */
export function assertGlobalIdShape(id: string, field: string): void {
  if (!GLOBAL_ID_SHAPE.test(id)) {
    throw new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: { [field]: [`${field} is not an id this API gave out`] } });
  }
}

/** The type and parts of a global id, or undefined when it is not one this API gave out. */
export function parseGlobalId(id: string): DecodedId | undefined {
  if (!GLOBAL_ID_SHAPE.test(id)) return undefined;
  const [type, ...parts] = Buffer.from(id, 'base64url').toString('utf8').split(':');
  if (!type || !Object.hasOwn(NODE_TYPES, type)) return undefined;
  if (parts.length !== NODE_TYPES[type as NodeType] || parts.some((part) => part.length === 0)) return undefined;
  return { type: type as NodeType, parts };
}

/** A global id of one expected type in a mutation's input, refused as bad input otherwise. */
export function globalIdOf(type: NodeType, id: string, field = 'id'): string[] {
  const decoded = parseGlobalId(id);
  if (decoded?.type !== type) {
    throw new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: { [field]: [`${field} is not the id of a ${type}`] } });
  }
  return decoded.parts;
}
