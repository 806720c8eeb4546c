import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  orcidCheckCharacter,
  validArxivId,
  validDoi,
  validOrcid,
  validText,
  validUrl,
  validYear,
} from '../../src/modules/shared/validate.js';

/** The BAD_USER_INPUT error a validator throws, with the field it names. */
function refusal(validate: () => unknown): { message: string; argumentName: unknown } {
  try {
    validate();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { extensions, message } = error as GraphQLError;
    expect(extensions.code).toBe('BAD_USER_INPUT');
    return { message, argumentName: extensions.argumentName };
  }
  throw new Error('expected the value to be refused');
}

describe('validDoi', () => {
  it('keeps a DOI as 10.NNNN/suffix in lower case, without a resolver prefix', () => {
    expect(validDoi('10.1038/NATURE14539', 'patch.doi')).toBe('10.1038/nature14539');
    expect(validDoi(' https://doi.org/10.48550/arXiv.2101.00001 ', 'patch.doi')).toBe('10.48550/arxiv.2101.00001');
    expect(validDoi('http://dx.doi.org/10.1145/3292500.3330701', 'patch.doi')).toBe('10.1145/3292500.3330701');
    expect(validDoi('doi:10.1000/xyz', 'patch.doi')).toBe('10.1000/xyz');
  });

  it('refuses what is not a DOI, naming the field', () => {
    for (const bad of ['', 'nature14539', '10.12/abc', '11.1234/abc', '10.1234/', '10.1234/a b', 'https://example.org/10.1234/x']) {
      const { message, argumentName } = refusal(() => validDoi(bad, 'patch.doi'));
      expect(argumentName).toBe('patch.doi');
      expect(message).toContain('patch.doi is not a DOI');
    }
  });
});

describe('validYear', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  it('accepts 1900 to next year', () => {
    expect(validYear(1900, 'patch.year', now)).toBe(1900);
    expect(validYear(2027, 'patch.year', now)).toBe(2027);
  });
  it('refuses years outside, naming the range', () => {
    expect(refusal(() => validYear(1899, 'patch.year', now)).message).toBe('patch.year must be a year from 1900 to 2027; got 1899.');
    expect(refusal(() => validYear(2028, 'patch.year', now)).argumentName).toBe('patch.year');
  });
});

describe('validUrl', () => {
  it('accepts absolute http and https URLs', () => {
    expect(validUrl(' https://github.com/lab/code ', 'patch.codeUrl')).toBe('https://github.com/lab/code');
    expect(validUrl('http://example.org/paper.pdf', 'patch.url')).toBe('http://example.org/paper.pdf');
  });
  it('refuses other schemes, relative and malformed URLs', () => {
    for (const bad of ['javascript:alert(1)', 'ftp://example.org/x', '/paper.pdf', 'example.org', 'https://', 'file:///etc/passwd']) {
      const { message, argumentName } = refusal(() => validUrl(bad, 'patch.url'));
      expect(argumentName).toBe('patch.url');
      expect(message).toContain('must be an http(s) URL');
    }
  });
});

describe('validArxivId', () => {
  it('accepts new and old style identifiers, dropping an arXiv: prefix', () => {
    expect(validArxivId('2101.00001', 'patch.arxivId')).toBe('2101.00001');
    expect(validArxivId('arXiv:1706.03762v7', 'patch.arxivId')).toBe('1706.03762v7');
    expect(validArxivId('0704.0001', 'patch.arxivId')).toBe('0704.0001');
    expect(validArxivId('hep-th/9901001', 'patch.arxivId')).toBe('hep-th/9901001');
    expect(validArxivId('math.GT/0309136v2', 'patch.arxivId')).toBe('math.GT/0309136v2');
    expect(validArxivId('https://arxiv.org/abs/2101.00001', 'patch.arxivId')).toBe('2101.00001');
  });
  it('refuses other text', () => {
    for (const bad of ['21010.0001', '2101.001', 'hep-th/990100', 'attention is all you need', '']) {
      expect(refusal(() => validArxivId(bad, 'patch.arxivId')).argumentName).toBe('patch.arxivId');
    }
  });
});

describe('validOrcid', () => {
  it('computes the ISO 7064 11,2 check character', () => {
    // ORCID's own examples: 0000-0002-1825-0097 and 0000-0002-1694-233X.
    expect(orcidCheckCharacter('000000021825009')).toBe('7');
    expect(orcidCheckCharacter('000000021694233')).toBe('X');
  });
  it('accepts valid iDs, with or without the orcid.org prefix, and a lower-case x', () => {
    expect(validOrcid('0000-0002-1825-0097', 'patch.orcid')).toBe('0000-0002-1825-0097');
    expect(validOrcid('https://orcid.org/0000-0002-1694-233x', 'patch.orcid')).toBe('0000-0002-1694-233X');
  });
  it('refuses a wrong check digit and a wrong shape, saying which', () => {
    expect(refusal(() => validOrcid('0000-0002-1825-0098', 'patch.orcid')).message).toContain('wrong check digit');
    expect(refusal(() => validOrcid('0000000218250097', 'patch.orcid')).message).toContain('is not an ORCID iD');
    expect(refusal(() => validOrcid('0000-0002-1825-009', 'patch.orcid')).argumentName).toBe('patch.orcid');
  });
});

describe('validText', () => {
  it('cleans white space and refuses empty text', () => {
    expect(validText('  A  title\n', 'patch.title')).toBe('A title');
    expect(refusal(() => validText(' \u00a0 ', 'patch.title')).message).toBe('patch.title may not be empty.');
    expect(refusal(() => validText('x'.repeat(11), 'patch.title', 10)).message).toContain('too long');
  });
});
