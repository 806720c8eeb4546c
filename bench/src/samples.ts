import type pg from 'pg';
import type { Operation } from './operations.js';

/**
 * The values the requests of an operation cycle through, so that no system
 * answers one hot page over and over: 8 members (spread by a hash of the
 * slug, from prolific to occasional authors), every topic, and 6 searches
 * from narrow to broad.
 */
export type Samples = Record<Operation['sample'], (string | undefined)[]>;

export const searches = ['graph attention', 'sparse transformers', 'reinforcement learning', 'contrastive', 'robust', 'pruning'];

export async function readSamples(client: pg.Client): Promise<Samples> {
  const members = await client.query<{ slug: string }>('SELECT slug FROM researcher WHERE is_member ORDER BY md5(slug) LIMIT 8');
  const topics = await client.query<{ slug: string }>('SELECT slug FROM topic ORDER BY slug');
  return {
    member: members.rows.map((row) => row.slug),
    topic: topics.rows.map((row) => row.slug),
    search: searches,
    none: [undefined],
  };
}
