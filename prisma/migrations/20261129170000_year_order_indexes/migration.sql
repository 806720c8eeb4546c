-- The two year orders of the publication list (src/modules/publication/data.ts,
-- publicationOrderings), served by an index each instead of a sort of the whole
-- table per request (written by hand: Prisma cannot express expression indexes,
-- and its schema diff leaves them alone). The expressions must be the orderings'
-- exactly, coalesce constants included: papers without a year sort as -1 when
-- newest come first and as 2147483647 when oldest come first, last both times.
-- `last`/`before` pages run the same order reversed: a backward scan of the
-- same index.
CREATE INDEX "publication_year_desc_order_idx" ON "publication" ((coalesce("year", -1)) DESC, "title_key", "id");
CREATE INDEX "publication_year_asc_order_idx" ON "publication" ((coalesce("year", 2147483647)), "title_key", "id");
