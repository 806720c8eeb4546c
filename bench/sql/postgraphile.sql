-- Bench only: applied to the benchmark's database after the project's
-- migrations, never to the app's. What a PostGraphile user would add to give
-- PostGraphile v5 the same questions our API answers, written the way its
-- documentation recommends (STABLE SQL functions, which it exposes as fields
-- and which PostgreSQL inlines into the statement PostGraphile compiles).
-- Our server ignores these objects.

-- PostGraphile orders by `year DESC NULLS LAST, title_key, id` (pgOrderByNullsLast,
-- so that papers without a year go last as in our API); this index serves
-- that order, as publication_year_desc_order_idx serves ours.
CREATE INDEX "bench_publication_year_desc_nulls_last_idx" ON "publication" ("year" DESC NULLS LAST, "title_key", "id");

-- Researcher.publications: a researcher's papers, newest first (the relation
-- through authorship cannot be ordered by the paper's columns).
CREATE FUNCTION "researcher_publications"(r "researcher") RETURNS SETOF "publication"
  LANGUAGE sql STABLE AS $$
    SELECT p.* FROM "publication" p JOIN "authorship" a ON a."publication_id" = p."id"
    WHERE a."researcher_id" = r."id"
    ORDER BY coalesce(p."year", -1) DESC, p."title_key", p."id"
  $$;

-- Query.searchPublications: ranked full-text search, ranked as our API ranks
-- (ts_rank to 6 digits, then title, then id); PostGraphile has no ranked search built in.
CREATE FUNCTION "search_publications"(q text) RETURNS SETOF "publication"
  LANGUAGE sql STABLE AS $$
    SELECT p.* FROM "publication" p
    WHERE p."search_vector" @@ websearch_to_tsquery('english', immutable_unaccent(q))
    ORDER BY floor(ts_rank(p."search_vector", websearch_to_tsquery('english', immutable_unaccent(q))) * 1000000)::int DESC,
             p."title_key", p."id"
  $$;

-- Topic.researchers: the researchers whose profile lists the topic, by name.
CREATE FUNCTION "topic_researchers"(t "topic") RETURNS SETOF "researcher"
  LANGUAGE sql STABLE AS $$
    SELECT r.* FROM "researcher" r JOIN "researcher_topic" rt ON rt."researcher_id" = r."id"
    WHERE rt."topic_id" = t."id"
    ORDER BY r."name_key", r."id"
  $$;

-- Researcher.coauthors: people sharing papers with the researcher, most shared first, then by name.
CREATE FUNCTION "researcher_coauthors"(r "researcher", n int) RETURNS TABLE (slug text, name text, shared_publications int)
  LANGUAGE sql STABLE AS $$
    SELECT o."slug", o."name", count(*)::int
    FROM "authorship" mine
    JOIN "authorship" theirs ON theirs."publication_id" = mine."publication_id" AND theirs."researcher_id" <> mine."researcher_id"
    JOIN "researcher" o ON o."id" = theirs."researcher_id"
    WHERE mine."researcher_id" = r."id"
    GROUP BY o."id"
    ORDER BY count(*) DESC, o."name_key", o."id"
    LIMIT n
  $$;

-- Publication.authors: in author order (authorship.position has no index, so
-- PostGraphile offers no orderBy on it; our API lists authors in this order).
CREATE FUNCTION "publication_authors"(p "publication") RETURNS SETOF "researcher"
  LANGUAGE sql STABLE AS $$
    SELECT r.* FROM "researcher" r JOIN "authorship" a ON a."researcher_id" = r."id"
    WHERE a."publication_id" = p."id"
    ORDER BY a."position"
  $$;

-- Publication.topics: by English name, as our API lists them.
CREATE FUNCTION "publication_topics"(p "publication") RETURNS SETOF "topic"
  LANGUAGE sql STABLE AS $$
    SELECT t.* FROM "topic" t JOIN "publication_topic" pt ON pt."topic_id" = t."id"
    WHERE pt."publication_id" = p."id"
    ORDER BY t."name", t."id"
  $$;
