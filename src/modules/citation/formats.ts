import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Cite as CiteClass, plugins as citationPlugins } from '@citation-js/core';
import { projectRoot } from '../../db/paths.js';
import type { CitationFormat } from '../../generated/graphql.js';
import { citationKey, uniqueKeys } from './citationKey.js';
import { cslItem, type CitedPublication, type CslItem } from './cslItem.js';
import { familyWithParticle, splitName } from './names.js';

/**
 * Citations in every format the API gives, made by citation-js from CSL-JSON
 * items: BibTeX and RIS by its plugins, APA and IEEE by citeproc-js with the
 * official CSL styles. APA ships with plugin-csl; IEEE is the Citation Style
 * Language project's ieee.csl (CC BY-SA 3.0), kept beside this file and
 * registered with citation-js when it loads: no style is fetched at run time.
 */

interface StyleRegister {
  has(name: string): boolean;
  add(name: string, xml: string): void;
}
export const ieeeStylePath = path.join(projectRoot, 'src', 'modules', 'citation', 'ieee.csl');

let citeClass: typeof CiteClass | undefined;

/**
 * citation-js with its plugins, loaded on the first citation rather than at
 * start-up: most processes never make one, and it holds about 9 MiB of the
 * server's resident memory and 4 MiB of its heap from the moment it is
 * imported (scripts/perf-tail.ts prints the server's memory after start).
 * Loaded with require (its packages are CommonJS: the same instance an
 * import would give), so that formatCitations stays synchronous.
 */
function loadCitationJs(): typeof CiteClass {
  if (citeClass) return citeClass;
  const require = createRequire(import.meta.url);
  const core = require('@citation-js/core') as { Cite: typeof CiteClass; plugins: typeof citationPlugins };
  for (const plugin of ['@citation-js/plugin-bibtex', '@citation-js/plugin-csl', '@citation-js/plugin-ris']) require(plugin);
  const styles = (core.plugins.config.get('@csl') as { styles: StyleRegister }).styles;
  if (!styles.has('ieee')) styles.add('ieee', fs.readFileSync(ieeeStylePath, 'utf8'));
  return (citeClass = core.Cite);
}

/** A citation-js Cite of `data` (CSL-JSON items). */
function cite(data: unknown): CiteClass {
  const Cite = loadCitationJs();
  return new Cite(data);
}

/** The CSL items of papers, each under a key unique within the list (see citationKey.ts). */
export function cslItems(papers: readonly CitedPublication[]): CslItem[] {
  const keys = uniqueKeys(
    papers.map(({ publication, authors }) => ({
      id: publication.id,
      key: citationKey(authors[0] ? splitName(authors[0].name).family : undefined, publication.year, publication.title),
    })),
  );
  return papers.map((paper) => cslItem(paper, keys.get(paper.publication.id)!));
}

interface BibtexEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

// An arXiv id as arXiv writes them (2401.01234, 2401.01234v2, hep-th/9901001):
// written into BibTeX only when it is one, so it needs no escaping.
const arxivIdPattern = /^[A-Za-z.-]*\/?[0-9.]+(v[0-9]+)?$/;

/**
 * BibTeX from citation-js, plus what its CSL mapping has no field for: an
 * arXiv id as `eprint` with `archivePrefix = {arXiv}` (the form arXiv and
 * BibTeX importers read), and a preprint as `@misc` rather than an
 * `@article` without a journal. Field values are escaped by citation-js;
 * only the entry layout is written here, in its own layout.
 */
function bibtex(papers: readonly CitedPublication[], items: CslItem[]): string {
  const plain = items.map(({ number: _number, publisher: _publisher, note: _note, ...item }) => ({
    ...item,
    type: item.type === 'article' ? 'document' : item.type,
  }));
  const entries = cite(plain).format('bibtex', { format: 'object' }) as BibtexEntry[];
  return entries
    .map((entry, index) => {
      const arxivId = papers[index]!.publication.arxivId;
      const fields = Object.entries(entry.properties);
      if (arxivId && arxivIdPattern.test(arxivId)) fields.push(['eprint', arxivId], ['archivePrefix', 'arXiv']);
      return `@${entry.type}{${entry.label},\n${fields.map(([field, value]) => `\t${field} = {${value}},\n`).join('')}}\n`;
    })
    .join('\n');
}

/**
 * IEEE cites a conference paper without pages as "presented at the <event>":
 * the venue is the event too. ieee.csl is a CSL 1.0 style, which names that
 * variable `event` (CSL 1.0.2's `event-title`): downgradeCsl renames it.
 */
function forIeee(items: CslItem[]): CslItem[] {
  return items.map((item) => (item.type === 'paper-conference' ? { ...item, 'event-title': item['container-title'] } : item));
}

/** A bibliography in a CSL style, one reference a line, in the papers' order (APA itself sorts by author). */
function bibliography(items: CslItem[], template: 'apa' | 'ieee'): string {
  const options = { template, lang: 'en-US', format: 'text', asEntryArray: true, downgradeCsl: template === 'ieee' };
  const entries = cite(template === 'ieee' ? forIeee(items) : items).format('bibliography', options) as [string, string][];
  const byId = new Map(entries.map(([id, text]) => [id, text.trim()]));
  // IEEE numbers references in the order given, so its own order is already ours.
  return (template === 'ieee' ? entries.map(([, text]) => text.trim()) : items.map((item) => byId.get(item.id)!)).join('\n');
}

/** The papers' citations in one format, in the order given. */
export function formatCitations(papers: readonly CitedPublication[], format: CitationFormat): string {
  const items = cslItems(papers);
  switch (format) {
    case 'BIBTEX':
      return bibtex(papers, items);
    case 'CSL_JSON':
      return cite(items).format('data') as string;
    case 'RIS':
      // citation-js's RIS output drops a name's particle: "De Cao" goes whole into the family name.
      return cite(items.map((item) => ({ ...item, author: item.author.map(familyWithParticle) }))).format('ris') as string;
    case 'APA':
      return bibliography(items, 'apa');
    case 'IEEE':
      return bibliography(items, 'ieee');
  }
}
