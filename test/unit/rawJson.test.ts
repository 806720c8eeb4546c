import { describe, expect, it } from 'vitest';
import { compactJson } from '../../src/graphql/compactJson.js';
import { plainData, RawJson, rawData, stringifyResult } from '../../src/graphql/rawJson.js';

/** Strings that JSON escaping treats specially: quotes, backslashes, control characters, non-ASCII, emoji, line separators. */
const trickyStrings = [
  '',
  'plain',
  'say "hi"',
  'back\\slash \\" \\\\',
  'C:\\path\\n not a newline',
  'line\nbreak\r\ttab\bback\fform',
  Array.from({ length: 31 }, (_, index) => String.fromCharCode(index + 1)).join(''),
  'delete \u007f',
  'Étienne Çağrı Müller — “quotes” ‘single’ ∑ 数学',
  'emoji 😀 👩🏽‍🔬 🇫🇷',
  'separators \u2028 and \u2029',
  ' : , {"not":"a key"} [1, 2] ',
  '\\u00e9 written out',
  '</script><!--',
];

/** A value written the way PostgreSQL's json_build_object and json_agg write it: ` : ` after keys, `, ` between items. */
function postgresJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(postgresJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)} : ${postgresJson(item)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

describe('compactJson', () => {
  it('gives JSON.stringify bytes for PostgreSQL-spaced text with tricky strings, integers, booleans and nulls', () => {
    const value = {
      strings: trickyStrings,
      byKey: Object.fromEntries(trickyStrings.map((text, index) => [`k${index}`, { text, index }])),
      numbers: [0, 7, -3, 2026, 2147483647, -2147483648, 999999999999999],
      literals: [true, false, null],
      empty: { list: [], object: {} },
    };
    const text = postgresJson(value);
    expect(text).toContain(' : ');
    expect(compactJson(text)).toBe(JSON.stringify(value));
  });

  it('removes newlines and runs of whitespace between tokens, as json_agg of rows writes', () => {
    expect(compactJson('[{"a":1}, \n {"a":2}]')).toBe('[{"a":1},{"a":2}]');
    expect(compactJson(' \t{ "a" :\r\n [ ] } ')).toBe('{"a":[]}');
  });

  it('returns text without whitespace as it is', () => {
    const text = JSON.stringify({ a: ['x y', 1, null] });
    expect(compactJson(text)).toBe(text);
  });

  it('refuses what JSON.stringify would write otherwise: other escapes, fractions, exponents, -0, long integers', () => {
    for (const text of ['"\\u00e9"', '"\\/"', '"\\u000a"', '"\\u001F"', '1.0', '{"a" : 1.5}', '1e+20', '2E3', '-0', '1234567890123456', '-1234567890123456']) {
      expect(compactJson(text), text).toBeNull();
    }
  });

  it('keeps every escape JSON.stringify writes, at any place in a string', () => {
    for (const text of trickyStrings) {
      const json = JSON.stringify({ text, again: [text, text] });
      expect(compactJson(json)).toBe(json);
    }
  });
});

describe('stringifyResult', () => {
  it("writes a RawJson's text in place of data, between the other fields in Apollo's order", () => {
    const data = { a: 'x', b: [1, null] };
    const raw = rawData(JSON.stringify(data));
    expect(stringifyResult({ data: raw })).toBe(`${JSON.stringify({ data })}\n`);
    const extensions = { note: 'ok' };
    expect(stringifyResult({ errors: undefined, data: raw, extensions })).toBe(`${JSON.stringify({ data, extensions })}\n`);
    const errors = [{ message: 'partial' }];
    expect(stringifyResult({ errors, data: raw })).toBe(`${JSON.stringify({ errors, data })}\n`);
  });

  it("is Apollo's default (compact JSON and a newline) for any other result", () => {
    const result = { data: { a: 1 }, extensions: { b: 'c' } };
    expect(stringifyResult(result)).toBe(`${JSON.stringify(result)}\n`);
    expect(stringifyResult({ errors: [{ message: 'no' }] })).toBe('{"errors":[{"message":"no"}]}\n');
  });
});

describe('RawJson', () => {
  it('gives its parsed value to JSON.stringify (the response cache) and to plainData, parsed once', () => {
    const raw = rawData('{"a":{"b":[1,"\\n"]}}');
    expect(JSON.stringify({ data: raw, cacheTime: 1 })).toBe('{"data":{"a":{"b":[1,"\\n"]}},"cacheTime":1}');
    expect(plainData(raw)).toEqual({ a: { b: [1, '\n'] } });
    expect(plainData(raw)).toBe(plainData(raw));
    expect(raw).toBeInstanceOf(RawJson);
    const plain = { a: 1 };
    expect(plainData(plain)).toBe(plain);
    expect(plainData(null)).toBeNull();
  });
});
