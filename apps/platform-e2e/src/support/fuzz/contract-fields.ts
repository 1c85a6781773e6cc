import { getMetadataStorage } from 'class-validator';

/** What the fuzzer knows of one input field: enough to make a value that is wrong for it. */
export interface FieldSpec {
  name: string;
  kind: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  optional: boolean;
  /** Allowed to hold tab and line breaks (@MultilineText): then only NUL and other controls are wrong. */
  multiline?: boolean;
}

const KIND_OF_RULE: Record<string, FieldSpec['kind']> = {
  isInt: 'integer',
  isNumber: 'number',
  isBoolean: 'boolean',
  isArray: 'array',
  isObject: 'object',
};

/**
 * The fields a contract request class declares, read from its class-validator rules (the same rules
 * the gateway and the service enforce), less those the gateway fills in itself (account_id, mode).
 * `rename` maps a contract field to the name the endpoint uses (GraphQL's camelCase).
 */
export function contractFields(type: abstract new () => object, options: { omit?: string[]; rename?: (field: string) => string } = {}): FieldSpec[] {
  const rules = getMetadataStorage().getTargetValidationMetadatas(type as new () => object, '', true, false);
  const byField = new Map<string, Set<string>>();
  for (const rule of rules) {
    const names = byField.get(rule.propertyName) ?? new Set<string>();
    names.add(rule.name ?? rule.type);
    byField.set(rule.propertyName, names);
  }
  const omit = new Set(options.omit ?? []);
  return [...byField.entries()]
    .filter(([field]) => !omit.has(field))
    .map(([field, names]) => ({
      name: options.rename ? options.rename(field) : field,
      kind: [...names].map((name) => KIND_OF_RULE[name]).find(Boolean) ?? (names.has('nestedValidation') ? 'object' : 'string'),
      // ValidateIf makes a field conditional: treat it as optional, so leaving it out is not "bad".
      optional: names.has('isOptional') || names.has('conditionalValidation'),
      multiline: names.has('isMultilineText'),
    }));
}

export const camelCase = (field: string): string => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
