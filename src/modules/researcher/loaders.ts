import DataLoader from 'dataloader';
import type { Position, PrismaClient } from '../../generated/prisma/client.js';
import { byKey } from '../shared/batch.js';

export function createResearcherLoaders(prisma: PrismaClient) {
  return {
    /** Positions by id: one statement for a whole list of researchers. */
    positionById: new DataLoader<number, Position | null>(async (ids) => {
      const rows = await prisma.position.findMany({ where: { id: { in: [...ids] } } });
      return byKey(ids, rows, (row) => row.id, (row) => row, null);
    }),
  };
}
