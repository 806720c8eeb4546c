import fs from 'node:fs';
import { readmeExamples, readmePath, withoutRequestIds } from './support/readmeExamples.js';
import { startSeededServer } from './support/seededServer.js';

/**
 * `npm run docs:examples`: runs the README's example queries on a fresh
 * database holding seed/profiles/ (PGlite, or DATABASE_URL's server) and
 * writes each real answer under its query.
 */
const seeded = await startSeededServer();
try {
  let readme = fs.readFileSync(readmePath, 'utf8');
  for (const example of readmeExamples(readme).reverse()) {
    const answer = `${JSON.stringify(withoutRequestIds(await seeded.graphql(example.query)), null, 2)}\n`;
    readme = readme.slice(0, example.answerStart) + answer + readme.slice(example.answerEnd);
  }
  fs.writeFileSync(readmePath, readme);
  process.stdout.write(`Updated ${readmeExamples(readme).length} example answers in README.md\n`);
} finally {
  await seeded.close();
}
