import { describe, expect, it } from 'vitest';
import type { ParsedProfile, ParsedPublication } from '../../seed/parser.js';
import { planImport, type ImportPlan } from '../../seed/plan.js';
import { emptySnapshot, type Snapshot } from '../../seed/snapshot.js';
import { afterWriting } from '../support/planSnapshot.js';
import type { ProfileSource } from '../../seed/source.js';
import { loadVocabulary } from '../../seed/vocabulary.js';

/**
 * The profile import and the other sources (src/modules/shared/provenance.ts):
 * what a person corrected, what BibTeX gave and what was merged stays put
 * through a re-import of the same profiles.
 */
const vocabulary = loadVocabulary();

function paper(title: string, coauthors: string[], abstract: string | null = null): ParsedPublication {
  return { line: 10, title, coauthors, abstract, abstractTruncated: false, codeUrl: null };
}

function profile(name: string, publications: ParsedPublication[]): ProfileSource {
  const parsed: ParsedProfile = { language: 'en', name, position: 'Core Academic Member', organization: 'Mila', roles: [], topics: ['Deep Learning'], publications, warnings: [] };
  return { file: `${name}.txt`, profile: parsed };
}

const ada = profile('Ada Byron', [paper('Widgets at Scale', ['Keller Jordan', 'Grace Hopper'], 'We scale widgets.'), paper('A Note on Gadgets', ['Keller Jordan'])]);


const imported = () => afterWriting(planImport([ada], emptySnapshot(), vocabulary));
const publication = (snapshot: Snapshot, titleKey: string) => snapshot.publications.find((row) => row.titleKey === titleKey)!;
const researcher = (snapshot: Snapshot, nameKey: string) => snapshot.researchers.find((row) => row.nameKey === nameKey)!;
const written = (plan: ImportPlan) => Object.values(plan.counts).reduce((sum, counts) => sum + counts.created + counts.updated + counts.deleted, 0);

describe('the profile import and the other sources of a value', () => {
  it("marks what it writes as the profiles'", () => {
    const plan = planImport([ada], emptySnapshot(), vocabulary);
    expect(plan.publications.create.find((row) => row.titleKey === 'widgets at scale')!.provenance).toEqual({ title: 'profile', abstract: 'profile', authors: 'profile', topics: 'profile' });
    expect(plan.researchers.create.find((row) => row.nameKey === 'ada byron')!.provenance).toEqual({
      name: 'profile',
      isMember: 'profile',
      position: 'profile',
      organization: 'profile',
      roles: 'profile',
      topics: 'profile',
    });
    expect(plan.researchers.create.find((row) => row.nameKey === 'keller jordan')!.provenance).toEqual({ name: 'profile' });
  });

  it('keeps a corrected title, abstract and researcher name, and counts them', () => {
    const snapshot = imported();
    Object.assign(publication(snapshot, 'widgets at scale'), { title: 'Widgets at Scale (corrected)', abstract: 'Fixed.', provenance: { title: 'curation', abstract: 'curation', authors: 'profile', topics: 'profile' } });
    Object.assign(researcher(snapshot, 'keller jordan'), { name: 'Keller R. Jordan', provenance: { name: 'curation' } });
    const again = planImport([ada], snapshot, vocabulary);
    expect(again.keptCorrections).toBe(3);
    expect(again.publications.update).toEqual([]);
    // The files' spelling becomes an alias of the corrected name: the search still finds it.
    expect(again.researchers.update).toEqual([expect.objectContaining({ name: 'Keller R. Jordan', aliases: ['Keller Jordan'] })]);
  });

  it('keeps a corrected author list exactly, and a BibTeX one while it names everyone the profiles name', () => {
    const snapshot = imported();
    const widgets = publication(snapshot, 'widgets at scale');
    const ids = Object.fromEntries(snapshot.researchers.map((row) => [row.nameKey, row.id]));
    // Ada first, then Grace: a person reordered the authors and removed Keller Jordan.
    snapshot.authorships = snapshot.authorships.filter((link) => link.publicationId !== widgets.id);
    snapshot.authorships.push({ publicationId: widgets.id, researcherId: ids['ada byron']!, position: 0 }, { publicationId: widgets.id, researcherId: ids['grace hopper']!, position: 1 });
    widgets.provenance = { ...widgets.provenance, authors: 'curation' };
    const curated = planImport([ada], snapshot, vocabulary);
    expect(curated.authorships).toEqual({ create: [], update: [], delete: [] });
    expect(curated.keptCorrections).toBe(1);

    // The same list from BibTeX lacks Keller Jordan, whom Ada's page names: the profiles' order wins again.
    widgets.provenance = { ...widgets.provenance, authors: 'bibtex' };
    const partial = planImport([ada], snapshot, vocabulary);
    expect(partial.authorships.create).toEqual([{ titleKey: 'widgets at scale', researcherKey: 'keller jordan', position: 0 }]);
    expect(partial.publications.update[0]!.provenance.authors).toBe('profile');
  });

  it('keeps a BibTeX author list that names everyone the profiles name, in its order', () => {
    const snapshot = imported();
    const widgets = publication(snapshot, 'widgets at scale');
    snapshot.researchers.push({ id: 900, nameKey: 'alan turing', slug: 'alan-turing', name: 'Alan Turing', aliases: [], searchKey: 'alan turing', isMember: false, positionId: null, organization: null, provenance: {} });
    const ids = Object.fromEntries(snapshot.researchers.map((row) => [row.nameKey, row.id]));
    snapshot.authorships = snapshot.authorships.filter((link) => link.publicationId !== widgets.id);
    ['ada byron', 'alan turing', 'grace hopper', 'keller jordan'].forEach((key, position) => snapshot.authorships.push({ publicationId: widgets.id, researcherId: ids[key]!, position }));
    widgets.provenance = { ...widgets.provenance, authors: 'bibtex' };
    const again = planImport([ada], snapshot, vocabulary);
    expect(written(again)).toBe(0);
  });

  it('never deletes a paper another source vouches for, nor a hidden one, nor its authors', () => {
    const snapshot = imported();
    const gadgets = publication(snapshot, 'a note on gadgets');
    const withoutGadgets = profile('Ada Byron', [paper('Widgets at Scale', ['Keller Jordan', 'Grace Hopper'], 'We scale widgets.')]);
    expect(planImport([withoutGadgets], snapshot, vocabulary).publications.delete).toEqual([gadgets.id]);

    gadgets.provenance = { ...gadgets.provenance, year: 'bibtex' };
    const vouched = planImport([withoutGadgets], snapshot, vocabulary);
    expect(vouched.publications.delete).toEqual([]);
    expect(vouched.researchers.delete).toEqual([]);

    gadgets.provenance = { title: 'profile' };
    gadgets.hidden = true;
    expect(planImport([withoutGadgets], snapshot, vocabulary).publications.delete).toEqual([]);
  });

  it('brings a merged-away name to the kept person, not back as a new one', () => {
    const snapshot = imported();
    // "Keller Jordan" was merged into a record named "K. Jordan".
    const keller = researcher(snapshot, 'keller jordan');
    Object.assign(keller, { nameKey: 'k jordan', name: 'K. Jordan', provenance: { name: 'curation' } });
    snapshot.redirects.set('keller jordan', 'k jordan');
    for (const listing of snapshot.listings) listing.coauthorKeys = listing.coauthorKeys.map((key) => (key === 'keller jordan' ? 'k jordan' : key));
    const again = planImport([ada], snapshot, vocabulary);
    expect(again.researchers.create).toEqual([]);
    expect(again.authorships).toEqual({ create: [], update: [], delete: [] });
    expect(again.researchers.update).toEqual([expect.objectContaining({ id: keller.id, name: 'K. Jordan', aliases: ['Keller Jordan'] })]);
  });
});
