-- What `npm run enrich` (seed/enrich/) already asked an outside source about
-- each publication, so that a second run does not ask again: a paper matched
-- stays done, and a lookup that found nothing or several candidates is
-- remembered too (asked again only with --retry). A lookup that failed
-- (timeout, server error) is not recorded: the next run tries it again.
CREATE TABLE "enrichment_attempt" (
    "publication_id" INTEGER NOT NULL,
    -- The source asked, e.g. 'openalex'.
    "source" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    -- The source's id of the work accepted (outcome 'matched'), e.g. 'W2741809807'.
    "work_id" TEXT,
    "attempted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "enrichment_attempt_pkey" PRIMARY KEY ("publication_id", "source"),
    CONSTRAINT "enrichment_attempt_outcome_check" CHECK ("outcome" IN ('matched', 'ambiguous', 'not_found'))
);
ALTER TABLE "enrichment_attempt" ADD CONSTRAINT "enrichment_attempt_publication_id_fkey"
  FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;
