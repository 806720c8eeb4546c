import { describe, expect, it } from 'vitest';
import { mergeListings, preferredSpelling, type ListingData } from '../../seed/merge.js';

const listing = (ownerKey: string, coauthorKeys: string[], abstract: string | null = null, extra: Partial<ListingData> = {}): ListingData => ({
  ownerKey,
  title: `Title as ${ownerKey} spells it`,
  abstract,
  abstractTruncated: abstract?.endsWith('…') ?? false,
  codeUrl: null,
  coauthorKeys,
  ...extra,
});

describe('merging the listings of one paper', () => {
  it('is the same whatever the order of the listings', () => {
    const listings = [listing('b', ['x', 'a']), listing('a', ['x', 'y', 'b'], 'Full text.'), listing('c', [], 'Cut …')];
    expect(mergeListings([...listings].reverse())).toEqual(mergeListings(listings));
  });

  it('orders authors by the listing naming the most co-authors, its owner after them, then adds whom it lacks', () => {
    const merged = mergeListings([listing('b', ['x', 'z']), listing('a', ['x', 'y', 'b'])]);
    expect(merged.authorKeys).toEqual(['x', 'y', 'b', 'a', 'z']);
    expect(merged.ownerKeys).toEqual(['a', 'b']);
  });

  it('prefers a complete abstract over a longer cut one, and takes the title from the listing that gave the abstract', () => {
    const merged = mergeListings([listing('a', [], 'A much longer abstract that the page cut …'), listing('b', [], 'Short and whole.')]);
    expect(merged).toMatchObject({ abstract: 'Short and whole.', abstractTruncated: false, title: 'Title as b spells it' });
  });

  it('keeps the abstract marked as cut when every listing cut it', () => {
    expect(mergeListings([listing('a', [], 'Cut early …'), listing('b', [], 'Cut a little later …')])).toMatchObject({
      abstract: 'Cut a little later …',
      abstractTruncated: true,
    });
  });

  it('takes a code link from any listing, the first owner in name order first', () => {
    const merged = mergeListings([listing('b', [], null, { codeUrl: 'https://b.example/code' }), listing('c', []), listing('a', [])]);
    expect(merged.codeUrl).toBe('https://b.example/code');
    expect(mergeListings([listing('a', [])]).abstract).toBeNull();
  });
});

describe('the spelling shown for a person without a profile', () => {
  it('is not all capitals, then the most accented, then the first in code-point order', () => {
    expect(preferredSpelling(['KELLER JORDAN', 'Keller Jordan'])).toBe('Keller Jordan');
    expect(preferredSpelling(['Helene Dupre', 'Hélène Dupré', 'Hélene Dupre'])).toBe('Hélène Dupré');
    expect(preferredSpelling(['Jo  Doe', 'Jo Doe'])).toBe('Jo  Doe');
  });
});
