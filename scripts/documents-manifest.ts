import fs from 'node:fs';
import path from 'node:path';
import { parse, OperationTypeNode, Kind, type OperationDefinitionNode } from 'graphql';
import { projectRoot } from '../src/db/paths.js';
import { sha256, type DocumentManifest } from '../src/graphql/trustedDocuments.js';

/**
 * The trusted documents manifest (persisted-documents.json) from the lab
 * frontends' operations in documents/*.graphql: one operation per file, its
 * id the SHA-256 of its text, in Apollo's manifest format.
 * `npm run documents:manifest` writes it; `-- --check` fails when it is stale.
 */
export function buildManifest(): DocumentManifest {
  const folder = path.join(projectRoot, 'documents');
  const operations = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => {
      const body = fs.readFileSync(path.join(folder, name), 'utf8');
      const operation = parse(body).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      if (!operation?.name) throw new Error(`documents/${name}: expected one named operation`);
      const type = operation.operation === OperationTypeNode.QUERY ? 'query' : operation.operation === OperationTypeNode.MUTATION ? 'mutation' : 'subscription';
      return { id: sha256(body), name: operation.name.value, type, body } as const;
    });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

export const manifestPath = path.join(projectRoot, 'persisted-documents.json');

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const text = `${JSON.stringify(buildManifest(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    if (!fs.existsSync(manifestPath) || fs.readFileSync(manifestPath, 'utf8') !== text) {
      process.stderr.write('persisted-documents.json is out of date: run npm run documents:manifest\n');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(manifestPath, text);
    process.stdout.write(`Wrote ${manifestPath}\n`);
  }
}
