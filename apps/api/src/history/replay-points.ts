import type { ReplayPoint } from '@ccb/read-models';
import { InvalidInputError } from '../common/invalid-input';

/** A date alone means the whole of that day (UTC): "as of 31 March" includes what was recorded on the 31st. */
function instant(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : new Date(value).toISOString();
}

export function pointOf(revision: number | undefined, at: string | undefined, field: { revision: string; at: string }): ReplayPoint {
  if (revision !== undefined && at !== undefined) {
    throw new InvalidInputError([{ field: field.at, reason: `give either ${field.revision} or ${field.at}, not both` }]);
  }
  if (revision !== undefined) return { revision };
  if (at !== undefined) return { at: instant(at) };
  return { head: true };
}
