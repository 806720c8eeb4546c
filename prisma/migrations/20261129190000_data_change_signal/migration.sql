-- Data change signal (src/db/dataChanges.ts): any statement that changes a data
-- table NOTIFYs the channel lab_data_changed. PostgreSQL delivers a
-- notification when its transaction commits (never for a rolled-back one) and
-- folds identical notifications of one transaction into one, so an import of
-- thousands of rows signals once. Every API instance LISTENs and drops its
-- cached answers, whoever made the change: an import run from another process,
-- an edit through any instance, or SQL typed by hand.
--
-- The function is generic: a new data table joins with one CREATE TRIGGER line
-- like those below. api_token and audit_log have none: no anonymous answer
-- shows them (and the edit an audit entry records signals through its table). Statement-level triggers fire even when a statement
-- touches no row (an UPDATE matching nothing): a spurious drop of the cache
-- costs a few misses, a missed one would serve stale answers.
-- Prisma's schema does not describe triggers, and its schema diff leaves them
-- alone (written by hand).
CREATE FUNCTION "lab_notify_data_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lab_data_changed', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "researcher_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "researcher" FOR EACH STATEMENT EXECUTE FUNCTION "lab_notify_data_changed"();
CREATE TRIGGER "position_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "position" FOR EACH STATEMENT EXECUTE FUNCTION "lab_notify_data_changed"();
CREATE TRIGGER "role_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "role" FOR EACH STATEMENT EXECUTE FUNCTION "lab_notify_data_changed"();
CREATE TRIGGER "researcher_role_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "researcher_role" FOR EACH STATEMENT EXECUTE FUNCTION "lab_notify_data_changed"();
CREATE TRIGGER "topic_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "topic" FOR EACH STATEMENT EXECUTE FUNCTION "lab_notify_data_changed"();
CREATE TRIGGER "researcher_topic_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "researcher_topic" FOR EACH STATEMENT EXECUTE FUNCTION "lab_notify_data_changed"();
CREATE TRIGGER "publication_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "publication" FOR EACH STATEMENT EXECUTE FUNCTION "lab_notify_data_changed"();
CREATE TRIGGER "authorship_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "authorship" FOR EACH STATEMENT EXECUTE FUNCTION "lab_notify_data_changed"();
CREATE TRIGGER "publication_topic_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "publication_topic" FOR EACH STATEMENT EXECUTE FUNCTION "lab_notify_data_changed"();
CREATE TRIGGER "listing_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "listing" FOR EACH STATEMENT EXECUTE FUNCTION "lab_notify_data_changed"();
-- A merge's redirect changes which researcher an old slug answers.
CREATE TRIGGER "researcher_redirect_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "researcher_redirect" FOR EACH STATEMENT EXECUTE FUNCTION "lab_notify_data_changed"();
