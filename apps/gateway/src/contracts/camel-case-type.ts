import type { Type } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
type SnakeCase<S extends string> = S extends `${infer C}${infer Rest}` ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${SnakeCase<Rest>}` : S;

/** A contract's snake_case fields as GraphQL spells them: `agent_reference` → `agentReference`. */
export type CamelCased<T> = { [K in keyof T as K extends string ? CamelCase<K> : K]: T[K] };
export type SnakeCased<T> = { [K in keyof T as K extends string ? SnakeCase<K> : K]: T[K] };

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * PickType for a GraphQL input whose fields are a contract's, camel-cased: the picked fields carry
 * the contract class's validation rules under their GraphQL names, so a rule is written once, in the
 * contract. The input still declares its `@Field()`s (GraphQL types are the gateway's). Nested
 * (`@ValidateNested`) fields are not carried over: their rules live on another class.
 */
export function CamelCaseType<T, K extends keyof T & string>(contract: Type<T>, keys: readonly K[]): Type<CamelCased<Pick<T, K>>> {
  abstract class CamelCasedContract {}
  const storage = getMetadataStorage();
  for (const rule of storage.getTargetValidationMetadatas(contract, '', false, false)) {
    if (!keys.includes(rule.propertyName as K)) continue;
    if (rule.type === 'nestedValidation') throw new Error(`${contract.name}.${rule.propertyName}: nested fields cannot be camel-cased`);
    storage.addValidationMetadata({ ...rule, target: CamelCasedContract, propertyName: camelCase(rule.propertyName) });
  }
  return CamelCasedContract as unknown as Type<CamelCased<Pick<T, K>>>;
}

/** The contract's fields back from a camel-cased input: only `keys`, whatever else the input holds. */
export function snakeCased<T extends object, K extends keyof T & string>(input: T, keys: readonly K[]): SnakeCased<Pick<T, K>> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (input[key] !== undefined) out[snakeCase(key)] = input[key];
  return out as SnakeCased<Pick<T, K>>;
}
