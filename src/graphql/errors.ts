import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';

/** Codes whose message is meant for the client; every other error is masked. */
export const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_ALLOWED',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_REPEATED_FIELDS',
  'TOO_MANY_FRAGMENT_SPREADS',
  'TOO_MANY_DIRECTIVES',
  'QUERY_TOO_COMPLEX',
  'DATABASE_UNAVAILABLE',
  // src/auth/: no or bad credentials, or a role too low.
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001', '08003']);
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist']);
const UNREACHABLE_MESSAGE = /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Can't reach database|server closed the connection|terminating connection/i;

/** True when the error, or one it wraps, says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current); ) {
    seen.add(current);
    const candidate = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalError?: unknown };
    if (typeof candidate.code === 'string' && UNREACHABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.kind === 'string' && UNREACHABLE_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.message === 'string' && UNREACHABLE_MESSAGE.test(candidate.message)) return true;
    current = candidate.cause ?? candidate.originalError;
  }
  return false;
}

/** Apollo's own request errors with no code ("provided sha does not match query"…) carry a 4xx status. */
function hasClientStatus(error: unknown): boolean {
  const status = (error as { extensions?: { http?: { status?: unknown } } } | undefined)?.extensions?.http?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** True for errors that are the server's fault, not the client's: they are masked and logged. */
export function isInternalError(code: unknown, error: unknown): boolean {
  if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) return false;
  return !hasClientStatus(error);
}

/**
 * What a client sees of an error: client errors as they are (without
 * "Did you mean" schema hints in production), the database being down as
 * DATABASE_UNAVAILABLE, and anything else as a bare internal error. The
 * request id is added to each error when the response is sent (see logging.ts).
 */
export function createFormatError(options: { isProduction: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isDatabaseUnavailable(unwrapResolverError(error))) {
      return {
        message: 'The database is unavailable. Try again in a moment.',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'DATABASE_UNAVAILABLE' },
      };
    }
    const code = formatted.extensions?.code;
    if (isInternalError(code, error)) {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    const { stacktrace: _stacktrace, ...rest } = formatted.extensions ?? {};
    const extensions = typeof code === 'string' && CLIENT_ERROR_CODES.has(code) ? rest : { ...rest, code: 'BAD_REQUEST' };
    const message = options.isProduction ? formatted.message.replace(/ Did you mean .+\?$/u, '') : formatted.message;
    return { ...formatted, message, extensions };
  };
}
