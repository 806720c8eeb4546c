import type { Topic } from '../../generated/prisma/client.js';

/** What Topic fields resolve from: the database row. */
export type TopicModel = Topic;
