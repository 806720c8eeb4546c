-- A researcher's papers newest first, read in the order of one index (issue 13:
-- the profile page sorted every paper of the researcher to keep a page). The
-- order is the paper's (coalesce(year, -1) DESC, title_key, id) and the link is
-- authorship's, so no index served it. authorship now carries copies of what
-- that order and the public filter need: year_key (coalesce(year, -1), the
-- YEAR_DESC key as it is), title_key, and shown (hidden_at IS NULL), and the
-- index (researcher_id, shown, year_key DESC, title_key, publication_id) gives
-- a researcher's shown papers in page order: only the page's papers are looked
-- up (src/modules/researcher/data.ts). The copies have the same values as the
-- paper's, so cursors and answers are the same as before.
--
-- Triggers keep the copies right whoever writes (the import, the curation
-- mutations, hidePublication, SQL typed by hand); Prisma's schema does not
-- describe them and its schema diff leaves them alone (written by hand; the
-- columns and index are as the diff writes them, the columns
-- `@default(dbgenerated())` in schema.prisma because the trigger, not the
-- writer, fills them). Same technique as 20261130050000_researcher_topic_name_key.

-- AlterTable
ALTER TABLE "authorship" ADD COLUMN "year_key" INTEGER,
ADD COLUMN "title_key" TEXT,
ADD COLUMN "shown" BOOLEAN;
UPDATE "authorship" a SET "year_key" = coalesce(p."year", -1), "title_key" = p."title_key", "shown" = p."hidden_at" IS NULL
  FROM "publication" p WHERE p."id" = a."publication_id";
ALTER TABLE "authorship" ALTER COLUMN "year_key" SET NOT NULL,
ALTER COLUMN "title_key" SET NOT NULL,
ALTER COLUMN "shown" SET NOT NULL;

-- A link takes its paper's keys when it is written. FOR SHARE, not the
-- foreign key's FOR KEY SHARE: year, title_key and hidden_at are no key
-- columns, so only FOR SHARE waits for a concurrent change of them (which
-- then reads the committed row) or makes that change wait for this link to
-- commit (and its trigger below then sees the link). With no such paper the
-- keys stay neutral and the foreign key refuses the row with its own error
-- (not a NOT NULL one).
CREATE FUNCTION "authorship_paper_keys_fill"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  paper RECORD;
BEGIN
  SELECT p."year", p."title_key", p."hidden_at" INTO paper FROM "publication" p WHERE p."id" = NEW."publication_id" FOR SHARE;
  IF FOUND THEN
    NEW."year_key" := coalesce(paper."year", -1);
    NEW."title_key" := paper."title_key";
    NEW."shown" := paper."hidden_at" IS NULL;
  ELSE
    NEW."year_key" := -1;
    NEW."title_key" := '';
    NEW."shown" := false;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "authorship_paper_keys"
  BEFORE INSERT OR UPDATE ON "authorship"
  FOR EACH ROW EXECUTE FUNCTION "authorship_paper_keys_fill"();

-- A paper's new year, title key or visibility reaches its links (curation,
-- hidePublication, unhidePublication, the import's updates).
CREATE FUNCTION "publication_keys_to_authorships"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "authorship" SET "year_key" = coalesce(NEW."year", -1), "title_key" = NEW."title_key", "shown" = NEW."hidden_at" IS NULL
    WHERE "publication_id" = NEW."id";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "publication_keys_to_authorships"
  AFTER UPDATE OF "year", "title_key", "hidden_at" ON "publication"
  FOR EACH ROW WHEN (OLD."year" IS DISTINCT FROM NEW."year" OR OLD."title_key" IS DISTINCT FROM NEW."title_key"
    OR (OLD."hidden_at" IS NULL) <> (NEW."hidden_at" IS NULL))
  EXECUTE FUNCTION "publication_keys_to_authorships"();

-- CreateIndex
CREATE INDEX "authorship_researcher_id_shown_year_key_title_key_publicati_idx" ON "authorship"("researcher_id", "shown", "year_key" DESC, "title_key", "publication_id");
