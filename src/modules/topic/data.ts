import { Prisma } from '../../generated/prisma/client.js';
import { linksShownPaper } from '../publication/data.js';
import { researcherOrderings } from '../researcher/data.js';
import { columnsOf } from '../shared/columns.js';
import type { KeyField } from '../shared/lookup.js';
import type { Ordering } from '../shared/pagination/cursors.js';
import { relation } from '../shared/pagination/nested.js';

/** Researchers whose profile lists each topic (parent: topic id), paged in researchersOfTopicByName. */
// A page is cut from researcher_topic alone (its index holds the order), then
// only the page's researchers are looked up by key (researcher_pkey).
// Counted on researcher_topic alone: its foreign key (ON DELETE CASCADE) means every link has its researcher.
export const researchersOfTopic = relation(columnsOf('Researcher', 'r'),
  Prisma.sql`researcher_topic rt CROSS JOIN LATERAL (SELECT * FROM researcher r WHERE r.id = rt.researcher_id OFFSET 0) r`, Prisma.sql`rt.topic_id`,
  Prisma.sql`researcher_topic rt`,
  { from: Prisma.sql`researcher_topic rt`, childId: Prisma.sql`rt.researcher_id`, table: Prisma.sql`researcher` });

/**
 * A topic's researchers by name: researcherOrderings.NAME, (name_key, id),
 * read from researcher_topic's copy of the name key (kept by triggers,
 * migration 20261130050000_researcher_topic_name_key). Its index
 * (topic_id, name_key, researcher_id) gives the links in page order, so only
 * the page's researchers are looked up, where the researcher's own key made
 * every researcher of the topic be read and sorted (issue 13: the page grew
 * with the topic). Same name, same values: the cursors are NAME's.
 */
export const researchersOfTopicByName: Ordering = {
  name: researcherOrderings.NAME.name,
  keys: [
    { sql: Prisma.sql`rt.name_key`, direction: 'asc', type: 'text' },
    { sql: Prisma.sql`rt.researcher_id`, direction: 'asc', type: 'int' },
  ],
};

/** Shown publications tagged with each topic (parent: topic id); hidden ones are in no public list or count. */
// Counted on publication_topic alone (linksShownPaper), without reading the papers.
export const publicationsOfTopic = relation(columnsOf('Publication', 'p'),
  Prisma.sql`publication p JOIN publication_topic pt ON pt.publication_id = p.id AND p.hidden_at IS NULL`, Prisma.sql`pt.topic_id`,
  Prisma.sql`(SELECT pt.topic_id FROM publication_topic pt WHERE ${linksShownPaper(Prisma.sql`pt.publication_id`)}) pt`);

/** How filter arguments name a topic. */
export const topicBySlug: KeyField<'Topic'> = { model: 'Topic', field: 'slug', listKnown: true };
