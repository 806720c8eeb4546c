-- Search queries compute their tsquery once per statement (written by hand:
-- Prisma cannot express functions). unaccent(text) is only STABLE, because it
-- finds its dictionary through search_path, so a filter such as
-- `search_vector @@ websearch_to_tsquery('english', unaccent($1))` was
-- evaluated again for every row. This wrapper names the schema and the
-- dictionary, so its result depends on its argument alone and it can be
-- IMMUTABLE: the planner folds the whole tsquery into a constant.
CREATE FUNCTION "immutable_unaccent"(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
