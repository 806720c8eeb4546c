-- Where each value comes from, and the tables curation needs.
--
-- provenance: per row, which source set each field (JSON object, field name
-- as in the API -> 'curation' | 'profile' | 'bibtex' | 'openalex'). A source
-- writes a field only when it ranks at least as high as the one that set it
-- (src/modules/shared/provenance.ts): a person's correction beats a profile
-- page, which beats BibTeX, which beats OpenAlex. A field absent from the
-- object has no value from any source yet.
ALTER TABLE "publication"
  ADD COLUMN "provenance" JSONB NOT NULL DEFAULT '{}',
  ADD COLUMN "openalex_id" TEXT,
  ADD COLUMN "citation_count" INTEGER,
  ADD COLUMN "open_access_url" TEXT,
  -- A hidden paper is left out of every public list, count and search; an
  -- import never deletes or shows it again (only restorePublication does).
  ADD COLUMN "hidden_at" TIMESTAMP(3),
  ADD COLUMN "hidden_reason" TEXT;
CREATE UNIQUE INDEX "publication_openalex_id_key" ON "publication"("openalex_id");

ALTER TABLE "researcher" ADD COLUMN "provenance" JSONB NOT NULL DEFAULT '{}';

-- A researcher record merged into another (mergeResearchers): its id still
-- resolves through node(id:), its slug through researcher(slug:), and an import
-- that names it again (by its name key) reaches the kept record.
CREATE TABLE "researcher_redirect" (
    "removed_id" INTEGER NOT NULL,
    "name_key" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "researcher_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "researcher_redirect_pkey" PRIMARY KEY ("removed_id")
);
CREATE UNIQUE INDEX "researcher_redirect_name_key_key" ON "researcher_redirect"("name_key");
CREATE UNIQUE INDEX "researcher_redirect_slug_key" ON "researcher_redirect"("slug");
CREATE INDEX "researcher_redirect_researcher_id_idx" ON "researcher_redirect"("researcher_id");
ALTER TABLE "researcher_redirect" ADD CONSTRAINT "researcher_redirect_researcher_id_fkey"
  FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- API tokens for writes: only a SHA-256 hash of each token is kept.
CREATE TABLE "api_token" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_token_role_check" CHECK ("role" IN ('editor', 'admin'))
);
CREATE UNIQUE INDEX "api_token_name_key" ON "api_token"("name");
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- Every change made through the write API, written in the change's own transaction.
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Token name or JWT subject, and how they signed in ('token' | 'jwt').
    "actor" TEXT NOT NULL,
    "actor_kind" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    -- The mutation, e.g. 'updatePublication'.
    "action" TEXT NOT NULL,
    -- 'Publication' | 'Researcher' | 'Import' …, and the row's id when there is one.
    "target_type" TEXT NOT NULL,
    "target_id" INTEGER,
    -- The changed fields only, before and after.
    "before" JSONB,
    "after" JSONB,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_at_id_idx" ON "audit_log"("at" DESC, "id" DESC);
CREATE INDEX "audit_log_target_idx" ON "audit_log"("target_type", "target_id", "at" DESC, "id" DESC);
