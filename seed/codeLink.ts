/**
 * Finds a publication's code link in its abstract, in any language and on any host.
 *
 * A URL is a code link when the text of its sentence before it introduces code
 * (`Our code is available at`, `Le code est disponible à`, `Code :`, `Our implementation:`…),
 * or, whatever the sentence says, when it is a repository on a code host
 * (`https://github.com/owner/repo`). Any other URL (`Data at https://zenodo.org/…`,
 * `See https://example.org for details`) is not. The first URL introduced as code wins,
 * else the first code-host repository (an abstract may cite a library it builds on before its own code).
 */

/**
 * Words that introduce code, English and French, matched on accent-folded lower case.
 * `source` alone is not one (`open-source data`), but `source code` and `code source` hold `code`.
 */
const CODE_CUE = /\b(?:code|codes|implementation|implementations|repository|repositories|repo|depot|software|logiciel|toolkit|toolbox|library|package)\b/u;

/** Hosts whose repository URLs are code whatever the sentence says: host and the path a repository has. */
const CODE_HOSTS: { host: RegExp; repository: RegExp }[] = [
  { host: /^(?:www\.)?github\.com$/u, repository: /^\/[^/]+\/[^/]+/u },
  // gitlab.com and self-hosted GitLab (gitlab.inria.fr, gitlab.example.org).
  { host: /^(?:www\.)?gitlab\.[a-z.]+$/u, repository: /^\/[^/]+\/[^/]+/u },
  { host: /^(?:www\.)?bitbucket\.org$/u, repository: /^\/[^/]+\/[^/]+/u },
  { host: /^(?:www\.)?codeberg\.org$/u, repository: /^\/[^/]+\/[^/]+/u },
  { host: /^(?:www\.)?sourceforge\.net$/u, repository: /^\/projects?\/[^/]+/u },
  // Model and Space repositories; datasets and paper pages are not code.
  { host: /^(?:www\.)?(?:huggingface\.co|hf\.co)$/u, repository: /^\/(?:spaces\/)?(?!datasets\/|papers\/|docs\/|blog\/)[^/]+\/[^/]+/u },
];

/** A URL with its scheme, or a code-host address written without one (`github.com/owner/repo`). */
const URL_PATTERN = /https?:\/\/[^\s<>"“”«»]+|(?<![\w@./-])(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|huggingface\.co|sourceforge\.net)\/[^\s<>"“”«»]+/giu;

/** Characters a sentence puts right after a URL, never part of it. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '"', "'", '’', '”', '»', '*']);

/** The URL without the sentence's punctuation after it; a `)` or `]` stays when the URL opened it. */
export function stripTrailingPunctuation(url: string): string {
  let end = url.length;
  const count = (text: string, char: string) => text.split(char).length - 1;
  while (end > 0 && TRAILING.has(url[end - 1]!)) {
    const char = url[end - 1]!;
    const head = url.slice(0, end);
    if (char === ')' && count(head, '(') >= count(head, ')')) break;
    if (char === ']' && count(head, '[') >= count(head, ']')) break;
    end -= 1;
  }
  return url.slice(0, end);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Whether the URL is a repository on a known code host. */
export function isCodeHostRepository(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(/^https?:\/\//iu.test(url) ? url : `https://${url}`);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  return CODE_HOSTS.some((code) => code.host.test(host) && code.repository.test(parsed.pathname));
}

/**
 * The sentence's text before a URL, back to the previous URL or the start of the
 * sentence: what introduces this URL and no other. A sentence ends with `.`, `!` or `?`
 * followed by a space; `et al.` and `e.g.` cut it a little early, which only shortens the window.
 */
function introduction(text: string, urlStart: number, previousUrlEnd: number): string {
  const before = text.slice(previousUrlEnd, urlStart);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '));
  return before.slice(sentenceStart + 1);
}

/** The abstract's code link, or null. */
export function findCodeLink(abstract: string): string | null {
  let previousUrlEnd = 0;
  let hostedRepository: string | null = null;
  for (const match of abstract.matchAll(URL_PATTERN)) {
    const start = match.index;
    const raw = match[0];
    const end = start + raw.length;
    const introducedAsCode = CODE_CUE.test(fold(introduction(abstract, start, previousUrlEnd)));
    previousUrlEnd = end;
    // The page cut the abstract inside the URL (`https://github.com/ab…`): what is left is not an address.
    if (raw.endsWith('…') || abstract.startsWith('…', end)) continue;
    const url = stripTrailingPunctuation(raw);
    const absolute = /^https?:\/\//iu.test(url) ? url : `https://${url}`;
    if (!URL.canParse(absolute)) continue;
    if (introducedAsCode) return absolute;
    if (hostedRepository === null && isCodeHostRepository(absolute)) hostedRepository = absolute;
  }
  return hostedRepository;
}
