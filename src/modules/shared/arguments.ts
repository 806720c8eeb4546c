import { badUserInput } from './errors.js';
import { MAX_PAGE_SIZE } from './pagination/cursors.js';

/** A list size argument outside a connection (e.g. `coauthors(first:)`), 0 to 100. */
export function listSize(value: number, argumentName: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badUserInput(`Argument "${argumentName}" must be between 0 and ${MAX_PAGE_SIZE}; got ${value}.`, argumentName);
  }
  return value;
}
