import type { PrismaClient } from '../../src/generated/prisma/client.js';

/**
 * Adds the paper the citation tests format and read back: every field a
 * citation shows, and what makes an entry hard to write (accents, a particle,
 * %, &, a URL with a query). Authors: the seed's Aristide Baratin, then two
 * new researchers, Élise Lévesque and Nicola De Cao.
 * `provenance` marks the paper's values as coming from that source (the
 * BibTeX round trip marks them 'bibtex', as its import leaves them).
 */
export async function createCitedPaper(prisma: PrismaClient, provenance?: Record<string, string>): Promise<{ id: number }> {
  const baratin = await prisma.researcher.findUniqueOrThrow({ where: { slug: 'aristide-baratin' } });
  const elise = await prisma.researcher.create({
    data: { slug: 'elise-levesque', name: 'Élise Lévesque', nameKey: 'elise levesque', searchKey: 'elise levesque' },
  });
  const nicola = await prisma.researcher.create({
    data: { slug: 'nicola-de-cao', name: 'Nicola De Cao', nameKey: 'nicola de cao', searchKey: 'nicola de cao' },
  });
  const paper = await prisma.publication.create({
    data: {
      titleKey: 'torque aware optimizers for gans 50 fewer steps more',
      title: 'Torque-Aware Optimizers for GANs: 50% Fewer Steps & More',
      year: 2024,
      venue: 'International Conference on Learning Representations',
      doi: '10.5555/test.2024.001',
      arxivId: '2401.01234',
      url: 'https://example.org/papers/torque?id=1&v=2',
      ...(provenance ? { provenance } : {}),
    },
  });
  for (const [position, researcher] of [baratin, elise, nicola].entries()) {
    await prisma.authorship.create({ data: { publicationId: paper.id, researcherId: researcher.id, position } });
  }
  return paper;
}
