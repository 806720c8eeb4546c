import { badUserInput } from './errors.js';
import { cleanText } from './text.js';

/**
 * Validators of values a person writes through the API. Each returns the
 * value as it is stored (normalised), or throws BAD_USER_INPUT naming the
 * field (`argumentName`, e.g. `patch.doi`) and saying what a good value looks
 * like. Pure: unit-tested in test/unit/validate.test.ts.
 */

/** Non-empty text, white space cleaned (`cleanText`). */
export function validText(value: string, field: string, maxLength = 10_000): string {
  const text = cleanText(value);
  if (text === '') throw badUserInput(`${field} may not be empty.`, field);
  if (text.length > maxLength) throw badUserInput(`${field} is too long: ${text.length} characters, at most ${maxLength}.`, field);
  return text;
}

const doiPrefix = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/iu;
const doiPattern = /^10\.\d{4,9}\/\S+$/u;

/**
 * A DOI, as stored: `10.NNNN/suffix`, lower case (DOIs are case-insensitive),
 * without a `https://doi.org/` or `doi:` prefix.
 */
export function validDoi(value: string, field: string): string {
  const doi = value.trim().replace(doiPrefix, '').toLowerCase();
  if (!doiPattern.test(doi)) {
    throw badUserInput(`${field} is not a DOI: ${JSON.stringify(value)}. A DOI looks like 10.1234/abc.5678 (or https://doi.org/10.1234/abc.5678).`, field);
  }
  return doi;
}

/** A publication year: 1900 to next year (a paper accepted for next year's conference). */
export function validYear(value: number, field: string, now: Date = new Date()): number {
  const latest = now.getUTCFullYear() + 1;
  if (!Number.isInteger(value) || value < 1900 || value > latest) {
    throw badUserInput(`${field} must be a year from 1900 to ${latest}; got ${value}.`, field);
  }
  return value;
}

/** An absolute http(s) URL with a host. */
export function validUrl(value: string, field: string): string {
  const text = value.trim();
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw badUserInput(`${field} must be an http(s) URL, e.g. https://example.org/paper; got ${JSON.stringify(value)}.`, field);
  }
  return text;
}

// New style (2007 on): 2101.00001, with an optional version; old style: hep-th/9901001, math.GT/0309136.
const arxivNew = /^\d{4}\.\d{4,5}(?:v\d+)?$/u;
const arxivOld = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?$/u;
const arxivPrefix = /^(?:arxiv:\s*|https?:\/\/arxiv\.org\/abs\/)/iu;

/** An arXiv identifier, new style (`2101.00001`, `2101.00001v2`) or old style (`hep-th/9901001`), without an `arXiv:` prefix. */
export function validArxivId(value: string, field: string): string {
  const id = value.trim().replace(arxivPrefix, '');
  if (!arxivNew.test(id) && !arxivOld.test(id)) {
    throw badUserInput(`${field} is not an arXiv identifier: ${JSON.stringify(value)}. Examples: 2101.00001, 2101.00001v2, hep-th/9901001.`, field);
  }
  return id;
}

const orcidPattern = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/u;
const orcidPrefix = /^https?:\/\/orcid\.org\//iu;

/** The check character of an ORCID's first 15 digits: ISO 7064 MOD 11-2. */
export function orcidCheckCharacter(digits: string): string {
  let total = 0;
  for (const digit of digits) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

/** An ORCID iD, `0000-0002-1825-0097`, with a valid check character; a `https://orcid.org/` prefix is dropped. */
export function validOrcid(value: string, field: string): string {
  const orcid = value.trim().replace(orcidPrefix, '').toUpperCase();
  if (!orcidPattern.test(orcid)) {
    throw badUserInput(`${field} is not an ORCID iD: ${JSON.stringify(value)}. It looks like 0000-0002-1825-0097.`, field);
  }
  const digits = orcid.replace(/-/gu, '');
  if (orcidCheckCharacter(digits.slice(0, 15)) !== digits[15]) {
    throw badUserInput(`${field} ${JSON.stringify(value)} has a wrong check digit (ISO 7064 11,2): a typo in the ORCID iD?`, field);
  }
  return orcid;
}
