import { Field, ID, InterfaceType } from '@nestjs/graphql';
import { parseGlobalId } from './global-id.js';

/** Relay's Node: every object with an identity, fetchable again by its global id with `node(id:)`. */
@InterfaceType('Node', {
  description: 'An object with a global id, fetchable with node(id:).',
  // A global id names its type, and the type names match the schema's.
  resolveType: (value: { id: string }) => parseGlobalId(value.id)?.type,
})
export abstract class NodeModel {
  @Field(() => ID, { description: 'Opaque and global: pass it to node(id:), never parse it.' }) id: string;
}
