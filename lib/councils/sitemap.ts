import "server-only";
import { getDb } from "@/lib/server/db";

/** Every public page worth indexing: councils, published meetings, cases treated in them, adopted plans. */
export async function listPublicUrls() {
  const db = await getDb();
  const [councils, meetings, cases, plans] = await Promise.all([
    db.council.findMany({ select: { slug: true, updatedAt: true } }),
    db.meeting.findMany({
      where: { OR: [{ noticeSentAt: { not: null } }, { minutes: { status: "APPROVED", publishedAt: { not: null } } }] },
      select: { id: true, updatedAt: true, noticeSentAt: true, body: { select: { council: { select: { slug: true } } } } },
      take: 40_000,
    }),
    db.case.findMany({
      where: { items: { some: { status: "ACTIVE", meeting: { noticeSentAt: { not: null } } } } },
      select: { id: true, updatedAt: true, council: { select: { slug: true } } },
      take: 40_000,
    }),
    db.plan.findMany({ where: { versions: { some: {} } }, select: { id: true, updatedAt: true, council: { select: { slug: true } } } }),
  ]);
  return [
    ...councils.flatMap((c) => ["", "/moter", "/referater", "/planer"].map((p) => ({ path: `/r/${c.slug}${p}`, lastModified: c.updatedAt }))),
    ...meetings.flatMap((m) => [
      { path: `/r/${m.body.council.slug}/moter/${m.id}`, lastModified: m.updatedAt },
      ...(m.noticeSentAt ? [{ path: `/r/${m.body.council.slug}/moter/${m.id}/innkalling`, lastModified: m.updatedAt }] : []),
    ]),
    ...cases.map((c) => ({ path: `/r/${c.council.slug}/saker/${c.id}`, lastModified: c.updatedAt })),
    ...plans.map((p) => ({ path: `/r/${p.council.slug}/planer/${p.id}`, lastModified: p.updatedAt })),
  ];
}
