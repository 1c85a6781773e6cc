import { IsInt, Matches, Max, Min, type ValidationOptions } from 'class-validator';
import { allOf } from './all-of.js';

/** How many items a page may hold: a whole number from 1 to the list's own maximum. */
export function IsPageSize(max: number): PropertyDecorator {
  return allOf(IsInt(), Min(1), Max(max));
}

/** A page cursor as the platform gives them out: the last item's sequence number. */
export function IsPageCursor(options?: ValidationOptions): PropertyDecorator {
  return Matches(/^\d{1,19}$/, { message: '$property is not one this API gave out', ...options });
}
