import { PrismaPg } from '@prisma/adapter-pg';
import { describe, expect, it } from 'vitest';
import { Prisma, PrismaClient } from '../../src/generated/prisma/client.js';
import { columnsOf, dataModelOf, selectList } from '../../src/modules/shared/columns.js';

// A client that is never connected: the select lists only read its data model.
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: 'postgresql://nobody@127.0.0.1:1/none' }) });

describe('select lists from the Prisma data model', () => {
  it('selects every scalar field of the model under its field name, from its @map column', () => {
    const sql = selectList(prisma, columnsOf('Researcher', 'r')).sql;
    expect(sql).toContain('r."name_key" AS "nameKey"');
    expect(sql).toContain('r."is_member" AS "isMember"');
    expect(sql).toContain('r."slug" AS "slug"');
    const selected = [...sql.matchAll(/AS "(\w+)"/g)].map((match) => match[1]);
    expect(selected).toEqual(Object.values(Prisma.ResearcherScalarFieldEnum));
  });

  it('leaves out relations and Unsupported columns (search_vector)', () => {
    const sql = selectList(prisma, columnsOf('Publication', 'p')).sql;
    expect(sql).not.toContain('search_vector');
    expect(sql).not.toContain('authorships');
    expect([...sql.matchAll(/AS "(\w+)"/g)].map((match) => match[1])).toEqual(Object.values(Prisma.PublicationScalarFieldEnum));
  });

  it('uses the alias it is given', () => {
    expect(selectList(prisma, columnsOf('Topic', 'x')).sql).toMatch(/^x\."id" AS "id", x\."slug" AS "slug"/);
  });

  it('says what to do when a Prisma upgrade moves the data model', () => {
    expect(() => dataModelOf({} as PrismaClient)).toThrow(/Prisma Client has no _runtimeDataModel/);
  });
});
