/**
 * PostgreSQL's JSON text as JSON.stringify would write the same value, or
 * null when that cannot be told without parsing it (the caller then parses).
 *
 * json_build_object and json_agg write `{"a" : 1, "b" : [1, 2]}`: the same
 * tokens as JSON.stringify, with spaces (and, for json_agg of rows, newlines)
 * between them. Removing the whitespace outside strings gives JSON.stringify's
 * bytes when, as in the compiled reads' answers (src/graphql/compiled/):
 * - every string is escaped as JSON.stringify escapes it: PostgreSQL's
 *   escape_json escapes `"`, `\` and the control characters exactly as it
 *   does (`\b \f \n \r \t`, else `\u00xx` in lower case) and leaves every
 *   other character (non-ASCII, emoji, U+2028) as it is. A json value kept as
 *   written (a json column, not jsonb) may have other escapes (`\u00e9`, `\/`):
 *   any such escape gives null;
 * - every number is an integer of at most 15 digits, written alike by both
 *   (`1.0`, `1e+20`, `-0` or a longer one give null: JSON.stringify would
 *   write `1`, `100000000000000000000`, `0`, or round it);
 * - no object repeats a key, and no key is an array index (`"1"`), which
 *   JSON.parse would move first: keys are GraphQL response keys, names that
 *   the compiler writes once each.
 * The text must be JSON (PostgreSQL's json output always is).
 */
export function compactJson(text: string): string | null {
  const length = text.length;
  // The next backslash at or after the current string's start (length: none left).
  let backslash = text.indexOf('\\');
  if (backslash === -1) backslash = length;
  let compact = '';
  // Start of the text not yet copied to `compact`.
  let kept = 0;
  let at = 0;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      at = stringEnd(text, at + 1, backslash);
      if (at === -1) return null;
      if (backslash < at) backslash = nextBackslash(text, at);
    } else if (isSpace(code)) {
      compact += text.slice(kept, at);
      at += 1;
      while (at < length && isSpace(text.charCodeAt(at))) at += 1;
      kept = at;
    } else if (code === MINUS || isDigit(code)) {
      const start = at;
      at += 1;
      while (at < length && isDigit(text.charCodeAt(at))) at += 1;
      const next = text.charCodeAt(at);
      const digits = at - start - (code === MINUS ? 1 : 0);
      if (next === DOT || next === LOWER_E || next === UPPER_E || digits > MAX_DIGITS || (code === MINUS && text.charCodeAt(start + 1) === ZERO)) return null;
    } else {
      at += 1;
    }
  }
  return kept === 0 ? text : compact + text.slice(kept);
}

const QUOTE = 0x22;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const LOWER_U = 0x75;
/** Integers up to 15 digits are exact as doubles and JSON.stringify writes them back digit for digit. */
const MAX_DIGITS = 15;
/** Escapes JSON.stringify writes as two characters: `\"` `\\` `\b` `\f` `\n` `\r` `\t`. */
const SHORT_ESCAPES = new Set([...'"\\bfnrt'].map((character) => character.charCodeAt(0)));
/** `\u00xx` as JSON.stringify writes it: a control character without a short escape, lower-case hex. */
const UNICODE_ESCAPE = /^00(?:0[0-7bef]|1[0-9a-f])$/;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= 0x39;
}

function nextBackslash(text: string, from: number): number {
  const found = text.indexOf('\\', from);
  return found === -1 ? text.length : found;
}

/**
 * The index after the closing quote of the string whose content starts at
 * `from`, or -1 when it has an escape JSON.stringify would not write (or no
 * end). `backslash` is the first backslash at or after `from`.
 */
function stringEnd(text: string, from: number, backslash: number): number {
  let quote = text.indexOf('"', from);
  while (quote !== -1 && backslash < quote) {
    const escaped = text.charCodeAt(backslash + 1);
    let after = backslash + 2;
    if (escaped === LOWER_U) {
      if (!UNICODE_ESCAPE.test(text.slice(after, after + 4))) return -1;
      after += 4;
    } else if (!SHORT_ESCAPES.has(escaped)) {
      return -1;
    }
    backslash = nextBackslash(text, after);
    if (quote < after) quote = text.indexOf('"', after);
  }
  return quote === -1 ? -1 : quote + 1;
}
