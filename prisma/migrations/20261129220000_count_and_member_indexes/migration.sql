-- Indexes for counts and pages that read a whole table before (issue 13,
-- item 2; test/explain.test.ts). The two partial indexes are written by hand:
-- schema.prisma does not model partial indexes, and its schema diff leaves
-- them alone (as it does the expression indexes of year_order_indexes).

-- Hidden papers, for the counts read from a link table alone (authorship,
-- publication_topic): `NOT EXISTS (… h.id = link.publication_id AND
-- h.hidden_at IS NOT NULL)` finds the few hidden papers here instead of
-- looking up every linked paper (src/modules/publication/data.ts, linksShownPaper).
CREATE INDEX "publication_hidden_idx" ON "publication" ("id") WHERE "hidden_at" IS NOT NULL;

-- Lab members by name: the members' page (`researchers(filter: {isMember: true})`,
-- ordered by name_key, id) walks it and stops at the page, and their
-- totalCount counts it, where both read every researcher before.
CREATE INDEX "researcher_member_name_idx" ON "researcher" ("name_key", "id") WHERE "is_member";

-- A researcher's authorships with their papers' ids: a researcher's paper
-- count and co-authors read the index alone (an index-only scan), not the
-- authorship rows. It replaces the index on researcher_id alone, which it covers.
DROP INDEX "authorship_researcher_id_idx";
CREATE INDEX "authorship_researcher_id_publication_id_idx" ON "authorship"("researcher_id", "publication_id");
