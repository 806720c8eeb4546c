-- A topic's researchers by name, read in the order of one index (issue 13:
-- the topic page grew with the topic's size). The order is the researcher's
-- (name_key, id) and the link is researcher_topic's, so no index served it:
-- every researcher of the topic was looked up and sorted to keep a page.
-- researcher_topic now carries a copy of its researcher's name_key, and the
-- index (topic_id, name_key, researcher_id) gives a topic's researchers in
-- page order: only the page's researchers are looked up
-- (src/modules/topic/data.ts). The copy has the same values as
-- (r.name_key, r.id), so cursors and answers are the same as before.
--
-- Triggers keep the copy right whoever writes (the import, the curation
-- mutations, SQL typed by hand); Prisma's schema does not describe them and
-- its schema diff leaves them alone (written by hand; the column and index
-- are as the diff writes them, the column `@default(dbgenerated())` in
-- schema.prisma because the trigger, not the writer, fills it).

-- AlterTable
ALTER TABLE "researcher_topic" ADD COLUMN "name_key" TEXT;
UPDATE "researcher_topic" rt SET "name_key" = r."name_key" FROM "researcher" r WHERE r."id" = rt."researcher_id";
ALTER TABLE "researcher_topic" ALTER COLUMN "name_key" SET NOT NULL;

-- A link takes its researcher's key when it is written. FOR KEY SHARE is the
-- lock the foreign key check takes anyway: taken here first, it waits for a
-- concurrent change of the researcher's key and reads the committed one. With
-- no such researcher the key stays '' and the foreign key refuses the row
-- with its own error (not a NOT NULL one).
CREATE FUNCTION "researcher_topic_name_key_fill"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."name_key" := coalesce((SELECT r."name_key" FROM "researcher" r WHERE r."id" = NEW."researcher_id" FOR KEY SHARE), '');
  RETURN NEW;
END;
$$;

CREATE TRIGGER "researcher_topic_name_key"
  BEFORE INSERT OR UPDATE ON "researcher_topic"
  FOR EACH ROW EXECUTE FUNCTION "researcher_topic_name_key_fill"();

-- A researcher's new key reaches its links (the API keeps a researcher's key
-- on a rename today, but the copy must not depend on that).
CREATE FUNCTION "researcher_name_key_to_topics"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "researcher_topic" SET "name_key" = NEW."name_key" WHERE "researcher_id" = NEW."id";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "researcher_name_key_to_topics"
  AFTER UPDATE OF "name_key" ON "researcher"
  FOR EACH ROW WHEN (OLD."name_key" IS DISTINCT FROM NEW."name_key")
  EXECUTE FUNCTION "researcher_name_key_to_topics"();

-- DropIndex
DROP INDEX "researcher_topic_topic_id_idx";

-- CreateIndex
CREATE INDEX "researcher_topic_topic_id_name_key_researcher_id_idx" ON "researcher_topic"("topic_id", "name_key", "researcher_id");
