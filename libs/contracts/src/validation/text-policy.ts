import { getMetadataStorage, ValidateBy } from 'class-validator';

/**
 * What text may hold, checked once where input enters (the gateway's pipe and every service's message
 * pipe), before any field rule: PostgreSQL cannot store NUL, and a control character or a broken
 * surrogate pair in an identifier is a client's bug or an attack (log forging, lookalike ids), never
 * data. Text written by people keeps every printable character of every script; multi-line text
 * (an SMS, a reason, an address) keeps tab and line breaks too.
 */

const MULTILINE_TEXT = 'isMultilineText';

/**
 * A string field people write over several lines (an SMS body, a reason, an address): tab, CR and LF
 * are allowed in it. Every other string field is single-line, and a contract class's fields without
 * this mark refuse every control character.
 */
export function MultilineText(): PropertyDecorator {
  // A no-op rule: class-validator keeps it with the field's other rules, so mapped types (OmitType,
  // PickType) that copy a request class's rules carry the mark along.
  return ValidateBy({ name: MULTILINE_TEXT, validator: { validate: () => true } });
}

/** Where a string sits decides what it may hold. */
export type TextKind = 'single-line' | 'multiline';

// C0 controls, DEL and C1 controls. Tab, LF and CR are the only ones multi-line text may keep.
/* eslint-disable no-control-regex -- finding control characters is the point of these two */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/* eslint-enable no-control-regex */
// Without the u flag a regex sees UTF-16 code units, so a surrogate half alone can be matched.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this text cannot be accepted where it sits, or undefined when it can. */
export function textProblem(value: string, kind: TextKind): string | undefined {
  const control = (kind === 'multiline' ? CONTROL_BUT_LINE_BREAKS : CONTROL).exec(value);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `must not contain the control character U+${code}`;
  }
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (it holds half of a surrogate pair)';
  return undefined;
}

// Names that reach an object's prototype rather than a field of it (prototype pollution), and that a
// class-validator whitelist does not see as unknown fields.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Input nested deeper than this is refused before anything recurses into it (a stack is finite). */
export const MAX_INPUT_DEPTH = 32;

export type TextProblems = Record<string, string[]>;

/**
 * An empty problem list keyed by field name. It has no prototype, because the field names are the
 * client's: `constructor` or `__proto__` must be plain keys here.
 */
export function noProblems(): TextProblems {
  return Object.create(null) as TextProblems;
}

/**
 * Every string and every key anywhere in raw input (a parsed body, a query, a message payload), held
 * to the rule any text must meet (multi-line: a body's field may be an SMS). A bare string is a path
 * or query parameter, an identifier, and is held to the single-line rule. Field names read as
 * validationDetails writes them (`items.0.msisdn`).
 */
export function rawTextProblems(value: unknown, field: string): { problems: TextProblems; tooDeep: boolean } {
  const problems = noProblems();
  let tooDeep = false;
  const add = (at: string, problem: string) => (problems[at || field] ??= []).push(at ? `${at} ${problem}` : `${field} ${problem}`);
  if (typeof value === 'string') {
    const problem = textProblem(value, 'single-line');
    if (problem) add('', problem);
    return { problems, tooDeep };
  }
  // Iterative, so that a hostile nesting depth costs a refusal rather than the process's stack.
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: node, path, depth } = stack.pop()!;
    if (typeof node === 'string') {
      const problem = textProblem(node, 'multiline');
      if (problem) add(path, problem);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      add(path, `is nested more than ${MAX_INPUT_DEPTH} levels deep`);
      tooDeep = true;
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      const keyProblem = textProblem(key, 'single-line');
      const at = path ? `${path}.${printable(key)}` : printable(key);
      if (keyProblem) add(at, `(a field name) ${keyProblem}`);
      else if (RESERVED_KEYS.has(key)) add(at, 'is not a field any request takes');
      stack.push({ value: child, path: at, depth: depth + 1 });
    }
  }
  return { problems, tooDeep };
}

/**
 * The stricter rule for fields a contract class declares: each string field of a request class (and
 * of the request classes nested in it) is single-line unless marked @MultilineText(). Plain objects
 * inside a request (an upstream's callback body) have no declared fields and keep the raw rule.
 */
export function declaredTextProblems(instance: unknown, field = ''): TextProblems {
  const problems = noProblems();
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: instance, path: field, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null || depth > MAX_INPUT_DEPTH) continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: `${path}.${index}`, depth: depth + 1 }));
      continue;
    }
    const multiline = multilineFieldsOf(value.constructor);
    if (!multiline) continue;
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (typeof child === 'string') {
        const problem = textProblem(child, multiline.has(key) ? 'multiline' : 'single-line');
        if (problem) (problems[at] ??= []).push(`${at} ${problem}`);
      } else {
        stack.push({ value: child, path: at, depth: depth + 1 });
      }
    }
  }
  return problems;
}

const multilineFields = new WeakMap<object, Set<string> | null>();

/** The fields a contract class marks multi-line; null for a class with no declared rules (or Object). */
function multilineFieldsOf(type: unknown): Set<string> | null {
  if (typeof type !== 'function' || type === Object) return null;
  let fields = multilineFields.get(type);
  if (fields === undefined) {
    const rules = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
    fields = rules.length === 0 ? null : new Set(rules.filter((rule) => rule.name === MULTILINE_TEXT).map((rule) => rule.propertyName));
    multilineFields.set(type, fields);
  }
  return fields;
}

/** A field name as a client can read it back in an error, control characters escaped. */
function printable(key: string): string {
  return JSON.stringify(key).slice(1, -1);
}
