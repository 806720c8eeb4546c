import fs from 'node:fs';
import { readmeExamples, readmePath, withoutRequestIds } from '../test/support/readmeExamples.js';
import { startSeededApi } from '../test/support/seeded.js';

/**
 * `npm run docs:examples`: runs the README's example queries on a fresh
 * database holding seed/profiles/ (PGlite, or DATABASE_URL's server) and
 * writes each real answer under its query.
 */
const seeded = await startSeededApi();
try {
  let readme = fs.readFileSync(readmePath, 'utf8');
  for (const example of readmeExamples(readme).reverse()) {
    const response = await seeded.api.graphql(example.query);
    const answer = `${JSON.stringify(withoutRequestIds(response.body), null, 2)}\n`;
    readme = readme.slice(0, example.answerStart) + answer + readme.slice(example.answerEnd);
  }
  fs.writeFileSync(readmePath, readme);
  process.stdout.write(`Updated ${readmeExamples(readme).length} example answers in README.md\n`);
} finally {
  await seeded.close();
}
