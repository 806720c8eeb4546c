import { Prisma } from '../../generated/prisma/client.js';
import { linksShownPaper } from '../publication/data.js';
import { columnsOf } from '../shared/columns.js';
import type { KeyField } from '../shared/lookup.js';
import { relation } from '../shared/pagination/nested.js';

/** Researchers whose profile lists each topic (parent: topic id). */
// Each researcher looked up by key (researcher_pkey), not a merge join over a
// sort of the topic's links (issue 13; test/explain.test.ts): see authorsOfPublication.
// Counted on researcher_topic alone: its foreign key (ON DELETE CASCADE) means every link has its researcher.
export const researchersOfTopic = relation(columnsOf('Researcher', 'r'),
  Prisma.sql`researcher_topic rt CROSS JOIN LATERAL (SELECT * FROM researcher r WHERE r.id = rt.researcher_id OFFSET 0) r`, Prisma.sql`rt.topic_id`,
  Prisma.sql`researcher_topic rt`);

/** Shown publications tagged with each topic (parent: topic id); hidden ones are in no public list or count. */
// Counted on publication_topic alone (linksShownPaper), without reading the papers.
export const publicationsOfTopic = relation(columnsOf('Publication', 'p'),
  Prisma.sql`publication p JOIN publication_topic pt ON pt.publication_id = p.id AND p.hidden_at IS NULL`, Prisma.sql`pt.topic_id`,
  Prisma.sql`(SELECT pt.topic_id FROM publication_topic pt WHERE ${linksShownPaper(Prisma.sql`pt.publication_id`)}) pt`);

/** How filter arguments name a topic. */
export const topicBySlug: KeyField<'Topic'> = { model: 'Topic', field: 'slug', listKnown: true };
