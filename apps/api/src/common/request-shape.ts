import type { FieldError } from './invalid-input';

/** No command nests deeper than this; parsing and validating 3,000 levels is a way to exhaust the stack. */
export const MAX_JSON_DEPTH = 32;

export const TOO_DEEP_MESSAGE = 'The request body nests deeper than';

/** Thrown by the body parser's verify hook; body-parser passes `type` on to the error filter. */
export class JsonTooDeepError extends Error {
  readonly type = 'entity.too.deep';
  readonly expose = true;
  // body-parser answers a failed verify with 403 unless the error carries its own status.
  readonly status = 400;
  constructor(readonly maxDepth: number) {
    super(`${TOO_DEEP_MESSAGE} ${maxDepth} levels`);
  }
}

/**
 * Measures nesting on the raw bytes before JSON.parse runs, skipping string contents, so a deep body
 * is refused in one linear pass instead of being parsed, transformed and validated recursively.
 */
export function rejectDeepJson(maxDepth = MAX_JSON_DEPTH) {
  return (_req: unknown, _res: unknown, buf: Buffer): void => {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i];
      if (inString) {
        if (c === 0x5c)
          i++; // backslash: the next byte is escaped
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) {
        if (++depth > maxDepth) throw new JsonTooDeepError(maxDepth);
      } else if (c === 0x7d || c === 0x5d) depth--;
    }
  };
}

// A lone half of a UTF-16 surrogate pair: JSON allows "\ud800", PostgreSQL's jsonb and text refuse it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate (not valid Unicode text)';
  return null;
}

/**
 * Text PostgreSQL cannot store, anywhere in a parsed body or query, keys included: the field's path and
 * why. Checked before validation, so the answer is a 400 and never a database error after the fact.
 */
export function unstorableText(value: unknown, path = ''): FieldError[] {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? [{ field: path || 'body', reason: problem, constraint: 'storableText' }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableText(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => {
      const field = path ? `${path}.${key}` : key;
      const problem = textProblem(key);
      return [...(problem ? [{ field, reason: `the field name ${problem}`, constraint: 'storableText' }] : []), ...unstorableText(item, field)];
    });
  }
  return [];
}
