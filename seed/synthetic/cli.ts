import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateLab } from './generate.js';

const USAGE = `Usage: npm run seed:synthetic -- --members N --out DIR [--seed 42]
Writes N synthetic profile pages (half French, half English labels) into DIR,
the same files for the same seed. DIR must be empty or not exist yet.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: { members: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '42' }, help: { type: 'boolean', short: 'h' } },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const members = Number(values.members);
const seed = Number(values.seed);
if (!values.members || !Number.isInteger(members) || members < 1) fail(`--members must be a positive integer, got ${JSON.stringify(values.members ?? null)}.`);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) fail(`--seed must be an integer from 0 to 4294967295, got ${JSON.stringify(values.seed)}.`);
if (!values.out) fail('--out is required: the folder to write the profiles into.');
const out = values.out;
// Never mix with older files: the importer would read them too.
if (fs.existsSync(out) && fs.readdirSync(out).length > 0) fail(`${out} is not empty: give a new or empty folder.`);

const lab = generateLab({ members, seed });
fs.mkdirSync(out, { recursive: true });
for (const file of lab.files) fs.writeFileSync(path.join(out, file.name), file.text);
const { summary } = lab;
process.stdout.write(
  `${out}: ${summary.members} members, ${summary.papers} distinct papers (${summary.listings} entries on the pages), ${summary.coauthorsWithoutProfile} co-authors without profile (seed ${seed}).\n`,
);
