import { describe, expect, it } from 'vitest';
import type { Reference } from '../../seed/bibtex/entry.js';
import { bibName } from '../../seed/bibtex/names.js';
import { planReferences, type ReferenceRow, type ReferenceSnapshot } from '../../seed/bibtex/plan.js';
import { titleKey } from '../../src/modules/shared/text.js';

const author = (family: string, given: string) => bibName({ lastName: family, firstName: given })!;

function ref(title: string, extra: Partial<Reference> = {}): Reference {
  return { file: 'refs.bib', line: 1, key: 'k', title, titleKey: titleKey(title), year: null, venue: null, doi: null, arxivId: null, url: null, authors: [], ...extra };
}

function row(id: number, title: string, extra: Partial<ReferenceRow> = {}): ReferenceRow {
  return { id, title, titleKey: titleKey(title), year: null, venue: null, doi: null, arxivId: null, url: null, provenance: { title: 'profile', authors: 'profile' }, ...extra };
}

/** Paper 1 by Aristide Baratin (10) and Nicolas Roux (11); paper 2 with a DOI and a curated year. */
function snapshot(): ReferenceSnapshot {
  return {
    publications: [row(1, 'Lookbehind-SAM'), row(2, 'Spectral Bias', { doi: '10.1/ABC', year: 2018, provenance: { year: 'curation' } })],
    authorships: [
      { publicationId: 1, researcherId: 11, position: 0 },
      { publicationId: 1, researcherId: 10, position: 1 },
    ],
    researchers: [
      { id: 10, nameKey: 'aristide baratin', name: 'Aristide Baratin' },
      { id: 11, nameKey: 'nicolas roux', name: 'Nicolas Roux' },
      { id: 12, nameKey: 'keller jordan', name: 'Keller Jordan' },
    ],
    redirects: [{ nameKey: 'k jordan', researcherId: 12 }],
    takenSlugs: new Set(['goncalo-mordido']),
  };
}

describe('planning a BibTeX import', () => {
  it('matches by DOI (any case) before the title, fills what provenance allows, keeps a correction', () => {
    const plan = planReferences([ref('Another Title', { doi: '10.1/abc', year: 2019, venue: 'ICML' })], snapshot());
    expect(plan.publications.update).toEqual([
      { id: 2, year: 2018, venue: 'ICML', doi: '10.1/ABC', arxivId: null, url: null, provenance: { venue: 'bibtex' } },
    ]);
    expect(plan.counts).toMatchObject({ matched: 1, created: 0, fieldsFilled: 1, valuesKept: 1 });
  });

  it('sets an author list naming everyone on the paper: abbreviations and particles matched, new people slugged past taken slugs', () => {
    const plan = planReferences(
      [ref('Lookbehind-SAM', { authors: [author('Mordido', 'Gonçalo'), author('Baratin', 'A.'), author('Le Roux', 'Nicolas'), author('Jordan', 'K')] })],
      snapshot(),
    );
    expect(plan.authorships).toEqual([
      { paper: { id: 1 }, person: { key: 'goncalo mordido' }, position: 0 },
      { paper: { id: 1 }, person: { id: 10 }, position: 1 },
      { paper: { id: 1 }, person: { id: 11 }, position: 2 },
      // `K Jordan` is not on the paper: reached through the redirect of a merged-away name.
      { paper: { id: 1 }, person: { id: 12 }, position: 3 },
    ]);
    expect(plan.researchers).toEqual([{ nameKey: 'goncalo mordido', name: 'Gonçalo Mordido', slug: 'goncalo-mordido-2', searchKey: 'goncalo mordido' }]);
    expect(plan.publications.update[0]!.provenance).toEqual({ authors: 'bibtex' });
  });

  it('leaves a list that is already the paper\'s as it is, its source included', () => {
    const plan = planReferences([ref('Lookbehind-SAM', { authors: [author('Roux', 'Nicolas'), author('Baratin', 'Aristide')] })], snapshot());
    expect(plan.publications.update).toEqual([]);
    expect(plan.counts).toMatchObject({ unchanged: 1, authorListsSet: 0 });
  });

  it('keeps an author list that leaves someone out, or that a person corrected', () => {
    const leavesOut = planReferences([ref('Lookbehind-SAM', { authors: [author('Baratin', 'Aristide')] })], snapshot());
    expect(leavesOut.authorships).toEqual([]);
    expect(leavesOut.researchers).toEqual([]);
    expect(leavesOut.counts).toMatchObject({ authorListsKept: 1, unchanged: 1 });

    const corrected = snapshot();
    corrected.publications[0]!.provenance.authors = 'curation';
    const plan = planReferences([ref('Lookbehind-SAM', { authors: [author('Roux', 'Nicolas'), author('Baratin', 'Aristide'), author('Chandar', 'Sarath')] })], corrected);
    expect(plan.authorships).toEqual([]);
    expect(plan.counts.authorListsKept).toBe(1);
  });

  it('does not guess when two authors fit an abbreviation', () => {
    const twins = snapshot();
    twins.researchers.push({ id: 13, nameKey: 'nadia roux', name: 'Nadia Roux' });
    twins.authorships.push({ publicationId: 1, researcherId: 13, position: 2 });
    const plan = planReferences([ref('Lookbehind-SAM', { authors: [author('Baratin', 'A.'), author('Roux', 'N.')] })], twins);
    expect(plan.authorships).toEqual([]);
  });

  it('makes one new paper of the entries sharing an identifier, and refuses two entries that disagree', () => {
    const a = ref('A New Paper', { file: 'a.bib', arxivId: '2001.00001', year: 2020 });
    const b = ref('A new paper (preprint title)', { file: 'b.bib', arxivId: '2001.00001', url: 'https://arxiv.org/abs/2001.00001' });
    const plan = planReferences([b, a], snapshot());
    expect(plan.publications.create).toEqual([
      {
        titleKey: 'a new paper',
        title: 'A New Paper',
        year: 2020,
        venue: null,
        doi: null,
        arxivId: '2001.00001',
        url: 'https://arxiv.org/abs/2001.00001',
        provenance: { title: 'bibtex', year: 'bibtex', arxivId: 'bibtex', url: 'bibtex' },
      },
    ]);
    expect(() => planReferences([a, { ...b, year: 2021 }], snapshot())).toThrow('b.bib:1: entry k gives the year 2021, but a.bib:1 (entry k) gives 2020 for the same paper');
  });

  it('refuses to give one DOI to two papers', () => {
    expect(() => planReferences([ref('Lookbehind-SAM', { doi: '10.1/abc' }), ref('Spectral Bias', { year: 2019 })], snapshot())).not.toThrow();
    expect(() => planReferences([ref('Lookbehind-SAM', { arxivId: '1' }), ref('Spectral Bias', { arxivId: '1' })], snapshot())).toThrow(/arXiv id 1 is already that of/);
  });

  it('plans the same rows whatever the order of the entries', () => {
    const entries = [
      ref('Lookbehind-SAM', { year: 2024, authors: [author('Mordido', 'G.'), author('Roux', 'Nicolas'), author('Baratin', 'Aristide')] }),
      ref('Zeta', { authors: [author('Zed', 'Zoe'), author('Mordido', 'G.')] }),
      ref('Alpha', { authors: [author('Alpha', 'Al')] }),
    ];
    expect(planReferences([...entries].reverse(), snapshot())).toEqual(planReferences(entries, snapshot()));
  });
});
