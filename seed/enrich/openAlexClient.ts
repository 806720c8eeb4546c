import { titleKey } from '../../src/modules/shared/text.js';
import { SELECTED_FIELDS, worksPageSchema, type OpenAlexWork } from './work.js';

/**
 * A polite client for OpenAlex's works search.
 *
 * Request (developers.openalex.org/guides/searching, …/api-reference/works/list-works, read 2026-11-29):
 *   GET {base}/works?search=<title words>&select=<fields>&per_page=10[&mailto=…][&api_key=…]
 * `search` looks in titles, abstracts and full text; the `filter=title.search:` form is marked deprecated
 * in the current reference ("use the search parameter instead"), and a title with a comma would break
 * the filter syntax anyway. The title is sent as its titleKey: lower-case words, so none of them reads as
 * a boolean operator (AND, OR, NOT are upper case) and no quote or bracket needs escaping. Results are
 * judged locally (match.ts); an exact title is among the first 10 by relevance.
 *
 * Politeness:
 * - `mailto` (OPENALEX_MAILTO) is sent as a parameter and in the User-Agent, as docs.openalex.org
 *   (rate-limits-and-authentication) asks, so OpenAlex can reach whoever runs the script.
 * - Since 13 February 2026 OpenAlex wants an API key (free; developers.openalex.org/api-reference/authentication):
 *   without one a day allows $0.01 of usage, with one $1, and a search costs $1 per 1,000 calls. The key
 *   (OPENALEX_API_KEY) is sent as `api_key` and never printed.
 * - At most `maxPerSecond` requests start per second (OpenAlex allows 100; the old docs said 10; we keep 10).
 * - 429 and 5xx are retried with exponential backoff (`backoffMs` × 2^attempt, at most MAX_BACKOFF_MS),
 *   waiting at least what Retry-After asks; a Retry-After longer than MAX_RETRY_AFTER_MS (the daily
 *   allowance is spent), 401 and 403 stop the run (ApiRefusedError): every later request would fail too.
 * - Each request (answer and body) has `timeoutMs`; a timeout is retried like a 5xx.
 * - DNS failure, connection refused or no route: ApiUnreachableError at once (no retry), so a run with no
 *   network says so in a second and changes nothing.
 */

export interface ClientOptions {
  baseUrl: string;
  mailto?: string | undefined;
  apiKey?: string | undefined;
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  backoffMs: number;
  maxPerSecond: number;
  /** Called before each wait for a retry (the CLI prints it in verbose mode). */
  onRetry?: (retry: RetryEvent) => void;
  /** Injected by unit tests; the real clock otherwise. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  fetch?: typeof fetch;
}

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  reason: string;
}

export const MAX_BACKOFF_MS = 60_000;
export const MAX_RETRY_AFTER_MS = 60_000;
const PER_PAGE = 10;

/** Nothing answers at the API's address (or fetch cannot even try): the run stops, and says so. */
export class ApiUnreachableError extends Error {
  constructor(
    readonly host: string,
    /** A system error code (ENOTFOUND, ECONNREFUSED…), or fetch's own reason. */
    readonly code: string,
  ) {
    super(`Cannot reach the OpenAlex API at ${host} (${code}): check the network connection, or OPENALEX_URL.`);
    this.name = 'ApiUnreachableError';
  }
}

/** The API refuses every request (spent allowance, bad key): the run stops. */
export class ApiRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiRefusedError';
  }
}

/** This lookup failed after its retries; the run goes on with the next paper. */
export class RequestFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestFailedError';
  }
}

/** System error codes that mean the host cannot be reached at all (rather than a request going wrong). */
const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ENONET', 'EHOSTDOWN']);

/** The first system error code in an error's cause chain (fetch wraps them: TypeError → cause → AggregateError…). */
export function systemErrorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || error === null || typeof error !== 'object') return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && /^(?:E[A-Z]+|UND_ERR_[A-Z_]+)$/u.test(code)) return code;
  for (const inner of [cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])]) {
    const found = systemErrorCode(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function isUnreachable(code: string | undefined): boolean {
  return code !== undefined && UNREACHABLE.has(code);
}

/** Retry-After in ms: delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/u.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function backoffDelay(backoffMs: number, attempt: number): number {
  return Math.min(backoffMs * 2 ** attempt, MAX_BACKOFF_MS);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class OpenAlexClient {
  private nextStart = 0;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly fetch: typeof fetch;
  private readonly host: string;

  constructor(private readonly options: ClientOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.host = new URL(options.baseUrl).host;
  }

  /** The request for a title (api_key included: never print it). */
  searchUrl(title: string): URL {
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/u, '')}/works`);
    url.searchParams.set('search', titleKey(title));
    url.searchParams.set('select', SELECTED_FIELDS.join(','));
    url.searchParams.set('per_page', String(PER_PAGE));
    if (this.options.mailto) url.searchParams.set('mailto', this.options.mailto);
    if (this.options.apiKey) url.searchParams.set('api_key', this.options.apiKey);
    return url;
  }

  /** The works a title search finds (at most PER_PAGE, most relevant first). */
  async searchWorks(title: string): Promise<OpenAlexWork[]> {
    const url = this.searchUrl(title);
    const headers = { accept: 'application/json', 'user-agent': `lab-publications-api enrich${this.options.mailto ? ` (mailto:${this.options.mailto})` : ''}` };
    for (let attempt = 0; ; attempt++) {
      await this.waitForSlot();
      let reason: string;
      let delayMs = backoffDelay(this.options.backoffMs, attempt);
      try {
        const response = await this.fetch(url, { headers, signal: AbortSignal.timeout(this.options.timeoutMs) });
        const body = await response.text();
        if (response.ok) return parseWorks(body);
        const wait = retryAfterMs(response.headers.get('retry-after'), this.now());
        if (response.status === 429 && wait !== null && wait > MAX_RETRY_AFTER_MS) {
          throw new ApiRefusedError(`OpenAlex answered 429 and asks to wait ${Math.round(wait / 1000)} s: the day's allowance is probably spent${this.options.apiKey ? '' : ' (set OPENALEX_API_KEY: a free key allows 100 times more)'}. ${apiMessage(body)}`.trim());
        }
        if (response.status === 401 || response.status === 403) {
          throw new ApiRefusedError(`OpenAlex refused the request (${response.status}): check OPENALEX_API_KEY. ${apiMessage(body)}`.trim());
        }
        if (response.status !== 429 && response.status < 500) throw new RequestFailedError(`OpenAlex answered ${response.status}. ${apiMessage(body)}`.trim());
        if (attempt >= this.options.retries && response.status === 429) {
          throw new ApiRefusedError(`OpenAlex still answered 429 (too many requests) after ${attempt + 1} attempts. ${apiMessage(body)}`.trim());
        }
        reason = `HTTP ${response.status}`;
        if (wait !== null) delayMs = Math.max(delayMs, wait);
      } catch (error) {
        if (error instanceof ApiRefusedError || error instanceof RequestFailedError) throw error;
        const code = systemErrorCode(error);
        if (isTimeout(error)) reason = `no answer in ${this.options.timeoutMs} ms`;
        else if (code === undefined || isUnreachable(code)) throw new ApiUnreachableError(this.host, code ?? innermostMessage(error));
        else reason = code;
      }
      if (attempt >= this.options.retries) throw new RequestFailedError(`${reason} (${attempt + 1} attempts)`);
      this.options.onRetry?.({ attempt: attempt + 1, delayMs, reason });
      await this.sleep(delayMs);
    }
  }

  /** Spaces request starts 1/maxPerSecond apart. */
  private async waitForSlot(): Promise<void> {
    const now = this.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + 1000 / this.options.maxPerSecond;
    if (start > now) await this.sleep(start - now);
  }
}

/** The message of the innermost cause (`fetch failed` → `bad port`). */
function innermostMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function parseWorks(body: string): OpenAlexWork[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new RequestFailedError('OpenAlex answered with something that is not JSON');
  }
  const page = worksPageSchema.safeParse(json);
  if (!page.success) {
    const issue = page.error.issues[0];
    throw new RequestFailedError(`OpenAlex's answer has an unexpected shape (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`);
  }
  return page.data.results;
}

/** The `message` of an OpenAlex error body (`{ "error": …, "message": … }`), if any. */
function apiMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: unknown };
    const text = typeof parsed.message === 'string' ? parsed.message : typeof parsed.error === 'string' ? parsed.error : '';
    return text ? `OpenAlex says: ${text.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
