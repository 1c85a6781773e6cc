import { createRequire } from 'node:module';
import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage.js';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters.js';
import type { SchemaObject } from '@nestjs/swagger';

// class-transformer keeps @Type in the CommonJS build's storage (the one its main entry loads) and exports it from no entry point.
const { defaultMetadataStorage } = createRequire(import.meta.url)('class-transformer/cjs/storage.js') as { defaultMetadataStorage: TransformerMetadata };

const ALSO_ACCEPTS = Symbol('openapi:alsoAccepts');
const DESCRIBED = Symbol('openapi:describedFromValidation');

/** The schemas our own custom rules (registerDecorator) stand for; class-validator's own rules convert by themselves. */
const customRules: Record<string, SchemaObject> = {
  // class-validator-jsonschema gives Min and Max `type: number`, which would overwrite IsInt's integer.
  min: {},
  max: {},
  isUrl: { type: 'string', format: 'uri' },
  isPhoneNumber: { type: 'string', description: 'A phone number: international (+263772279099) or local Zimbabwean (0772279099)' },
  isMinorUnits: { type: 'string', pattern: '^[1-9]\\d{0,17}$' },
  // A marker (tab and line breaks allowed), not a rule of its own.
  isMultilineText: {},
};

function bounds(name: string, rule: { constraints?: unknown[] }, converted: SchemaObject): SchemaObject {
  if (name === 'min') return { minimum: rule.constraints?.[0] as number };
  if (name === 'max') return { maximum: rule.constraints?.[0] as number };
  return converted;
}

/**
 * A field the wire carries in more than the one form its rules check: 001's order amount arrives as a
 * JSON number and a transform turns it into the decimal text the contract validates.
 */
export function AlsoAccepts(schema: SchemaObject): PropertyDecorator {
  return (target, property) => Reflect.defineMetadata(ALSO_ACCEPTS, schema, target, property);
}

/**
 * Gives a request class (a body or query) the OpenAPI properties its class-validator rules say, so
 * each rule is written once, in the contract, and the document cannot disagree with what the gateway
 * validates. Rules come from class-validator-jsonschema; a property that already has an explicit
 * @ApiProperty is left as declared. Nested classes (@ValidateNested with @Type) are described too.
 */
export function describeFromValidation(type: Type): Type[] {
  if (Reflect.getOwnMetadata(DESCRIBED, type)) return [type, ...(Reflect.getOwnMetadata(DESCRIBED, type) as Type[])];
  const children: Type[] = [];
  Reflect.defineMetadata(DESCRIBED, children, type);
  const schema = targetConstructorToSchema(type, {
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: Object.fromEntries(Object.entries(customRules).map(([name, converted]) => [name, (rule: { constraints?: unknown[] }) => bounds(name, rule, converted)])) as unknown as ISchemaConverters,
  }) as SchemaObject;
  const required = new Set(schema.required ?? []);
  const nested = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(type, '', true, false)
      .filter((rule) => rule.type === ValidationTypes.NESTED_VALIDATION)
      .map((rule) => rule.propertyName),
  );
  for (const [name, property] of Object.entries(schema.properties ?? {}) as [string, SchemaObject][]) {
    if (Reflect.getMetadata('swagger/apiModelProperties', type.prototype, name)) continue;
    if (nested.has(name)) {
      const child = defaultMetadataStorage.findTypeMetadata(type, name)?.typeFunction() as Type | undefined;
      if (!child) throw new Error(`${type.name}.${name}: a nested field needs @Type(() => Class) to be documented`);
      children.push(...describeFromValidation(child));
      const { items: _items, $ref: _ref, type: _type, ...limits } = property as SchemaObject & { $ref?: string };
      ApiProperty({ ...limits, type: () => child, isArray: property.type === 'array', required: required.has(name) })(type.prototype, name);
      continue;
    }
    const alsoAccepts = Reflect.getMetadata(ALSO_ACCEPTS, type.prototype, name) as SchemaObject | undefined;
    const described = alsoAccepts ? { anyOf: [property, alsoAccepts] } : property;
    ApiProperty({ ...(described as object), required: required.has(name) })(type.prototype, name);
  }
  return [type, ...children];
}
