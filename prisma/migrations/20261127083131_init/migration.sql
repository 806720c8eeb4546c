-- CreateTable
CREATE TABLE "researcher" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "search_key" TEXT NOT NULL DEFAULT '',
    "position_id" INTEGER,
    "organization" TEXT,
    "is_member" BOOLEAN NOT NULL DEFAULT false,
    "orcid" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "researcher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "position" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_fr" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_fr" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "researcher_role" (
    "researcher_id" INTEGER NOT NULL,
    "role_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "researcher_role_pkey" PRIMARY KEY ("researcher_id","role_id")
);

-- CreateTable
CREATE TABLE "topic" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_fr" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "researcher_topic" (
    "researcher_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "researcher_topic_pkey" PRIMARY KEY ("researcher_id","topic_id")
);

-- CreateTable
CREATE TABLE "publication" (
    "id" SERIAL NOT NULL,
    "title_key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT,
    "abstract_truncated" BOOLEAN NOT NULL DEFAULT false,
    "code_url" TEXT,
    "year" INTEGER,
    "venue" TEXT,
    "doi" TEXT,
    "arxiv_id" TEXT,
    "url" TEXT,
    "search_vector" tsvector,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "authorship" (
    "publication_id" INTEGER NOT NULL,
    "researcher_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "authorship_pkey" PRIMARY KEY ("publication_id","researcher_id")
);

-- CreateTable
CREATE TABLE "publication_topic" (
    "publication_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "publication_topic_pkey" PRIMARY KEY ("publication_id","topic_id")
);

-- CreateTable
CREATE TABLE "listing" (
    "id" SERIAL NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT,
    "abstract_truncated" BOOLEAN NOT NULL DEFAULT false,
    "code_url" TEXT,
    "coauthor_keys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "listing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "researcher_slug_key" ON "researcher"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "researcher_name_key_key" ON "researcher"("name_key");

-- CreateIndex
CREATE UNIQUE INDEX "researcher_orcid_key" ON "researcher"("orcid");

-- CreateIndex
CREATE INDEX "researcher_position_id_idx" ON "researcher"("position_id");

-- CreateIndex
CREATE UNIQUE INDEX "position_key_key" ON "position"("key");

-- CreateIndex
CREATE UNIQUE INDEX "role_key_key" ON "role"("key");

-- CreateIndex
CREATE INDEX "researcher_role_role_id_idx" ON "researcher_role"("role_id");

-- CreateIndex
CREATE UNIQUE INDEX "topic_slug_key" ON "topic"("slug");

-- CreateIndex
CREATE INDEX "researcher_topic_topic_id_idx" ON "researcher_topic"("topic_id");

-- CreateIndex
CREATE UNIQUE INDEX "publication_title_key_key" ON "publication"("title_key");

-- CreateIndex
CREATE UNIQUE INDEX "publication_doi_key" ON "publication"("doi");

-- CreateIndex
CREATE UNIQUE INDEX "publication_arxiv_id_key" ON "publication"("arxiv_id");

-- CreateIndex
CREATE INDEX "publication_search_vector_idx" ON "publication" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "publication_year_idx" ON "publication"("year");

-- CreateIndex
CREATE INDEX "authorship_researcher_id_idx" ON "authorship"("researcher_id");

-- CreateIndex
CREATE INDEX "publication_topic_topic_id_idx" ON "publication_topic"("topic_id");

-- CreateIndex
CREATE INDEX "listing_publication_id_idx" ON "listing"("publication_id");

-- CreateIndex
CREATE UNIQUE INDEX "listing_owner_id_publication_id_key" ON "listing"("owner_id", "publication_id");

-- AddForeignKey
ALTER TABLE "researcher" ADD CONSTRAINT "researcher_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "researcher_role" ADD CONSTRAINT "researcher_role_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "researcher_role" ADD CONSTRAINT "researcher_role_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "researcher_topic" ADD CONSTRAINT "researcher_topic_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "researcher_topic" ADD CONSTRAINT "researcher_topic_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "authorship" ADD CONSTRAINT "authorship_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "authorship" ADD CONSTRAINT "authorship_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication_topic" ADD CONSTRAINT "publication_topic_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication_topic" ADD CONSTRAINT "publication_topic_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listing" ADD CONSTRAINT "listing_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listing" ADD CONSTRAINT "listing_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "researcher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search (written by hand: Prisma cannot express triggers).
-- search_vector weights the title (A) above the abstract (B). Both go through
-- unaccent and the English stemmer, and so does every query, so that French
-- and English text match with or without accents ("modeles" finds "modèles").
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION "publication_search_vector_update"() RETURNS trigger AS $$
BEGIN
  NEW."search_vector" :=
    setweight(to_tsvector('english', unaccent(coalesce(NEW."title", ''))), 'A') ||
    setweight(to_tsvector('english', unaccent(coalesce(NEW."abstract", ''))), 'B');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "publication_search_vector"
  BEFORE INSERT OR UPDATE OF "title", "abstract" ON "publication"
  FOR EACH ROW EXECUTE FUNCTION "publication_search_vector_update"();
