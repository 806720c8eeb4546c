import { describe, expect, it } from 'vitest';
import { arxivIdOf, EntryError, normalizeDoi, toReference, type ParsedEntry } from '../../seed/bibtex/entry.js';

const entry = (fields: Record<string, unknown>): ParsedEntry => ({ type: 'article', key: 'key2024', fields: { title: 'A Title', ...fields } });
const reference = (fields: Record<string, unknown>) => toReference(entry(fields), 'refs.bib', 3);

describe('an entry as a reference', () => {
  it('gives title, title key, year, venue (journal or booktitle), DOI, arXiv id, URL and the named authors', () => {
    expect(
      reference({
        title: 'Lookbehind-SAM:  k steps back',
        booktitle: 'International Conference on Machine Learning (ICML)',
        year: '2024',
        eprint: '2307.16704v2',
        archiveprefix: 'arXiv',
        url: 'https://proceedings.mlr.press/v235/mordido24a.html',
        author: [{ lastName: 'Mordido', firstName: 'Gonçalo' }, { lastName: 'others' }],
      }),
    ).toEqual({
      file: 'refs.bib',
      line: 3,
      key: 'key2024',
      title: 'Lookbehind-SAM: k steps back',
      titleKey: 'lookbehind sam k steps back',
      year: 2024,
      venue: 'International Conference on Machine Learning (ICML)',
      doi: null,
      arxivId: '2307.16704',
      url: 'https://proceedings.mlr.press/v235/mordido24a.html',
      authors: [{ given: 'Gonçalo', family: 'Mordido', display: 'Gonçalo Mordido' }],
    });
  });

  it('finds the arXiv id in eprint (archivePrefix or eprinttype), an arxiv.org link, or Google Scholar\'s journal', () => {
    expect(arxivIdOf({ eprint: '2307.16704', eprinttype: 'arxiv' }, 'k')).toBe('2307.16704');
    expect(arxivIdOf({ eprint: 'arXiv:hep-th/9901001v3', archiveprefix: 'arXiv' }, 'k')).toBe('hep-th/9901001');
    expect(arxivIdOf({ url: 'https://arxiv.org/pdf/2212.01674v1.pdf' }, 'k')).toBe('2212.01674');
    expect(arxivIdOf({ journal: 'arXiv preprint arXiv:2307.09638' }, 'k')).toBe('2307.09638');
    expect(arxivIdOf({ eprint: '1234', archiveprefix: 'hal' }, 'k')).toBeNull();
    expect(reference({ journal: 'arXiv preprint arXiv:2307.09638' })).toMatchObject({ venue: 'arXiv preprint', arxivId: '2307.09638' });
  });

  it('takes a DOI without its resolver', () => {
    expect(normalizeDoi('https://doi.org/10.1109/5.771073', 'k')).toBe('10.1109/5.771073');
    expect(normalizeDoi('doi:10.1109/5.771073', 'k')).toBe('10.1109/5.771073');
  });

  it.each([
    [{ title: '  ' }, 'entry key2024 has no title'],
    [{ title: '—' }, 'has no letter or digit'],
    [{ year: '2024a' }, 'the year "2024a" is not a year'],
    [{ year: '3024' }, 'the year "3024" is not a year'],
    [{ doi: '11.1/x' }, 'the DOI "11.1/x" is not a DOI'],
    [{ url: 'ftp://example.org/x' }, 'is not an http(s) URL'],
    [{ eprint: 'x', archiveprefix: 'arXiv' }, 'is not an arXiv id'],
    [{ author: [{ lastName: '1' }] }, 'the author "1" has no letter'],
  ])('refuses %j: %s', (fields, message) => {
    expect(() => reference(fields)).toThrow(EntryError);
    expect(() => reference(fields)).toThrow(message);
  });
});
