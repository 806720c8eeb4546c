/**
 * Order-independent merging: what a person or a paper looks like is a
 * function of the set of everything seen about it, never of import order.
 */

/** The spelling to show for a person with no profile: not all capitals, then the most accented, then the first in code-point order. */
export function preferredSpelling(spellings: Iterable<string>): string {
  const rank = (spelling: string) => [spelling === spelling.toUpperCase() ? 1 : 0, -(spelling.match(/[^\p{ASCII}]/gu)?.length ?? 0)];
  return [...spellings].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0]! - rb[0]! || ra[1]! - rb[1]! || (a < b ? -1 : a > b ? 1 : 0);
  })[0]!;
}

/** A publication as one profile lists it (see the Listing model). */
export interface ListingData {
  ownerKey: string;
  title: string;
  abstract: string | null;
  abstractTruncated: boolean;
  codeUrl: string | null;
  coauthorKeys: string[];
}

export interface MergedPublication {
  title: string;
  abstract: string | null;
  abstractTruncated: boolean;
  codeUrl: string | null;
  /** Name keys of the authors, in order. */
  authorKeys: string[];
  /** Name keys of the profile owners that list it (their topics tag it). */
  ownerKeys: string[];
}

const byOwner = (a: ListingData, b: ListingData) => (a.ownerKey < b.ownerKey ? -1 : a.ownerKey > b.ownerKey ? 1 : 0);

/**
 * Merges every listing of a paper. Authors: the listing naming the most
 * co-authors sets the order, the others add whom it lacks; on each listing
 * the owner, whom the page does not name, comes after its co-authors.
 * Abstract: a complete one over a cut one, then the longest.
 */
export function mergeListings(listings: ListingData[]): MergedPublication {
  const ordered = [...listings].sort((a, b) => b.coauthorKeys.length - a.coauthorKeys.length || byOwner(a, b));
  const authorKeys: string[] = [];
  for (const listing of ordered) {
    for (const key of [...listing.coauthorKeys, listing.ownerKey]) if (!authorKeys.includes(key)) authorKeys.push(key);
  }
  const withAbstract = listings
    .filter((listing) => listing.abstract !== null)
    .sort(
      (a, b) =>
        Number(a.abstractTruncated) - Number(b.abstractTruncated) || b.abstract!.length - a.abstract!.length || byOwner(a, b),
    );
  const best = withAbstract[0];
  const titleSource = best ?? [...listings].sort(byOwner)[0]!;
  return {
    title: titleSource.title,
    abstract: best?.abstract ?? null,
    abstractTruncated: best?.abstractTruncated ?? false,
    codeUrl: [...listings].sort(byOwner).find((listing) => listing.codeUrl !== null)?.codeUrl ?? null,
    authorKeys,
    ownerKeys: [...new Set(listings.map((listing) => listing.ownerKey))].sort(),
  };
}
