import fc from 'fast-check';
import type { FieldSpec } from './contract-fields.js';

/**
 * Generators of input that is wrong by construction: each case takes an endpoint's valid example and
 * breaks exactly one thing about it (a field's type, its text, its size, a required field, the JSON
 * itself, the content type), so any answer but a 4xx in the documented shape is a finding, and a
 * request that changed a wallet or an order is one too.
 */

/** Field specs written compactly: `name[:kind][?][~]` (? optional, ~ multi-line text). */
export function fields(spec: string): FieldSpec[] {
  return spec.split(/\s+/).filter(Boolean).map((token) => {
    const match = /^([A-Za-z_]+)(?::([a-z]+))?(\?)?(~)?$/.exec(token);
    if (!match) throw new Error(`bad field spec ${token}`);
    return { name: match[1]!, kind: (match[2] ?? 'string') as FieldSpec['kind'], optional: match[3] === '?', multiline: match[4] === '~' };
  });
}

const CONTROLS_ANYWHERE = ['\u0000', '\u0001', '\u0007', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u009B'];
const LINE_BREAKS = ['\t', '\n', '\r'];

const text = fc.string({ maxLength: 12 });

/** A string no field may hold: a control character (line breaks too, unless multi-line), half a surrogate pair. */
function unstorableText(multiline: boolean): fc.Arbitrary<string> {
  const control = fc.constantFrom(...CONTROLS_ANYWHERE, ...(multiline ? [] : LINE_BREAKS));
  return fc.oneof(
    fc.tuple(text, control, text).map(([a, c, b]) => `${a}${c}${b}`),
    fc.tuple(text, fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'), text).map(([a, s, b]) => `${a}${s}${b}`),
  );
}

/** Longer than any field allows, still under the body limit. */
const hugeText = fc.integer({ min: 25_000, max: 60_000 }).chain((n) => fc.constantFrom('x', 'é', '😀', '9').map((c) => c.repeat(Math.ceil(n / c.length))));

/** Numbers past what a field (or a double) can hold exactly, below its minimum, or not whole. */
const badNumber = fc.constantFrom(-1, -(2 ** 53) - 1, 2 ** 53 + 1, 1e21, 1.23456, -0.5, Number.MAX_VALUE);

const wrongForString = fc.oneof(fc.boolean(), fc.constant({}), fc.constant([]), fc.dictionary(text, text, { maxKeys: 2 }), fc.array(text, { minLength: 1, maxLength: 3 }));
const wrongForNumber = fc.oneof(fc.constantFrom('abc', '', '1e400', '0x10', ' 5', '5 apples', '∞'), fc.boolean(), fc.constant({}), fc.constant([1]));

/** A value that is wrong for this field in a JSON body or a GraphQL variable. */
export function badValue(field: FieldSpec): fc.Arbitrary<unknown> {
  const missingButRequired = field.optional ? [] : [fc.constant(null), fc.constant('')];
  switch (field.kind) {
    case 'integer':
    case 'number':
      return fc.oneof(badNumber, wrongForNumber, ...missingButRequired);
    case 'boolean':
      return fc.oneof(fc.constantFrom('yes', 'true', 1, 0), fc.constant({}), ...missingButRequired);
    case 'array':
      return fc.oneof(text, fc.integer(), fc.constant({}), fc.constant([null]), fc.constant([{}]), fc.array(unstorableText(false), { minLength: 1, maxLength: 2 }), fc.constant(Array.from({ length: 1500 }, () => 'x')), ...missingButRequired);
    case 'object':
      return fc.oneof(text, fc.integer(), fc.constant([]), fc.constant(deeplyNested(40)), ...missingButRequired);
    default:
      return fc.oneof({ weight: 3, arbitrary: unstorableText(Boolean(field.multiline)) }, { weight: 1, arbitrary: hugeText }, { weight: 2, arbitrary: wrongForString }, ...missingButRequired.map((arbitrary) => ({ weight: 1, arbitrary })));
  }
}

/** A value that is wrong for this field in a query string or a path (where everything is text). */
export function badParam(field: FieldSpec): fc.Arbitrary<string> {
  const numeric = field.kind === 'integer' || field.kind === 'number';
  const huge = fc.integer({ min: 2_100, max: 6_000 }).map((n) => 'q'.repeat(n));
  // An empty optional parameter (`?order_id=`) reads as "not given", which is fine.
  const empty = field.optional ? [] : [fc.constant('')];
  return fc.oneof(unstorableText(false), huge, ...(numeric ? [fc.constantFrom('abc', '-1', '1.5', '1e400', '9007199254740993', '0x1F')] : []), ...empty);
}

export function deeplyNested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** One thing wrong with a JSON body, described for the report. */
export type BodyBreak =
  | { kind: 'field'; field: string; value: unknown }
  | { kind: 'missing'; field: string }
  | { kind: 'unknown-field'; field: string }
  | { kind: 'raw'; label: string; contentType: string; raw: string | Uint8Array };

export function bodyBreak(specs: FieldSpec[], valid: Record<string, unknown>): fc.Arbitrary<BodyBreak> {
  const json = JSON.stringify(valid);
  const options: Array<fc.WeightedArbitrary<BodyBreak>> = [];
  if (specs.length > 0) {
    options.push({ weight: 8, arbitrary: fc.constantFrom(...specs).chain((field) => badValue(field).map((value): BodyBreak => ({ kind: 'field', field: field.name, value }))) });
  }
  const required = specs.filter((field) => !field.optional && field.name in valid);
  if (required.length > 0) options.push({ weight: 2, arbitrary: fc.constantFrom(...required).map((field): BodyBreak => ({ kind: 'missing', field: field.name })) });
  options.push(
    { weight: 1, arbitrary: fc.constantFrom('is_admin', 'account_id', 'constructor', 'id\u0000', 'ünknown').map((field): BodyBreak => ({ kind: 'unknown-field', field })) },
    {
      weight: 3,
      arbitrary: fc.oneof(
        fc.integer({ min: 1, max: Math.max(1, json.length - 1) }).map((cut): BodyBreak => ({ kind: 'raw', label: 'truncated JSON', contentType: 'application/json', raw: json.slice(0, cut) })),
        fc.constantFrom('[]', '"text"', '42', 'null', 'true', '{"a":}', `${json},`, `${json}}`, '{"__proto__":{"polluted":1}}', '\u0000', '').map((raw): BodyBreak => ({ kind: 'raw', label: 'not a JSON object', contentType: 'application/json', raw })),
        fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded; charset=koi8-r').map((contentType): BodyBreak => ({ kind: 'raw', label: 'wrong content type', contentType, raw: json })),
        fc.constant<BodyBreak>({ kind: 'raw', label: 'invalid UTF-8', contentType: 'application/json', raw: Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) }),
        fc.constant<BodyBreak>({ kind: 'raw', label: 'nested 5000 deep', contentType: 'application/json', raw: '['.repeat(5000) + ']'.repeat(5000) }),
        fc.constant<BodyBreak>({ kind: 'raw', label: 'number beyond 2^53 and beyond a double', contentType: 'application/json', raw: json.replace(/^\{/, '{"x_big":9007199254740993123,"x_inf":1e400,') }),
      ),
    },
  );
  return fc.oneof(...options);
}

/** The body a break produces, as the bytes to send and their content type. */
export function applyBodyBreak(valid: Record<string, unknown>, change: BodyBreak): { contentType: string; raw: string | Uint8Array } {
  switch (change.kind) {
    case 'raw':
      return { contentType: change.contentType, raw: change.raw };
    case 'missing': {
      const { [change.field]: _dropped, ...rest } = valid;
      return { contentType: 'application/json', raw: JSON.stringify(rest) };
    }
    case 'unknown-field':
      return { contentType: 'application/json', raw: JSON.stringify({ ...valid, [change.field]: 'x' }) };
    case 'field':
      return { contentType: 'application/json', raw: JSON.stringify({ ...valid, [change.field]: change.value }) };
  }
}

/** Shortens what a report shows of a value (a 60,000-character string is not a useful line). */
export function describe(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && v.length > 40 ? `${v.slice(0, 20)}…(${v.length} chars)` : v)) ?? String(value);
  return json.length > 200 ? `${json.slice(0, 200)}…` : json;
}
