import "server-only";
import { getDb } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, canReadExemptContent, canReadMinutes, canReadPlan, canUpdateActionItem, type Viewer } from "@/lib/authz/policy";
import { formatCaseNumber } from "@/lib/cases/case-number";
import { formatDate } from "@/lib/format/dates";
import { DUE_SOON_DAYS, type ActionFilter, type ActionStatus } from "@/lib/follow-up/schemas";
import { compareNb } from "@/lib/format/collate";
import { responsibleLabel } from "@/lib/follow-up/responsible";
import { adoptedHeads, type AdoptedHead } from "@/lib/plans/adopted-heads";

const actionSelect = {
  id: true,
  title: true,
  status: true,
  dueDate: true,
  responsibleText: true,
  responsibleBody: { select: { name: true } },
  council: { select: { slug: true, name: true } },
  meeting: { select: { id: true, startsAt: true, body: { select: { abbreviation: true } } } },
  assignees: {
    select: { isLead: true, person: { select: { id: true, name: true } }, organization: { select: { name: true } } },
  },
} satisfies Prisma.ActionItemSelect;

const OPEN: Prisma.ActionItemWhereInput = { status: { in: ["OPEN", "IN_PROGRESS"] } };

function readableCouncilIds(viewer: Viewer): string[] {
  return viewer.councils.filter((c) => can(viewer, "action.read", c.councilId)).map((c) => c.councilId);
}

// Open items where the viewer is named responsible.
export async function listMyOpenActionItems(viewer: Viewer) {
  if (!viewer.personId) return [];
  const db = await getDb();
  return db.actionItem.findMany({
    where: { ...OPEN, councilId: { in: readableCouncilIds(viewer) }, assignees: { some: { personId: viewer.personId } } },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 20,
    select: actionSelect,
  });
}

export async function listOpenActionItemsForCouncil(viewer: Viewer | null, councilId: string, take = 50) {
  if (!can(viewer, "action.read", councilId)) return [];
  const db = await getDb();
  return db.actionItem.findMany({
    where: { ...OPEN, councilId },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take,
    select: actionSelect,
  });
}

export type ActionListItem = Awaited<ReturnType<typeof listMyOpenActionItems>>[number];

// ───────────────────────────── The overview ─────────────────────────────

/** Start of today in UTC calendar terms: due dates are plain dates stored at 00:00 UTC. */
// Made once: building an Intl.DateTimeFormat costs more than formatting with it, and every row asks.
const osloDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" });

export function today(now = new Date()): Date {
  const oslo = osloDay.format(now);
  return new Date(`${oslo}T00:00:00Z`);
}

export type DueState = "overdue" | "soon" | null;

export function dueState(dueDate: Date | null, status: string, now = new Date()): DueState {
  if (!dueDate || status === "DONE" || status === "CANCELLED") return null;
  const t = today(now).getTime();
  if (dueDate.getTime() < t) return "overdue";
  if (dueDate.getTime() <= t + DUE_SOON_DAYS * 86_400_000) return "soon";
  return null;
}

// What canReadPlan needs of a plan: a draft plan's measures and focus areas are for the secretariat,
// so an action item names them only to those who may open them (the measure's page answers 404 otherwise).
const planVisibilitySelect = { id: true, councilId: true, revisionOpen: true, _count: { select: { versions: true } } } as const;

type PlanVisibility = { id: string; councilId: string; revisionOpen: boolean; _count: { versions: number } };

function planReadable(viewer: Viewer | null, plan: PlanVisibility): boolean {
  return canReadPlan(viewer, plan.councilId, plan._count.versions > 0);
}

// A plan under revision is named to those who may not read its draft as its latest adopted version
// does (decision of the plan pages, lib/plans/adopted-heads): its title, and only the parts it has.
async function readerHeads(db: Awaited<ReturnType<typeof getDb>>, viewer: Viewer | null, plans: (PlanVisibility | null | undefined)[]) {
  const ids = plans.flatMap((p) => (p && p.revisionOpen && !can(viewer, "plan.read.draft", p.councilId) ? [p.id] : []));
  return adoptedHeads(db, ids);
}

/** A measure or focus area as the viewer may see it: null when its plan is a draft to them, or the revision added it. */
function shownPart(viewer: Viewer | null, heads: Map<string, AdoptedHead>, plan: PlanVisibility & { title?: string }, kind: "areas" | "measures", id: string, title: string) {
  if (!planReadable(viewer, plan)) return null;
  const head = heads.get(plan.id);
  if (!head) return { title, planTitle: plan.title ?? "" };
  const adopted = head[kind].get(id);
  return adopted === undefined ? null : { title: adopted, planTitle: head.title };
}

const overviewSelect = {
  id: true,
  title: true,
  status: true,
  dueDate: true,
  closedAt: true,
  createdAt: true,
  responsibleText: true,
  outcomeNote: true,
  council: { select: { slug: true, name: true } },
  responsibleBody: { select: { name: true } },
  meeting: { select: { id: true, startsAt: true, body: { select: { id: true, name: true, abbreviation: true } } } },
  case: { select: { id: true, year: true, number: true, series: { select: { format: true } } } },
  decision: { select: { agendaItem: { select: { number: true, year: true, series: { select: { format: true } } } } } },
  measure: { select: { id: true, title: true, focusArea: { select: { plan: { select: planVisibilitySelect } } } } },
  assignees: {
    orderBy: [{ isLead: "desc" }, { id: "asc" }],
    select: { person: { select: { id: true, name: true, organization: { select: { name: true } } } }, organization: { select: { name: true } } },
  },
} satisfies Prisma.ActionItemSelect;

type OverviewRow = Prisma.ActionItemGetPayload<{ select: typeof overviewSelect }>;

export type ActionOverviewRow = {
  id: string;
  title: string;
  status: ActionStatus;
  dueDate: Date | null;
  dueState: DueState;
  closedAt: Date | null;
  createdAt: Date;
  outcomeNote: string | null;
  councilSlug: string;
  councilName: string;
  bodyName: string | null;
  bodyAbbreviation: string | null;
  meetingId: string | null;
  meetingDate: Date | null;
  caseLabel: string | null;
  responsible: string;
  measureTitle: string | null;
};

function caseLabel(row: Pick<OverviewRow, "decision" | "case">): string | null {
  const item = row.decision?.agendaItem;
  if (item?.number && item.year) return formatCaseNumber(item.series?.format ?? "Sak {n}/{yy}", item.number, item.year);
  if (row.case?.number && row.case.year) return formatCaseNumber(row.case.series?.format ?? "Sak {n}/{yy}", row.case.number, row.case.year);
  return null;
}

function toOverviewRow(viewer: Viewer | null, r: OverviewRow, now: Date, heads: Map<string, AdoptedHead>): ActionOverviewRow {
  return {
    id: r.id,
    title: r.title,
    status: r.status as ActionStatus,
    dueDate: r.dueDate,
    dueState: dueState(r.dueDate, r.status, now),
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    outcomeNote: r.outcomeNote,
    councilSlug: r.council.slug,
    councilName: r.council.name,
    bodyName: r.meeting?.body.name ?? null,
    bodyAbbreviation: r.meeting?.body.abbreviation ?? null,
    meetingId: r.meeting?.id ?? null,
    meetingDate: r.meeting?.startsAt ?? null,
    caseLabel: caseLabel(r),
    responsible: responsibleLabel(r),
    measureTitle: r.measure ? (shownPart(viewer, heads, r.measure.focusArea.plan, "measures", r.measure.id, r.measure.title)?.title ?? null) : null,
  };
}

/** The councils of the overview: those the viewer may read follow-up in, or the one asked for. */
function overviewCouncilIds(viewer: Viewer, filter: ActionFilter): string[] {
  const readable = viewer.councils.filter((c) => can(viewer, "action.read", c.councilId));
  if (!filter.rad) return readable.map((c) => c.councilId);
  return readable.filter((c) => c.slug === filter.rad).map((c) => c.councilId);
}

export const OVERVIEW_LIMIT = 1000;
/** The CSV export takes the whole filtered list up to this many rows. */
export const EXPORT_LIMIT = 50_000;

/** Rows per page in the list view; the board and the print view show up to OVERVIEW_LIMIT. */
export const PAGE_SIZE = 50;

function overviewWhere(viewer: Viewer, filter: ActionFilter, now: Date): Prisma.ActionItemWhereInput | null {
  const councilIds = overviewCouncilIds(viewer, filter);
  if (councilIds.length === 0) return null;
  const and: Prisma.ActionItemWhereInput[] = [{ councilId: { in: councilIds } }];
  if (filter.status === "aktive") and.push(OPEN);
  else if (filter.status !== "alle") and.push({ status: filter.status });
  if (filter.mine) and.push(viewer.personId ? { assignees: { some: { personId: viewer.personId } } } : { id: "" });
  if (filter.ansvarlig) and.push({ assignees: { some: { personId: filter.ansvarlig } } });
  if (filter.kommune) and.push({ assignees: { some: { OR: [{ organizationId: filter.kommune }, { person: { organizationId: filter.kommune } }] } } });
  if (filter.organ) and.push({ OR: [{ meeting: { bodyId: filter.organ } }, { responsibleBodyId: filter.organ }] });
  if (filter.tiltak) and.push({ measureId: filter.tiltak });
  if (filter.fokus) and.push({ OR: [{ focusAreaId: filter.fokus }, { measure: { focusAreaId: filter.fokus } }] });
  if (filter.q) and.push({ title: { contains: filter.q, mode: "insensitive" } });
  const t = today(now);
  if (filter.frist === "forfalt") and.push(OPEN, { dueDate: { lt: t } });
  if (filter.frist === "snart") and.push(OPEN, { dueDate: { gte: t, lte: dueSoonLimit(t) } });
  if (filter.frist === "uten") and.push({ dueDate: null });
  return { AND: and };
}

const dueSoonLimit = (t: Date) => new Date(t.getTime() + DUE_SOON_DAYS * 86_400_000);

export async function listActionItems(
  viewer: Viewer | null,
  filter: ActionFilter,
  now = new Date(),
  limit = OVERVIEW_LIMIT,
  offset = 0,
): Promise<{ rows: ActionOverviewRow[]; truncated: boolean }> {
  const where = viewer ? overviewWhere(viewer, filter, now) : null;
  if (!where) return { rows: [], truncated: false };
  const dir = filter.retning;
  const db = await getDb();
  if (filter.sort === "ansvarlig") return listByResponsible(db, viewer, where, dir, now, limit, offset);
  const orderBy: Prisma.ActionItemOrderByWithRelationInput[] =
    filter.sort === "tittel" ? [{ title: dir }]
    : filter.sort === "status" ? [{ status: dir }, { dueDate: { sort: "asc", nulls: "last" } }]
    : filter.sort === "opprettet" ? [{ createdAt: dir }]
    : filter.sort === "organ" ? [{ meeting: { body: { name: dir } } }, { dueDate: { sort: "asc", nulls: "last" } }]
    : [{ dueDate: { sort: dir, nulls: "last" } }, { createdAt: "asc" }];
  const found = await db.actionItem.findMany({
    where,
    orderBy: [...orderBy, { id: "asc" }],
    skip: offset,
    take: limit + 1,
    select: overviewSelect,
  });
  const heads = await readerHeads(db, viewer, found.map((r) => r.measure?.focusArea.plan));
  const rows = found.map((r) => toOverviewRow(viewer, r, now, heads));
  return { rows: rows.slice(0, limit), truncated: found.length > limit };
}

/** Sorted by responsibility, the list and the export order this many rows at most (by due date first). */
export const RESPONSIBLE_SORT_LIMIT = EXPORT_LIMIT;

const responsibleKeySelect = {
  id: true,
  responsibleText: true,
  responsibleBody: { select: { name: true } },
  assignees: {
    orderBy: [{ isLead: "desc" }, { id: "asc" }],
    select: { person: { select: { name: true } }, organization: { select: { name: true } } },
  },
} satisfies Prisma.ActionItemSelect;

// Responsibility is a list of names, sorted on its printed form, which the database cannot order by.
// So every matching row's names are read (only what the label needs), ordered here, and the full rows
// read for the one page asked for: every page sorts the same whole set, and the query count is fixed.
async function listByResponsible(
  db: Awaited<ReturnType<typeof getDb>>,
  viewer: Viewer | null,
  where: Prisma.ActionItemWhereInput,
  dir: "asc" | "desc",
  now: Date,
  limit: number,
  offset: number,
): Promise<{ rows: ActionOverviewRow[]; truncated: boolean }> {
  const keys = await db.actionItem.findMany({
    where,
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    take: RESPONSIBLE_SORT_LIMIT,
    select: responsibleKeySelect,
  });
  // Array sort is stable: equal names keep the due-date order they were read in.
  const sorted = keys.map((k) => ({ id: k.id, label: responsibleLabel(k) }));
  sorted.sort((a, b) => (dir === "asc" ? 1 : -1) * compareNb(a.label, b.label));
  const pageIds = sorted.slice(offset, offset + limit).map((k) => k.id);
  const found = pageIds.length ? await db.actionItem.findMany({ where: { id: { in: pageIds } }, select: overviewSelect }) : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const heads = await readerHeads(db, viewer, found.map((r) => r.measure?.focusArea.plan));
  const rows = pageIds.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toOverviewRow(viewer, r, now, heads)] : [];
  });
  return { rows, truncated: sorted.length > offset + limit };
}

/** How many items the filter finds, and how many of them are overdue or due soon: for the summary line. */
export async function countActionItems(viewer: Viewer | null, filter: ActionFilter, now = new Date()) {
  const where = viewer ? overviewWhere(viewer, filter, now) : null;
  if (!where) return { total: 0, overdue: 0, soon: 0 };
  const t = today(now);
  const db = await getDb();
  const [total, overdue, soon] = await Promise.all([
    db.actionItem.count({ where }),
    db.actionItem.count({ where: { AND: [where, OPEN, { dueDate: { lt: t } }] } }),
    db.actionItem.count({ where: { AND: [where, OPEN, { dueDate: { gte: t, lte: dueSoonLimit(t) } }] } }),
  ]);
  return { total, overdue, soon };
}

/** The choices of the filter form: people, bodies, organisations, measures and focus areas of the viewer's councils. */
export async function getActionFilterOptions(viewer: Viewer | null, filter: ActionFilter) {
  if (!viewer) return null;
  const councilIds = overviewCouncilIds(viewer, filter);
  const db = await getDb();
  const [people, bodies, organizations, focusAreas] = await Promise.all([
    // The people responsible for the council's items, from the assignments' copy of the item's
    // council (triggers, migration 20261202195026_follow_up_assignee_council) and its index.
    councilIds.length
      ? db.$queryRaw<{ id: string; name: string }[]>`
          SELECT p."id", p."name" FROM "Person" p WHERE p."id" IN (
            SELECT x."personId" FROM "ActionItemAssignee" x WHERE x."councilId" IN (${Prisma.join(councilIds)}) AND x."personId" IS NOT NULL)`.then((rows) =>
          rows.sort((a, b) => compareNb(a.name, b.name)),
        )
      : Promise.resolve([]),
    db.body.findMany({ where: { councilId: { in: councilIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.organization.findMany({
      where: { councilMemberships: { some: { councilId: { in: councilIds } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.focusArea.findMany({
      where: {
        plan: {
          OR: [
            { councilId: { in: councilIds.filter((id) => canReadPlan(viewer, id, false)) } },
            { councilId: { in: councilIds.filter((id) => canReadPlan(viewer, id, true)) }, versions: { some: {} } },
          ],
        },
      },
      orderBy: [{ plan: { periodFrom: "desc" } }, { position: "asc" }],
      select: { id: true, title: true, plan: { select: { title: true, ...planVisibilitySelect } }, measures: { orderBy: { position: "asc" }, select: { id: true, title: true } } },
    }),
  ]);
  const heads = await readerHeads(db, viewer, focusAreas.map((f) => f.plan));
  const shownAreas = focusAreas.flatMap((f) => {
    const area = shownPart(viewer, heads, f.plan, "areas", f.id, f.title);
    if (!area) return [];
    const measures = f.measures.flatMap((m) => {
      const shown = shownPart(viewer, heads, f.plan, "measures", m.id, m.title);
      return shown ? [{ id: m.id, title: shown.title }] : [];
    });
    return [{ id: f.id, title: area.title, planTitle: area.planTitle, measures }];
  });
  const councils = viewer.councils.filter((c) => can(viewer, "action.read", c.councilId)).map((c) => ({ value: c.slug, label: c.name }));
  return {
    councils,
    people: people.map((p) => ({ value: p.id, label: p.name })),
    bodies: bodies.map((b) => ({ value: b.id, label: b.name })),
    organizations: organizations.map((o) => ({ value: o.id, label: o.name })),
    focusAreas: shownAreas.map((f) => ({ value: f.id, label: `${f.title} (${f.planTitle})` })),
    // A copied plan carries unfinished measures on under the same titles: the plan tells them apart.
    measures: shownAreas.flatMap((f) => f.measures.map((m) => ({ value: m.id, label: `${m.title} (${f.planTitle})` }))),
  };
}

// ───────────────────────────── One item ─────────────────────────────

export async function getActionItemForViewer(viewer: Viewer | null, id: string) {
  const db = await getDb();
  const a = await db.actionItem.findUnique({
    where: { id },
    select: {
      id: true,
      councilId: true,
      title: true,
      description: true,
      status: true,
      dueDate: true,
      outcomeNote: true,
      closedAt: true,
      responsibleText: true,
      version: true,
      createdAt: true,
      council: { select: { slug: true, name: true } },
      responsibleBody: { select: { name: true } },
      meeting: { select: { id: true, startsAt: true, noticeSentAt: true, body: { select: { name: true } }, minutes: { select: { status: true, publishedAt: true } } } },
      case: { select: { id: true, title: true, year: true, number: true, isExempt: true, series: { select: { format: true } } } },
      decision: { select: { text: true, agendaItem: { select: { id: true, number: true, year: true, title: true, isClosed: true, series: { select: { format: true } } } } } },
      measure: { select: { id: true, title: true, focusArea: { select: { id: true, title: true, plan: { select: { title: true, ...planVisibilitySelect } } } } } },
      focusArea: { select: { id: true, title: true, plan: { select: { title: true, ...planVisibilitySelect } } } },
      assignees: {
        orderBy: [{ isLead: "desc" }, { id: "asc" }],
        select: { isLead: true, person: { select: { id: true, name: true, organization: { select: { name: true } } } }, organization: { select: { name: true } } },
      },
      events: { orderBy: { at: "asc" }, select: { id: true, at: true, fromStatus: true, toStatus: true, comment: true, userId: true } },
      attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, sizeBytes: true, createdAt: true } },
    },
  });
  if (!a || !can(viewer, "action.read", a.councilId)) return null;
  const userIds = [...new Set(a.events.map((e) => e.userId).filter((x): x is string => !!x))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const assigneePersonIds = a.assignees.map((x) => x.person?.id).filter((x): x is string => !!x);
  const originItem = a.decision?.agendaItem ?? null;
  // The decision is shown as the minutes would show it to this viewer: only once the minutes are
  // readable, and for exempt or closed items only to those who may read exempt content.
  const exempt = !!(a.case?.isExempt || originItem?.isClosed);
  const exemptHidden = exempt && !canReadExemptContent(viewer, a.councilId);
  const minutesReadable = a.meeting?.minutes ? canReadMinutes(viewer, a.councilId, a.meeting.minutes) : false;
  const heads = await readerHeads(db, viewer, [a.measure?.focusArea.plan, a.focusArea?.plan]);
  const m = a.measure && shownPart(viewer, heads, a.measure.focusArea.plan, "measures", a.measure.id, a.measure.title);
  const mArea = a.measure && shownPart(viewer, heads, a.measure.focusArea.plan, "areas", a.measure.focusArea.id, a.measure.focusArea.title);
  const area = a.focusArea && shownPart(viewer, heads, a.focusArea.plan, "areas", a.focusArea.id, a.focusArea.title);
  return {
    id: a.id,
    councilId: a.councilId,
    councilSlug: a.council.slug,
    councilName: a.council.name,
    title: a.title,
    description: a.description,
    status: a.status as ActionStatus,
    dueDate: a.dueDate,
    dueState: dueState(a.dueDate, a.status),
    outcomeNote: a.outcomeNote,
    closedAt: a.closedAt,
    responsibleText: a.responsibleText,
    responsibleBody: a.responsibleBody?.name ?? null,
    version: a.version,
    createdAt: a.createdAt,
    responsible: responsibleLabel(a),
    assignees: a.assignees.map((x) => ({ personId: x.person?.id ?? null, name: x.person?.name ?? x.organization?.name ?? "", organization: x.person?.organization?.name ?? null, isLead: x.isLead })),
    origin: {
      meeting: a.meeting ? { id: a.meeting.id, label: `${a.meeting.body.name} ${formatDate(a.meeting.startsAt)}` } : null,
      caseId: a.case?.id ?? null,
      caseLabel: caseLabel(a),
      itemTitle: exemptHidden ? null : (originItem?.title ?? a.case?.title ?? null),
      decisionText: minutesReadable && !exemptHidden ? a.decision?.text || null : null,
    },
    measure: a.measure && m ? { id: a.measure.id, title: m.title, focusArea: mArea?.title ?? a.measure.focusArea.title, plan: m.planTitle } : null,
    // Linked, but in a plan not yet adopted (or a revision not yet adopted) that this viewer may not read: say so, not "not linked".
    measureInDraftPlan: a.measure !== null && !m,
    focusArea: a.focusArea && area ? { id: a.focusArea.id, title: area.title, planId: a.focusArea.plan.id, plan: area.planTitle } : null,
    events: a.events.map((e) => ({ ...e, userName: e.userId ? (userName.get(e.userId) ?? "Ukjent bruker") : "System" })),
    attachments: a.attachments,
    canUpdate: canUpdateActionItem(viewer, a.councilId, assigneePersonIds),
    canManage: can(viewer, "action.manage", a.councilId),
    assigneePersonIds,
  };
}

export type ActionItemView = NonNullable<Awaited<ReturnType<typeof getActionItemForViewer>>>;

/**
 * Who can be made responsible for an item of the council: members of its bodies, people of its
 * member organisations, its staff in the portal, people who attended its meetings, and whoever is
 * responsible for one of its items already.
 */
export function assignablePeopleWhere(councilId: string): Prisma.PersonWhereInput {
  return {
    OR: [
      { bodyMemberships: { some: { body: { councilId } } } },
      { organization: { councilMemberships: { some: { councilId } } } },
      { user: { roles: { some: { councilId } } } },
      { attendances: { some: { meeting: { body: { councilId } } } } },
      { actionAssignments: { some: { actionItem: { councilId } } } },
    ],
  };
}

/** For the secretariat's edit form: the council's people and its plans' measures. */
export async function getActionEditOptions(viewer: Viewer | null, councilId: string) {
  if (!can(viewer, "action.manage", councilId)) return null;
  const db = await getDb();
  const [people, measures, focusAreas] = await Promise.all([
    db.person.findMany({
      where: assignablePeopleWhere(councilId),
      orderBy: { name: "asc" },
      select: { id: true, name: true, organization: { select: { name: true } } },
    }),
    db.measure.findMany({
      where: { focusArea: { plan: { councilId } } },
      orderBy: [{ focusArea: { plan: { periodFrom: "desc" } } }, { focusArea: { position: "asc" } }, { position: "asc" }],
      select: { id: true, title: true, focusArea: { select: { title: true, plan: { select: { title: true } } } } },
    }),
    db.focusArea.findMany({
      where: { plan: { councilId } },
      orderBy: [{ plan: { periodFrom: "desc" } }, { position: "asc" }],
      select: { id: true, title: true, plan: { select: { title: true } } },
    }),
  ]);
  return {
    focusAreas: focusAreas.map((f) => ({ value: f.id, label: `${f.title} (${f.plan.title})` })),
    people: people.map((p) => ({ value: p.id, label: p.organization ? `${p.name} (${p.organization.name})` : p.name })),
    measures: measures.map((m) => ({ value: m.id, label: `${m.title} – ${m.focusArea.title} (${m.focusArea.plan.title})` })),
  };
}

/** Whether the reminder job e-mails the viewer (the opt-out is per user). */
export async function getReminderPreference(viewer: Viewer): Promise<boolean> {
  const db = await getDb();
  const u = await db.user.findUnique({ where: { id: viewer.userId }, select: { remindersOptOut: true } });
  return !(u?.remindersOptOut ?? false);
}
