import type { FormattedExecutionResult } from 'graphql';

/**
 * An answer's `data` kept as the JSON text it is sent as, never parsed
 * unless something asks for the value: a compiled read's row is the whole
 * `data` as JSON text (src/graphql/compiled/plugin.ts), and parsing it into
 * objects only for Apollo to stringify them again cost about a tenth of the
 * server's CPU on the compiled pages (issue 13).
 *
 * It stands where Apollo keeps `data` (singleResult.data). stringifyResult
 * below writes its text as it is; JSON.stringify elsewhere (the response
 * cache's entries) writes its value through toJSON, the same bytes; code that
 * reads the data's fields takes plainData() of it.
 */
export class RawJson {
  #value: unknown;
  #parsed = false;

  /** `text`: compact JSON, as JSON.stringify would write the value. */
  constructor(readonly text: string) {}

  /** The parsed value, parsed once. */
  get value(): unknown {
    if (!this.#parsed) {
      this.#value = JSON.parse(this.text);
      this.#parsed = true;
    }
    return this.#value;
  }

  toJSON(): unknown {
    return this.value;
  }
}

/** A RawJson where Apollo's types want an answer's data. */
export function rawData(text: string): Record<string, unknown> {
  return new RawJson(text) as unknown as Record<string, unknown>;
}

/** An answer's data as objects, whether it is kept as RawJson or not. */
export function plainData(data: Record<string, unknown>): Record<string, unknown>;
export function plainData(data: Record<string, unknown> | null | undefined): Record<string, unknown> | null | undefined;
export function plainData(data: Record<string, unknown> | null | undefined): Record<string, unknown> | null | undefined {
  return data instanceof RawJson ? (data.value as Record<string, unknown> | null) : data;
}

/**
 * Apollo Server's stringifyResult: its default (JSON.stringify and a newline,
 * compact), except that a RawJson's text is written as it is. Apollo hands
 * the result with its fields in order (errors, data, extensions; undefined
 * ones left out by JSON.stringify and here alike).
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  if (!(result.data instanceof RawJson)) return `${JSON.stringify(result)}\n`;
  let body = '';
  for (const [key, value] of Object.entries(result)) {
    const json = value instanceof RawJson ? value.text : (JSON.stringify(value) as string | undefined);
    if (json !== undefined) body += `${body ? ',' : '{'}${JSON.stringify(key)}:${json}`;
  }
  return `${body}}\n`;
}
