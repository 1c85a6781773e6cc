import type { ValidationError } from 'class-validator';

/**
 * Flattens class-validator's tree into `{ field: [messages] }`, with nested fields as `a.b`, so that a
 * client sees every bad field at once.
 */
export function validationDetails(errors: ValidationError[], parent = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      // A missing field fails every rule on it; "is required" says it once and plainly.
      out[field] = error.value === undefined || error.value === null ? [`${field} is required`] : Object.values(error.constraints);
    }
    if (error.children?.length) Object.assign(out, validationDetails(error.children, field));
  }
  return out;
}
