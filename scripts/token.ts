import { parseArgs } from 'node:util';
import { createApiToken, listApiTokens, readTokenName, readTokenRole, revokeApiToken, TokenCommandError, type ApiTokenInfo } from '../src/auth/tokenStore.js';
import { roles } from '../src/auth/viewer.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { EmbeddedDatabaseBusyError } from '../src/db/embedded.js';
import { withCliDatabase } from './support/cliDatabase.js';

const USAGE = `Usage: npm run token -- <command>
Manages the API tokens that writes need (Authorization: Bearer <token>), in
the database at DATABASE_URL, or the embedded one when it is unset.

  create --name NAME --role ROLE   make a token and print it, once (only its hash is kept)
  list                             name, role, created, last used, revoked
  revoke NAME                      the token stops working at once

ROLE is ${roles.join(' or ')}: an editor edits data; an admin also merges,
hides, imports, and reads the audit log.`;

/** A bad command line: the usage text follows the message, exit code 2. */
class UsageError extends Error {}

const day = (date: Date | null) => (date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '-');

function formatTable(tokens: ApiTokenInfo[]): string {
  if (tokens.length === 0) return 'No tokens yet: npm run token -- create --name "web team" --role editor';
  const header = ['NAME', 'ROLE', 'CREATED', 'LAST USED', 'REVOKED'];
  const rows = tokens.map((token) => [token.name, token.role, day(token.createdAt), token.lastUsedAt ? day(token.lastUsedAt) : 'never', day(token.revokedAt)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

function readCommand(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: { name: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<number> {
  const { values, positionals } = readCommand(process.argv.slice(2));
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (!['create', 'list', 'revoke'].includes(command)) throw new UsageError(`Unknown command "${command}".`);
  if (command !== 'revoke' && rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}" (a name with spaces needs quotes).`);
  if (command === 'revoke' && rest.length !== 1) throw new UsageError('revoke takes one name: npm run token -- revoke "web team"');

  // Arguments are checked before the database is opened: a typo is told at once.
  if (command === 'create') {
    readTokenName(values.name);
    readTokenRole(values.role);
  }
  if (command === 'revoke') readTokenName(rest[0]);

  const busyHint = 'A running server (npm start) holds it: stop it, run this command, and start it again (it reads tokens on each request).';
  return withCliDatabase(loadConfig(), { poolSize: 1, busyHint }, async ({ prisma }) => {
    if (command === 'create') {
      const token = await createApiToken(prisma, values.name, values.role);
      // The token alone on stdout (TOKEN=$(npm run -s token -- create …)); the words on stderr.
      process.stderr.write(`Created the ${values.role} token "${values.name?.trim()}". Copy it now: it is shown only this once.\n`);
      process.stdout.write(`${token}\n`);
    } else if (command === 'list') {
      process.stdout.write(`${formatTable(await listApiTokens(prisma))}\n`);
    } else {
      const revoked = await revokeApiToken(prisma, rest[0]);
      process.stdout.write(
        revoked.already
          ? `The token "${revoked.name}" was already revoked (${day(revoked.revokedAt)}).\n`
          : `Revoked the token "${revoked.name}": requests that send it now fail with UNAUTHENTICATED.\n`,
      );
    }
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    // A held embedded folder: the lock's message and busyHint above, as they are.
    const known = error instanceof TokenCommandError || error instanceof ConfigError || error instanceof EmbeddedDatabaseBusyError;
    process.stderr.write(`${known ? '' : 'Token command failed: '}${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
