import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/server/db";
import { can, type Viewer } from "@/lib/authz/policy";
import { osloCalendarDay } from "@/lib/meetings/notice";

export { BODY_KIND_LABELS } from "@/lib/bodies/schemas";

export { MEMBERSHIP_ROLE_LABELS } from "@/lib/people/schemas";

// Periods are calendar days, both ends inclusive: a member is still one on their last day, and one
// who joins next year is not one yet. Today is Oslo's day, as the dates are stored.
const validToday = (today: Date) => ({ validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gte: today } }] });

// Public: who the councils are. Everything here is public information.
export async function listCouncils() {
  const db = await getDb();
  const today = osloCalendarDay(new Date());
  const rows = await db.council.findMany({
    orderBy: { name: "asc" },
    select: { slug: true, name: true, shortName: true, _count: { select: { members: { where: validToday(today) } } } },
  });
  return rows.map((r) => ({ slug: r.slug, name: r.name, shortName: r.shortName, memberCount: r._count.members }));
}

// Cached per request: the public page and its metadata ask for the same council.
export const getCouncilAbout = cache(async (slug: string) => {
  const db = await getDb();
  const today = osloCalendarDay(new Date());
  const council = await db.council.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      purpose: true,
      legalBasis: true,
      websiteUrl: true,
      email: true,
      members: {
        where: validToday(today),
        orderBy: { organization: { name: "asc" } },
        select: {
          validFrom: true,
          organization: { select: { id: true, name: true, kind: true, municipalityNumber: true, population: true } },
        },
      },
      bodies: {
        where: { AND: [{ OR: [{ activeFrom: null }, { activeFrom: { lte: today } }] }, { OR: [{ activeTo: null }, { activeTo: { gte: today } }] }] },
        orderBy: [{ isPolitical: "desc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          abbreviation: true,
          kind: true,
          isPolitical: true,
          description: true,
          memberships: {
            where: validToday(today),
            orderBy: [{ position: "asc" }, { role: "asc" }],
            select: {
              id: true,
              role: true,
              roleLabel: true,
              substituteOrder: true,
              person: { select: { name: true, title: true } },
              organization: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  return council;
});

// Portal: the council as a signed-in user sees it; null when they have no role there.
export async function getCouncilForViewer(viewer: Viewer | null, slug: string) {
  const council = await councilBySlug(slug);
  if (!council || !can(viewer, "council.read", council.id)) return null;
  return council;
}

// Layouts and pages both ask during one request; one query answers them.
const councilBySlug = cache(async (slug: string) => {
  const db = await getDb();
  return db.council.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
});
