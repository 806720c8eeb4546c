import type { ParsedProfile } from '../parser.js';
import type { GeneratedFile } from './generate.js';

/** The sentence appended to the revised abstract. */
const ADDED_SENTENCE = 'A revised version adds experiments on two further benchmarks.';

/**
 * One profile edited as a member would between two imports: the first entry
 * gets a new title, the first complete abstract a new last sentence.
 * Returns the new file and the profile the parser must read from it.
 */
export function reviseProfile(file: GeneratedFile, planned: ParsedProfile): { file: GeneratedFile; planned: ParsedProfile } {
  const lines = file.text.split('\n');
  const publications = planned.publications.map((publication) => ({ ...publication, coauthors: [...publication.coauthors] }));

  const first = publications[0];
  const complete = publications.findIndex((publication) => publication.abstract !== null && !publication.abstractTruncated);
  if (!first || complete === -1) throw new Error(`${file.name}: no publication with a complete abstract to revise`);

  // The title line keeps a lowercase connecting word, so it still reads as a title.
  first.title = `${first.title.replace(/\.$/u, '')}, Revisited`;
  lines[first.line - 1] = first.title;

  const entry = publications[complete]!;
  const abstractLine = entry.line + entry.coauthors.length; // 0-based index of the line after the co-authors
  lines[abstractLine] = `${lines[abstractLine]} ${ADDED_SENTENCE}`;
  entry.abstract = `${entry.abstract} ${ADDED_SENTENCE}`;

  return { file: { name: file.name, text: lines.join('\n') }, planned: { ...planned, publications } };
}
