import { cleanText } from '../src/modules/shared/text.js';
import { findCodeLink } from './codeLink.js';
import { readLineAfterTitle } from './titleOrName.js';

/**
 * Parses a saved profile page (DESIGN section 2), French or English labels.
 * Pure: text in, a typed profile out, or a ProfileParseError with the line.
 *
 *   Portrait de <name>            alt text of the photo
 *   <name>
 *   <position> - <organisation>
 *   <supervision role>…
 *   Sujets de recherche           then one topic per line, up to a blank line
 *   Publications                  then entries: a title line, co-author lines,
 *                                 usually one abstract line
 *
 * The page's structure tells the lines of an entry apart: after an abstract comes
 * a title; after a title or a co-author comes an abstract, a co-author or, when the
 * entry has no abstract, the next title (see titleOrName.ts for that choice, and the
 * warnings it gives when it cannot be sure).
 */

export interface ParsedPublication {
  /** 1-based line of the title in the file. */
  line: number;
  title: string;
  /** Co-authors in page order; the profile's owner is not listed by the page. */
  coauthors: string[];
  abstract: string | null;
  /** The page cut the abstract for good: it ends in `…` with no continuation. */
  abstractTruncated: boolean;
  codeUrl: string | null;
}

/** Something the parser read one way when it could have been read another: worth a look, not an error. */
export interface ParseWarning {
  /** 1-based line in the text given to the parser. */
  line: number;
  message: string;
}

export interface ParsedProfile {
  language: 'en' | 'fr';
  name: string;
  position: string | null;
  organization: string | null;
  roles: string[];
  topics: string[];
  publications: ParsedPublication[];
  warnings: ParseWarning[];
}

export class ProfileParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProfileParseError';
  }
}

export interface ParseOptions {
  /** Tells a supervision-role line from a position line when the vocabulary knows the label. */
  isKnownRole?: (label: string) => boolean;
  isKnownPosition?: (label: string) => boolean;
}

const PORTRAIT = /^Portrait (de|d'|of)(?:\s+(.*))?$/iu;
const TOPICS_HEADER = /^(Sujets de recherche|Research Topics)$/iu;
const PUBLICATIONS_HEADER = /^Publications$/iu;
/** The page's "read more" cut inside an abstract: `sheds … (voir plus)new light`. */
const SEE_MORE = /…\s*\((?:voir plus|see more)\)/iu;
const ALL_SEE_MORE = new RegExp(SEE_MORE.source, 'giu');
const HAS_LETTER = /\p{L}/u;
const ROLE_WORDS = /supervis|superviseur|directeur|directrice|director|advisor|conseill/iu;

interface Line {
  number: number;
  text: string;
}

function words(text: string): string[] {
  return text.split(' ').filter((word) => word.length > 0);
}

/** An abstract line: cut by the page, or prose longer than any title. */
function looksLikeAbstract(text: string): boolean {
  const count = words(text).length;
  return SEE_MORE.test(text) || text.endsWith('…') || count >= 25 || (count >= 12 && /[.!?]$/u.test(text));
}

/** Joins the page's cuts exactly (the cut may fall inside a word) and marks a final cut. */
export function readAbstract(raw: string): { abstract: string; truncated: boolean; codeUrl: string | null } {
  const abstract = cleanText(raw.replace(ALL_SEE_MORE, ''));
  return { abstract, truncated: abstract.endsWith('…'), codeUrl: findCodeLink(abstract) };
}

export function parseProfile(text: string, options: ParseOptions = {}): ParsedProfile {
  const lines: Line[] = text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n/u)
    .map((raw, index) => ({ number: index + 1, text: cleanText(raw) }));
  const lastLine = Math.max(lines.length, 1);
  let index = 0;
  const skipBlank = () => {
    while (index < lines.length && lines[index]!.text === '') index += 1;
  };
  const isHeader = (line: string) => TOPICS_HEADER.test(line) || PUBLICATIONS_HEADER.test(line);

  skipBlank();
  if (index >= lines.length) throw new ProfileParseError(1, 'the file is empty (no profile)');

  // The photo's alt text gives the language; the name follows it.
  let language: 'en' | 'fr' = 'en';
  const portrait = PORTRAIT.exec(lines[index]!.text);
  if (portrait) {
    language = portrait[1]!.toLowerCase() === 'of' ? 'en' : 'fr';
    index += 1;
    skipBlank();
  }
  const nameLine = lines[index];
  if (!nameLine || isHeader(nameLine.text)) {
    throw new ProfileParseError(nameLine?.number ?? lastLine, 'the profile has no name: expected the person\'s name after the "Portrait" line');
  }
  const name = nameLine.text;
  if (!HAS_LETTER.test(name)) {
    throw new ProfileParseError(nameLine.number, `the profile's name ${JSON.stringify(name)} has no letter: expected the person's name after the "Portrait" line`);
  }
  index += 1;

  // Position line and supervision roles, up to the topics or publications header.
  let position: string | null = null;
  let organization: string | null = null;
  const roles: string[] = [];
  for (; index < lines.length && !isHeader(lines[index]!.text); index += 1) {
    const line = lines[index]!.text;
    if (line === '') continue;
    if (options.isKnownRole?.(line)) {
      roles.push(line);
    } else if (position === null && (options.isKnownPosition?.(line) || line.includes(' - ') || !ROLE_WORDS.test(line))) {
      const separator = line.indexOf(' - ');
      position = separator === -1 ? line : line.slice(0, separator).trim();
      organization = separator === -1 ? null : line.slice(separator + 3).trim() || null;
    } else {
      roles.push(line);
    }
  }

  const topics: string[] = [];
  if (index < lines.length && TOPICS_HEADER.test(lines[index]!.text)) {
    if (/^Sujets/iu.test(lines[index]!.text)) language = 'fr';
    index += 1;
    for (; index < lines.length && lines[index]!.text !== '' && !PUBLICATIONS_HEADER.test(lines[index]!.text); index += 1) {
      topics.push(lines[index]!.text);
    }
    skipBlank();
  }

  if (index >= lines.length || !PUBLICATIONS_HEADER.test(lines[index]!.text)) {
    throw new ProfileParseError(
      lines[index]?.number ?? lastLine,
      'the profile has no "Publications" section' + (lines[index] ? `: expected "Publications", found ${JSON.stringify(lines[index]!.text)}` : ''),
    );
  }
  index += 1;

  const publications: ParsedPublication[] = [];
  const warnings: ParseWarning[] = [];
  let current: ParsedPublication | null = null;
  for (; index < lines.length; index += 1) {
    const { number, text: line } = lines[index]!;
    if (line === '') continue;
    // An abstract closes its entry: the next line starts another one.
    const expectingTitle = current === null || current.abstract !== null;
    if (!expectingTitle && looksLikeAbstract(line)) {
      const { abstract, truncated, codeUrl } = readAbstract(line);
      current!.abstract = abstract;
      current!.abstractTruncated = truncated;
      current!.codeUrl = codeUrl;
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(line)) {
      throw new ProfileParseError(number, `${JSON.stringify(line.slice(0, 60))} has no letter or digit: it is neither a publication's title nor a co-author's name`);
    }
    if (!expectingTitle) {
      const reading = readLineAfterTitle(line);
      if (reading.kind === 'coauthor') {
        current!.coauthors.push(line);
        continue;
      }
      if (reading.kind === 'ambiguous') {
        warnings.push({
          line: number,
          message: `${JSON.stringify(line)} read as the title of a new publication (the one above has no abstract), not as a co-author: ${reading.why}`,
        });
      }
    }
    if (SEE_MORE.test(line) || (expectingTitle && words(line).length >= 40)) {
      throw new ProfileParseError(number, `a publication has no title: ${JSON.stringify(line.slice(0, 60))} reads as an abstract or is not a title`);
    }
    current = { line: number, title: line, coauthors: [], abstract: null, abstractTruncated: false, codeUrl: null };
    publications.push(current);
  }
  return { language, name, position, organization, roles, topics, publications, warnings };
}

/** Whether a line after a title reads as a co-author's name (kept for callers of the earlier parser). */
export function looksLikeName(text: string): boolean {
  return readLineAfterTitle(text).kind === 'coauthor';
}
