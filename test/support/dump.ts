import type { PrismaClient } from '../../src/generated/prisma/client.js';

/** The whole database as a user would describe it: no ids, no timestamps, stable order. */
export async function canonicalDump(prisma: PrismaClient) {
  const researchers = await prisma.researcher.findMany({
    orderBy: { nameKey: 'asc' },
    include: { position: true, roles: { include: { role: true } }, topics: { include: { topic: true } } },
  });
  const publications = await prisma.publication.findMany({
    orderBy: { titleKey: 'asc' },
    include: { authorships: { orderBy: { position: 'asc' }, include: { researcher: true } }, topics: { include: { topic: true } } },
  });
  return {
    researchers: researchers.map((r) => ({
      slug: r.slug,
      name: r.name,
      aliases: r.aliases,
      isMember: r.isMember,
      position: r.position?.key ?? null,
      organization: r.organization,
      roles: r.roles.map((link) => link.role.key).sort(),
      topics: r.topics.map((link) => link.topic.slug).sort(),
    })),
    publications: publications.map((p) => ({
      title: p.title,
      abstract: p.abstract,
      abstractTruncated: p.abstractTruncated,
      codeUrl: p.codeUrl,
      authors: p.authorships.map((a) => a.researcher.slug),
      topics: p.topics.map((link) => link.topic.slug).sort(),
    })),
    topics: (await prisma.topic.findMany({ orderBy: { slug: 'asc' } })).map((t) => [t.slug, t.name, t.nameFr]),
    roles: (await prisma.role.findMany({ orderBy: { key: 'asc' } })).map((r) => [r.key, r.name, r.nameFr]),
  };
}

/** Latest updatedAt of every table: a run that rewrites no row leaves it as it was. */
export async function lastWrites(prisma: PrismaClient) {
  const tables = ['researcher', 'position', 'role', 'topic', 'publication', 'listing', 'authorship', 'researcher_role', 'researcher_topic', 'publication_topic'];
  const rows = await prisma.$queryRawUnsafe<{ t: string; latest: Date | null; n: number }[]>(
    tables.map((table) => `SELECT '${table}' AS t, max(updated_at) AS latest, count(*)::int AS n FROM ${table}`).join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((row) => [row.t, { latest: row.latest?.toISOString() ?? null, rows: row.n }]));
}

export async function emptyDatabase(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(
    'TRUNCATE researcher, position, role, topic, publication, listing, authorship, researcher_role, researcher_topic, publication_topic RESTART IDENTITY CASCADE',
  );
}
