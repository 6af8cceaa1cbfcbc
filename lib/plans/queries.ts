import "server-only";
import { getDb, type Db, type Tx } from "@/lib/server/db";
import { can, canReadExemptContent, canReadMeeting, canReadMinutes, canReadPlan, type Viewer } from "@/lib/authz/policy";
import { getCouncilForViewer } from "@/lib/councils/queries";
import { assignablePeopleWhere } from "@/lib/follow-up/queries";
import { ACTION_STATUS_LABELS, type ActionStatus } from "@/lib/follow-up/schemas";
import { formatDate, osloYearOf } from "@/lib/format/dates";
import { adoptedHeads, asAdopted } from "@/lib/plans/adopted-heads";
import {
  caseNumberLabel,
  decisionCitation,
  measureOwner,
  planDocumentSelect,
  toPlanDocument,
  type PlanDocument,
} from "@/lib/plans/document";
import { buildYearReport, emptyCounts, withoutHistory, type ReportActionInput, type ReportDecisionInput, type StatusCounts } from "@/lib/plans/report";
import { INACTIVE_MONTHS, MEASURE_STATUS_LABELS, UNFINISHED_STATUSES, type MeasureStatus } from "@/lib/plans/schemas";

/** Every field the measure form edits: the editor loads them, and the audit log records them before a save. */
export const MEASURE_FORM_FIELDS = {
  title: true,
  description: true,
  goalId: true,
  ownerPersonId: true,
  ownerBodyId: true,
  ownerOrganizationId: true,
  ownerText: true,
  timeFrame: true,
  deadline: true,
  status: true,
  resourceAnchored: true,
  indicators: true,
} as const;

// Reads for plans. Who may see what is decided in lib/authz/policy.ts: the secretariat reads the
// live plan (drafts and revisions in progress); members read adopted versions only.

async function councilScope(viewer: Viewer | null, slug: string) {
  const council = await getCouncilForViewer(viewer, slug);
  if (!council || !can(viewer, "plan.read", council.id)) return null;
  return { council, live: can(viewer, "plan.read.draft", council.id), manage: can(viewer, "plan.manage", council.id), update: can(viewer, "plan.update", council.id) };
}

/** The council's plans the viewer may see, newest period first. */
export async function listPlans(viewer: Viewer | null, slug: string) {
  const scope = await councilScope(viewer, slug);
  if (!scope) return null;
  const db = await getDb();
  const rows = await db.plan.findMany({
    where: { councilId: scope.council.id, ...(scope.live ? {} : { versions: { some: {} } }) },
    orderBy: [{ periodFrom: "desc" }, { kind: "asc" }, { title: "asc" }],
    select: {
      id: true,
      kind: true,
      title: true,
      periodFrom: true,
      periodTo: true,
      status: true,
      revisionOpen: true,
      adoptedAt: true,
      _count: { select: { versions: true } },
      strategy: { select: { id: true, title: true, revisionOpen: true, _count: { select: { versions: true } } } },
    },
  });
  // The strategy a plan builds on is named to readers as adopted too, and not at all while it is a draft.
  const heads = scope.live
    ? new Map()
    : await adoptedHeads(db, [...rows.filter((r) => r.revisionOpen).map((r) => r.id), ...rows.flatMap((r) => (r.strategy?.revisionOpen ? [r.strategy.id] : []))]);
  return {
    ...scope,
    plans: rows.map(({ _count, strategy, ...r }) => ({
      ...asAdopted(r, heads),
      strategy: !strategy || (!scope.live && strategy._count.versions === 0) ? null : asAdopted({ id: strategy.id, title: strategy.title }, heads),
      versionCount: _count.versions,
    })),
  };
}

export async function loadLiveDocument(db: Db | Tx, planId: string, councilId: string): Promise<PlanDocument | null> {
  const row = await db.plan.findFirst({
    where: { id: planId, councilId },
    select: {
      ...planDocumentSelect,
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
      adoptedAt: true,
      status: true,
      revisionOpen: true,
      adoptedByDecision: { select: { agendaItem: { select: { title: true, number: true, year: true, series: { select: { format: true } }, meeting: { select: { startsAt: true, body: { select: { name: true } } } } } } } },
    },
  });
  if (!row) return null;
  const adopted = row.status !== "DRAFT" && !row.revisionOpen && row.adoptedAt && row.versions[0];
  const item = row.adoptedByDecision?.agendaItem;
  return toPlanDocument(
    row,
    adopted
      ? {
          versionNumber: row.versions[0].number,
          adoptedAt: row.adoptedAt!.toISOString().slice(0, 10),
          decision: item ? decisionCitation(item) : null,
        }
      : null,
  );
}

/** The plan page: the live plan for the secretariat, the latest adopted version for everyone else. */
export async function getPlanPage(viewer: Viewer | null, slug: string, planId: string) {
  const scope = await councilScope(viewer, slug);
  if (!scope) return null;
  const db = await getDb();
  const plan = await db.plan.findFirst({
    where: { id: planId, councilId: scope.council.id },
    select: {
      id: true,
      kind: true,
      title: true,
      status: true,
      revisionOpen: true,
      version: true,
      periodFrom: true,
      periodTo: true,
      copiedFromPlan: { select: { id: true, title: true, versions: { select: { id: true }, take: 1 } } },
      copies: { select: { id: true, title: true, versions: { select: { id: true }, take: 1 } } },
      actionPlans: { select: { id: true, title: true, status: true, versions: { select: { id: true }, take: 1 } } },
      adoptedByDecision: { select: { agendaItem: { select: { caseId: true, meetingId: true } } } },
      versions: {
        orderBy: { number: "desc" },
        select: {
          number: true,
          adoptedAt: true,
          sha256: true,
          changeNote: true,
          decision: { select: { agendaItem: { select: { title: true, number: true, year: true, caseId: true, meetingId: true, series: { select: { format: true } }, meeting: { select: { startsAt: true, body: { select: { name: true } } } } } } } },
        },
      },
    },
  });
  if (!plan || !canReadPlan(viewer, scope.council.id, plan.versions.length > 0)) return null;
  // Readers get the latest adopted version; only that one snapshot is loaded, not every version's.
  const doc = scope.live
    ? await loadLiveDocument(db, plan.id, scope.council.id)
    : ((await db.planVersion.findUniqueOrThrow({ where: { planId_number: { planId: plan.id, number: plan.versions[0].number } }, select: { snapshot: true } })).snapshot as unknown as PlanDocument);
  if (!doc) return null;
  // A reader sees the related plans that are adopted, each headed as adopted; a draft copy is the secretariat's.
  const adopted = <T extends { versions: unknown[] }>(p: T) => scope.live || p.versions.length > 0;
  const related = [plan.copiedFromPlan, ...plan.copies, ...plan.actionPlans].filter((p) => p !== null);
  const heads = scope.live ? new Map() : await adoptedHeads(db, related.map((p) => p.id));
  const link = ({ id, title }: { id: string; title: string }) => asAdopted({ id, title }, heads);
  return {
    scope,
    plan: {
      id: plan.id,
      // The heading as the document shown: the adopted version's for a reader, while a revision is open.
      kind: doc.kind,
      title: doc.title,
      status: plan.status,
      revisionOpen: plan.revisionOpen,
      version: plan.version,
      periodFrom: doc.periodFrom,
      periodTo: doc.periodTo,
      copiedFrom: plan.copiedFromPlan && adopted(plan.copiedFromPlan) ? link(plan.copiedFromPlan) : null,
      copies: plan.copies.filter(adopted).map(link),
      actionPlans: plan.actionPlans.filter(adopted).map((p) => ({ ...link(p), status: p.status })),
      adoptionLinks: plan.adoptedByDecision?.agendaItem ?? null,
    },
    audience: scope.live ? ("internal" as const) : ("adopted" as const),
    doc,
    versions: plan.versions.map((v) => {
      const item = v.decision?.agendaItem;
      return {
        number: v.number,
        adoptedAt: v.adoptedAt,
        sha256: v.sha256,
        changeNote: v.changeNote,
        decision: item ? { label: decisionCitation(item), caseId: item.caseId, meetingId: item.meetingId } : null,
      };
    }),
  };
}

/** One adopted version, as it was adopted. */
export async function getPlanVersion(viewer: Viewer | null, slug: string, planId: string, number: number) {
  const scope = await councilScope(viewer, slug);
  if (!scope) return null;
  const db = await getDb();
  const v = await db.planVersion.findFirst({
    where: { planId, number, plan: { councilId: scope.council.id } },
    select: { number: true, adoptedAt: true, sha256: true, snapshot: true, plan: { select: { _count: { select: { versions: true } } } } },
  });
  if (!v) return null;
  return { number: v.number, adoptedAt: v.adoptedAt, sha256: v.sha256, doc: v.snapshot as unknown as PlanDocument, latest: v.number === v.plan._count.versions };
}

/** The document a PDF is made from: what the page shows. */
export async function getPlanDocumentForViewer(viewer: Viewer | null, slug: string, planId: string, number?: number) {
  if (number !== undefined) return (await getPlanVersion(viewer, slug, planId, number))?.doc ?? null;
  return (await getPlanPage(viewer, slug, planId))?.doc ?? null;
}

/** Everything the editor needs: the live plan with ids and versions, and the choices of its selects. */
export async function getPlanEditor(viewer: Viewer | null, slug: string, planId: string) {
  const scope = await councilScope(viewer, slug);
  if (!scope || !scope.manage) return null;
  const db = await getDb();
  const councilId = scope.council.id;
  const plan = await db.plan.findFirst({
    where: { id: planId, councilId },
    select: {
      id: true,
      kind: true,
      title: true,
      subtitle: true,
      periodFrom: true,
      periodTo: true,
      strategyId: true,
      purpose: true,
      principlesInclude: true,
      principlesExclude: true,
      status: true,
      revisionOpen: true,
      version: true,
      sections: { orderBy: { position: "asc" }, select: { id: true, heading: true, body: true, afterFocusAreas: true, version: true } },
      focusAreas: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          description: true,
          version: true,
          goals: { orderBy: { position: "asc" }, select: { id: true, text: true, version: true } },
          measures: {
            orderBy: { position: "asc" },
            select: { id: true, ...MEASURE_FORM_FIELDS, version: true },
          },
        },
      },
    },
  });
  if (!plan) return null;
  const [people, bodies, organizations, strategies] = await Promise.all([
    db.person.findMany({ where: assignablePeopleWhere(councilId), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.body.findMany({ where: { councilId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.organization.findMany({ where: { councilMemberships: { some: { councilId } } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.plan.findMany({ where: { councilId, kind: "STRATEGY", id: { not: planId } }, orderBy: { periodFrom: "desc" }, select: { id: true, title: true } }),
  ]);
  const owners = [
    ...people.map((p) => ({ value: `person:${p.id}`, label: `Person: ${p.name}` })),
    ...bodies.map((b) => ({ value: `body:${b.id}`, label: `Organ: ${b.name}` })),
    ...organizations.map((o) => ({ value: `org:${o.id}`, label: `Medlem: ${o.name}` })),
  ];
  return {
    scope,
    editable: plan.status === "DRAFT" || plan.revisionOpen,
    plan: {
      ...plan,
      focusAreas: plan.focusAreas.map((a) => ({
        ...a,
        measures: a.measures.map((m) => ({
          ...m,
          owner: m.ownerPersonId ? `person:${m.ownerPersonId}` : m.ownerBodyId ? `body:${m.ownerBodyId}` : m.ownerOrganizationId ? `org:${m.ownerOrganizationId}` : "",
          deadline: m.deadline ? m.deadline.toISOString().slice(0, 10) : "",
        })),
      })),
    },
    owners,
    strategies: strategies.map((s) => ({ value: s.id, label: s.title })),
  };
}

/** Decisions the secretariat can cite when adopting a plan: the council's, newest first. */
export async function getAdoptionDecisions(viewer: Viewer | null, slug: string) {
  const scope = await councilScope(viewer, slug);
  if (!scope?.manage) return [];
  const db = await getDb();
  const rows = await db.decision.findMany({
    where: { agendaItem: { meeting: { body: { councilId: scope.council.id } } } },
    orderBy: [{ agendaItem: { meeting: { startsAt: "desc" } } }, { agendaItem: { position: "asc" } }],
    take: 300,
    select: {
      id: true,
      agendaItem: { select: { title: true, number: true, year: true, series: { select: { format: true } }, meeting: { select: { startsAt: true, body: { select: { name: true } } } } } },
    },
  });
  return rows.map((d) => ({ value: d.id, label: decisionCitation(d.agendaItem) }));
}

// ───────────────────────────── Links: what touched a measure ─────────────────────────────

export type LinkedDecision = ReportDecisionInput & { numberLabel: string | null; bodyName: string; meetingDate: string; title: string };
export type LinkedMeeting = { id: string; label: string; at: Date };
export type LinkedAction = ReportActionInput & { status: ActionStatus; dueDate: Date | null; updatedAt: Date };

/**
 * The decisions, meetings and action items linked to the given measures or focus areas, as far as
 * the viewer may read them: a decision is linked when it is tagged, or when its case is tagged.
 */
const WITHHELD_DECISION = "Vedtaket er ikke offentlig: saken ble behandlet i lukket møte eller er unntatt offentlighet.";

export async function loadPlanLinks(db: Db, viewer: Viewer | null, councilId: string, target: { measureIds: string[]; focusAreaIds: string[] }) {
  const tagWhere = { OR: [{ measureId: { in: target.measureIds } }, { focusAreaId: { in: target.focusAreaIds } }] };
  const itemSelect = {
    id: true,
    title: true,
    number: true,
    year: true,
    caseId: true,
    isClosed: true,
    case: { select: { isExempt: true } },
    series: { select: { format: true } },
    decision: { select: { id: true, text: true } },
    meeting: {
      select: { id: true, startsAt: true, status: true, noticeSentAt: true, body: { select: { name: true, councilId: true } }, minutes: { select: { status: true, publishedAt: true } } },
    },
  } as const;
  const [decisionTags, caseTags, actions] = await Promise.all([
    db.decisionTag.findMany({ where: { ...tagWhere, decision: { agendaItem: { meeting: { body: { councilId } } } } }, select: { measureId: true, focusAreaId: true, decision: { select: { agendaItem: { select: itemSelect } } } } }),
    db.caseTag.findMany({
      where: { ...tagWhere, case: { councilId } },
      select: { measureId: true, focusAreaId: true, case: { select: { items: { where: { status: "ACTIVE" }, select: itemSelect } } } },
    }),
    can(viewer, "action.read", councilId)
      ? db.actionItem.findMany({
          where: { councilId, OR: [{ measureId: { in: target.measureIds } }, { focusAreaId: { in: target.focusAreaIds } }] },
          orderBy: [{ createdAt: "asc" }],
          select: { id: true, title: true, status: true, dueDate: true, createdAt: true, closedAt: true, updatedAt: true, measureId: true, focusAreaId: true },
        })
      : [],
  ]);

  type Item = (typeof decisionTags)[number]["decision"]["agendaItem"];
  const decisions = new Map<string, LinkedDecision>();
  const meetings = new Map<string, LinkedMeeting>();
  const add = (item: Item, tag: { measureId: string | null; focusAreaId: string | null }) => {
    const m = item.meeting;
    if (!canReadMeeting(viewer, { councilId, status: m.status, noticeSentAt: m.noticeSentAt })) return;
    if (!meetings.has(m.id)) meetings.set(m.id, { id: m.id, label: `${m.body.name} ${formatDate(m.startsAt)}`, at: m.startsAt });
    // A decision is read in the minutes: only where the viewer could read those.
    if (!item.decision || !m.minutes || !canReadMinutes(viewer, councilId, m.minutes)) return;
    const numberLabel = caseNumberLabel(item);
    // As in the minutes: a closed item's or an exempt case's decision is for those who may read exempt content.
    const withheld = (item.isClosed || (item.case?.isExempt ?? false)) && !canReadExemptContent(viewer, councilId);
    const d =
      decisions.get(item.decision.id) ??
      ({
        id: item.decision.id,
        label: decisionCitation(item),
        text: withheld ? WITHHELD_DECISION : item.decision.text,
        meetingId: m.id,
        caseId: item.caseId,
        at: m.startsAt,
        focusAreaIds: [],
        measureIds: [],
        numberLabel,
        bodyName: m.body.name,
        meetingDate: formatDate(m.startsAt),
        title: item.title,
      } satisfies LinkedDecision);
    if (tag.measureId && !d.measureIds.includes(tag.measureId)) d.measureIds.push(tag.measureId);
    if (tag.focusAreaId && !d.focusAreaIds.includes(tag.focusAreaId)) d.focusAreaIds.push(tag.focusAreaId);
    decisions.set(d.id, d);
  };
  for (const t of decisionTags) add(t.decision.agendaItem, t);
  for (const t of caseTags) for (const item of t.case.items) add(item, t);

  return {
    decisions: [...decisions.values()].sort((a, b) => a.at.getTime() - b.at.getTime()),
    meetings: [...meetings.values()].sort((a, b) => a.at.getTime() - b.at.getTime()),
    actions: actions.map(
      (a): LinkedAction => ({
        id: a.id,
        title: a.title,
        status: a.status as ActionStatus,
        statusLabel: ACTION_STATUS_LABELS[a.status as ActionStatus],
        dueDate: a.dueDate,
        createdAt: a.createdAt,
        closedAt: a.closedAt,
        updatedAt: a.updatedAt,
        focusAreaIds: a.focusAreaId ? [a.focusAreaId] : [],
        measureIds: a.measureId ? [a.measureId] : [],
      }),
    ),
  };
}

/** The last time anything happened to a measure: a status note, a meeting or decision, follow-up. */
export function lastActivity(
  measureId: string,
  updates: { measureId: string; at: Date }[],
  links: { decisions: LinkedDecision[]; meetings: LinkedMeeting[]; actions: LinkedAction[] },
  meetingIdsByMeasure: Map<string, Set<string>>,
  now: Date,
): Date | null {
  let last: Date | null = null;
  const bump = (d: Date) => {
    if (d.getTime() <= now.getTime() && (!last || d > last)) last = d;
  };
  for (const u of updates) if (u.measureId === measureId) bump(u.at);
  for (const d of links.decisions) if (d.measureIds.includes(measureId)) bump(d.at);
  const meetingIds = meetingIdsByMeasure.get(measureId);
  for (const m of links.meetings) if (meetingIds?.has(m.id)) bump(m.at);
  for (const a of links.actions) if (a.measureIds.includes(measureId)) bump(a.updatedAt);
  return last;
}

// ───────────────────────────── The measure page ─────────────────────────────

const carriedSelect = { id: true, title: true, focusArea: { select: { plan: { select: { id: true, title: true, _count: { select: { versions: true } } } } } } } as const;

export async function getMeasurePage(viewer: Viewer | null, slug: string, measureId: string) {
  const scope = await councilScope(viewer, slug);
  if (!scope) return null;
  const db = await getDb();
  const m = await db.measure.findFirst({
    where: { id: measureId, focusArea: { plan: { councilId: scope.council.id } } },
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      version: true,
      resourceAnchored: true,
      timeFrame: true,
      deadline: true,
      indicators: true,
      ownerText: true,
      ownerPerson: { select: { name: true } },
      ownerBody: { select: { name: true } },
      ownerOrganization: { select: { name: true } },
      goal: { select: { text: true } },
      focusArea: { select: { id: true, title: true, plan: { select: { id: true, title: true, _count: { select: { versions: true } } } } } },
      carriedFrom: { select: carriedSelect },
      carriedTo: { select: carriedSelect },
      updates: { orderBy: { at: "desc" }, select: { id: true, at: true, actor: true, fromStatus: true, toStatus: true, comment: true } },
    },
  });
  if (!m || !canReadPlan(viewer, scope.council.id, m.focusArea.plan._count.versions > 0)) return null;
  // During a revision a reader gets the measure as adopted; one added in the revision is not there yet.
  const adopted = await adoptedSnapshotFor(db, viewer, scope.council.id, m.focusArea.plan.id);
  const adoptedArea = adopted?.focusAreas.find((a) => a.measures.some((x) => x.id === m.id));
  const adoptedMeasure = adoptedArea?.measures.find((x) => x.id === m.id);
  if (adopted && !adoptedMeasure) return null;
  const links = await loadPlanLinks(db, viewer, scope.council.id, { measureIds: [m.id], focusAreaIds: [] });
  const shown = adoptedMeasure
    ? {
        ...m,
        title: adoptedMeasure.title,
        description: adoptedMeasure.description,
        resourceAnchored: adoptedMeasure.resourceAnchored,
        timeFrame: adoptedMeasure.timeFrame,
        deadline: adoptedMeasure.deadline ? new Date(`${adoptedMeasure.deadline}T00:00:00Z`) : null,
        indicators: adoptedMeasure.indicators,
        goal: adoptedMeasure.goal === null ? null : { text: adoptedMeasure.goal },
        focusArea: { ...m.focusArea, title: adoptedArea!.title, plan: { ...m.focusArea.plan, title: adopted!.title } },
      }
    : m;
  // The measure it came from and those it was carried into, as far as the reader may read their plans, headed as adopted.
  const live = can(viewer, "plan.read.draft", scope.council.id);
  const carried = [...(m.carriedFrom ? [m.carriedFrom] : []), ...m.carriedTo];
  const heads = live ? new Map() : await adoptedHeads(db, carried.map((c) => c.focusArea.plan.id));
  const asRead = (c: (typeof carried)[number]) => {
    if (live) return { id: c.id, title: c.title, focusArea: { plan: { title: c.focusArea.plan.title } } };
    if (c.focusArea.plan._count.versions === 0) return null;
    const head = heads.get(c.focusArea.plan.id);
    const title = head ? head.measures.get(c.id) : c.title;
    return title === undefined ? null : { id: c.id, title, focusArea: { plan: { title: head?.title ?? c.focusArea.plan.title } } };
  };
  return {
    scope,
    measure: {
      ...shown,
      carriedFrom: m.carriedFrom ? asRead(m.carriedFrom) : null,
      carriedTo: m.carriedTo.map(asRead).filter((c) => c !== null),
      owner: adoptedMeasure ? adoptedMeasure.owner : measureOwner(m),
      statusLabel: MEASURE_STATUS_LABELS[m.status as MeasureStatus],
      updates: m.updates.map((u) => ({
        ...u,
        fromLabel: u.fromStatus ? MEASURE_STATUS_LABELS[u.fromStatus as MeasureStatus] : null,
        toLabel: u.toStatus ? MEASURE_STATUS_LABELS[u.toStatus as MeasureStatus] : null,
      })),
    },
    links,
  };
}

/**
 * What readers see of a plan under revision: the latest adopted version, not the text in progress.
 * Null when the viewer reads the live plan, or when the plan is not under revision (its live text
 * then is the adopted one). Measure status is kept live: coordinators record it on the adopted plan.
 */
async function adoptedSnapshotFor(db: Db, viewer: Viewer | null, councilId: string, planId: string): Promise<PlanDocument | null> {
  if (can(viewer, "plan.read.draft", councilId)) return null;
  const v = await db.planVersion.findFirst({
    where: { planId, plan: { councilId, revisionOpen: true } },
    orderBy: { number: "desc" },
    select: { snapshot: true },
  });
  return v ? (v.snapshot as unknown as PlanDocument) : null;
}

// ───────────────────────────── The yearly report ─────────────────────────────

async function reportInputs(db: Db, viewer: Viewer | null, councilId: string, planId: string) {
  const plan = await db.plan.findFirst({
    where: { id: planId, councilId },
    select: {
      id: true,
      title: true,
      kind: true,
      periodFrom: true,
      periodTo: true,
      council: { select: { name: true } },
      copiedFromPlanId: true,
      _count: { select: { versions: true } },
      focusAreas: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          measures: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              title: true,
              status: true,
              resourceAnchored: true,
              ownerText: true,
              ownerPerson: { select: { name: true } },
              ownerBody: { select: { name: true } },
              ownerOrganization: { select: { name: true } },
              updates: { where: { OR: [{ fromStatus: { not: null } }, { toStatus: { not: null } }] }, select: { at: true, fromStatus: true, toStatus: true } },
            },
          },
        },
      },
    },
  });
  if (!plan) return null;
  const adopted = await adoptedSnapshotFor(db, viewer, councilId, planId);
  const live = new Map(plan.focusAreas.flatMap((a) => a.measures.map((m) => [m.id, m] as const)));
  const areas = adopted
    ? adopted.focusAreas.map((a) => ({
        id: a.id,
        title: a.title,
        measures: a.measures.map((m) => ({
          id: m.id,
          title: m.title,
          status: (live.get(m.id)?.status as MeasureStatus | undefined) ?? m.status,
          owner: m.owner,
          resourceAnchored: m.resourceAnchored,
          history: live.get(m.id)?.updates ?? [],
        })),
      }))
    : plan.focusAreas.map((a) => ({
        id: a.id,
        title: a.title,
        measures: a.measures.map((m) => ({ id: m.id, title: m.title, status: m.status as MeasureStatus, owner: measureOwner(m), resourceAnchored: m.resourceAnchored, history: m.updates })),
      }));
  const links = await loadPlanLinks(db, viewer, councilId, { measureIds: areas.flatMap((a) => a.measures.map((m) => m.id)), focusAreaIds: areas.map((a) => a.id) });
  // The heading and period as adopted too, so a year the revision adds is not reported to readers yet.
  const shownPlan = adopted ? { ...plan, title: adopted.title, periodFrom: adopted.periodFrom, periodTo: adopted.periodTo } : plan;
  return { plan: shownPlan, areas, links };
}

export async function getYearReport(viewer: Viewer | null, slug: string, planId: string, year: number) {
  const scope = await councilScope(viewer, slug);
  if (!scope) return null;
  const db = await getDb();
  const current = await reportInputs(db, viewer, scope.council.id, planId);
  if (!current || !canReadPlan(viewer, scope.council.id, current.plan._count.versions > 0)) return null;
  if (year < current.plan.periodFrom || year > current.plan.periodTo) return null;
  // Last year: the same plan when it spans several years, else the plan it was copied from, else
  // the council's action plan for that year.
  let previousPlanId: string | null = null;
  if (year - 1 >= current.plan.periodFrom) previousPlanId = current.plan.id;
  else if (current.plan.copiedFromPlanId) previousPlanId = current.plan.copiedFromPlanId;
  else {
    const p = await db.plan.findFirst({
      where: { councilId: scope.council.id, kind: current.plan.kind, periodFrom: { lte: year - 1 }, periodTo: { gte: year - 1 }, id: { not: planId } },
      orderBy: { periodFrom: "desc" },
      select: { id: true },
    });
    previousPlanId = p?.id ?? null;
  }
  const loaded = previousPlanId === current.plan.id ? current : previousPlanId ? await reportInputs(db, viewer, scope.council.id, previousPlanId) : null;
  // Last year's plan is compared with only when the reader may read it: a draft is the secretariat's.
  const previous = loaded && canReadPlan(viewer, scope.council.id, loaded.plan._count.versions > 0) ? loaded : null;
  const evaluation = await db.planEvaluation.findUnique({
    where: { planId_year: { planId, year } },
    select: { summary: true, version: true, areas: { select: { focusAreaId: true, statusText: true, trends: true, priorities: true, version: true } } },
  });
  const report = buildYearReport({
    year,
    areas: current.areas,
    decisions: current.links.decisions,
    actions: current.links.actions,
    evaluations: evaluation?.areas ?? [],
    // Last year of the same plan is counted back to then; an earlier plan shows its statuses as they
    // stand, since its last year's results are often recorded after the year ended.
    previous: previous
      ? {
          year: year - 1,
          areas: previous === current ? previous.areas : previous.areas.map((a) => ({ ...a, measures: a.measures.map(withoutHistory) })),
          decisions: previous.links.decisions,
          actions: previous.links.actions,
        }
      : null,
  });
  return {
    scope,
    plan: { id: current.plan.id, title: current.plan.title, councilName: current.plan.council.name, periodFrom: current.plan.periodFrom, periodTo: current.plan.periodTo },
    previousPlan: previous ? { id: previous.plan.id, title: previous.plan.title, year: year - 1 } : null,
    summary: evaluation?.summary ?? "",
    summaryVersion: evaluation?.version ?? 0,
    report,
  };
}

// ───────────────────────────── The council overview ─────────────────────────────

/**
 * Progress per focus area of the council's current action plan, and the measures to look at: those
 * without resources (by the council's rule they should not stay shared priorities) and those with
 * no activity in the last twelve months.
 */
export async function getPlanOverview(viewer: Viewer | null, slug: string, now = new Date()) {
  const scope = await councilScope(viewer, slug);
  if (!scope) return null;
  const db = await getDb();
  const year = osloYearOf(now);
  const rows = await db.plan.findMany({
    where: { councilId: scope.council.id, kind: "ACTION_PLAN", ...(scope.live ? {} : { versions: { some: {} } }) },
    orderBy: [{ periodFrom: "desc" }],
    select: { id: true, title: true, status: true, periodFrom: true, periodTo: true, revisionOpen: true },
  });
  // Readers see a plan under revision with its adopted title and period, as on the plan itself.
  const heads = scope.live ? new Map() : await adoptedHeads(db, rows.filter((r) => r.revisionOpen).map((r) => r.id));
  const candidates = rows.map(({ revisionOpen: _revisionOpen, ...r }) => asAdopted(r, heads));
  if (candidates.length === 0) return { scope, plan: null };
  // The plan for this year; else the latest adopted; else the latest.
  const plan =
    candidates.find((p) => p.periodFrom <= year && year <= p.periodTo && p.status === "ADOPTED") ??
    candidates.find((p) => p.periodFrom <= year && year <= p.periodTo) ??
    candidates.find((p) => p.status === "ADOPTED") ??
    candidates[0];
  const inputs = await reportInputs(db, viewer, scope.council.id, plan.id);
  if (!inputs) return { scope, plan: null };
  const measureIds = inputs.areas.flatMap((a) => a.measures.map((m) => m.id));
  const [updates, caseTags, decisionTags] = await Promise.all([
    db.measureUpdate.groupBy({ by: ["measureId"], where: { measureId: { in: measureIds } }, _max: { at: true } }),
    db.caseTag.findMany({ where: { measureId: { in: measureIds } }, select: { measureId: true, case: { select: { items: { select: { meetingId: true } } } } } }),
    db.decisionTag.findMany({ where: { measureId: { in: measureIds } }, select: { measureId: true, decision: { select: { agendaItem: { select: { meetingId: true } } } } } }),
  ]);
  const meetingIdsByMeasure = new Map<string, Set<string>>();
  const note = (measureId: string | null, meetingId: string) => {
    if (!measureId) return;
    if (!meetingIdsByMeasure.has(measureId)) meetingIdsByMeasure.set(measureId, new Set());
    meetingIdsByMeasure.get(measureId)!.add(meetingId);
  };
  for (const t of caseTags) for (const i of t.case.items) note(t.measureId, i.meetingId);
  for (const t of decisionTags) note(t.measureId, t.decision.agendaItem.meetingId);
  const updateRows = updates.flatMap((u) => (u._max.at ? [{ measureId: u.measureId, at: u._max.at }] : []));
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - INACTIVE_MONTHS);

  const areas = inputs.areas.map((a) => {
    const counts: StatusCounts = emptyCounts();
    for (const m of a.measures) counts[m.status]++;
    return { id: a.id, title: a.title, counts, total: a.measures.length };
  });
  const open = inputs.areas.flatMap((a) => a.measures.filter((m) => UNFINISHED_STATUSES.includes(m.status)).map((m) => ({ ...m, area: a.title })));
  const withActivity = open.map((m) => ({ ...m, lastActivity: lastActivity(m.id, updateRows, inputs.links, meetingIdsByMeasure, now) }));
  return {
    scope,
    plan: { ...plan, measureCount: measureIds.length },
    areas,
    unanchored: withActivity.filter((m) => !m.resourceAnchored),
    inactive: withActivity.filter((m) => !m.lastActivity || m.lastActivity < cutoff),
  };
}

// ───────────────────────────── Tags on cases and decisions ─────────────────────────────

/** The council's focus areas and measures to tag with, grouped by plan. */
export async function getTagChoices(viewer: Viewer | null, councilId: string) {
  if (!can(viewer, "plan.manage", councilId)) return [];
  const db = await getDb();
  const plans = await db.plan.findMany({
    where: { councilId, status: { not: "SUPERSEDED" } },
    orderBy: [{ periodFrom: "desc" }, { title: "asc" }],
    select: {
      title: true,
      focusAreas: { orderBy: { position: "asc" }, select: { id: true, title: true, measures: { orderBy: { position: "asc" }, select: { id: true, title: true } } } },
    },
  });
  return plans.map((p) => ({
    label: p.title,
    options: p.focusAreas.flatMap((a) => [
      { value: `area:${a.id}`, label: `Satsingsområde: ${a.title}` },
      ...a.measures.map((m) => ({ value: `measure:${m.id}`, label: `Tiltak: ${m.title} (${a.title})` })),
    ]),
  }));
}

/** The plan tags on a case and on each of its decisions, for the case page. */
export async function getCasePlanTags(viewer: Viewer | null, councilId: string, caseId: string) {
  if (!can(viewer, "plan.read", councilId)) return null;
  const db = await getDb();
  // A tag names its plan's focus area or measure, so it is shown only to those who may read that plan:
  // a draft plan is the secretariat's (the measure's page answers 404 to anyone else).
  const planSelect = { select: { id: true, title: true, _count: { select: { versions: true } } } } as const;
  const tagSelect = {
    id: true,
    focusArea: { select: { id: true, title: true, plan: planSelect } },
    measure: { select: { id: true, title: true, focusArea: { select: { plan: planSelect } } } },
  } as const;
  const c = await db.case.findFirst({
    where: { id: caseId, councilId },
    select: {
      tags: { select: tagSelect },
      items: {
        where: { status: "ACTIVE", decision: { isNot: null } },
        orderBy: { meeting: { startsAt: "asc" } },
        select: {
          title: true,
          number: true,
          year: true,
          series: { select: { format: true } },
          meeting: { select: { startsAt: true, status: true, noticeSentAt: true, body: { select: { name: true } }, minutes: { select: { status: true, publishedAt: true } } } },
          decision: { select: { id: true, tags: { select: tagSelect } } },
        },
      },
    },
  });
  if (!c) return null;
  type T = (typeof c.tags)[number];
  const planOf = (t: T) => t.measure?.focusArea.plan ?? t.focusArea?.plan;
  // A plan under revision is named to readers as adopted: a part added in the revision is not shown yet.
  const allTags = [...c.tags, ...c.items.flatMap((i) => i.decision?.tags ?? [])];
  const heads = can(viewer, "plan.read.draft", councilId) ? new Map() : await adoptedHeads(db, allTags.map((t) => planOf(t)?.id ?? ""));
  const adoptedTitle = (t: T) => {
    const head = heads.get(planOf(t)?.id ?? "");
    if (!head) return t.measure?.title ?? t.focusArea?.title ?? "";
    return t.measure ? head.measures.get(t.measure.id) : t.focusArea ? head.areas.get(t.focusArea.id) : undefined;
  };
  const readable = (t: T) => {
    const plan = planOf(t);
    return !!plan && canReadPlan(viewer, councilId, plan._count.versions > 0) && adoptedTitle(t) !== undefined;
  };
  const planTitle = (t: T) => heads.get(planOf(t)?.id ?? "")?.title ?? planOf(t)?.title ?? "";
  const label = (t: T) =>
    t.measure
      ? { id: t.id, kind: "Tiltak", title: adoptedTitle(t)!, href: `tiltak/${t.measure.id}`, plan: planTitle(t) }
      : { id: t.id, kind: "Satsingsområde", title: adoptedTitle(t) ?? "", href: t.focusArea ? `${t.focusArea.plan.id}#omrade-${t.focusArea.id}` : "", plan: planTitle(t) };
  return {
    caseTags: c.tags.filter(readable).map(label),
    decisions: c.items
      .filter((i) => i.meeting.minutes && canReadMinutes(viewer, councilId, i.meeting.minutes))
      .map((i) => ({
        decisionId: i.decision!.id,
        label: `${i.meeting.body.name} ${formatDate(i.meeting.startsAt)}${caseNumberLabel(i) ? `, ${caseNumberLabel(i)}` : ""}`,
        tags: i.decision!.tags.filter(readable).map(label),
      })),
  };
}

// ───────────────────────────── Public ─────────────────────────────

/** Adopted plans are public (isPlanPublic in the policy): anyone reads the latest adopted version, as adopted. */
export async function listPublicPlans(councilId: string) {
  const db = await getDb();
  const rows = await db.plan.findMany({
    where: { councilId, versions: { some: {} } },
    orderBy: [{ periodFrom: "desc" }, { title: "asc" }],
    select: { id: true, kind: true, title: true, periodFrom: true, periodTo: true, status: true, revisionOpen: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, adoptedAt: true } } },
  });
  const heads = await adoptedHeads(db, rows.filter((r) => r.revisionOpen).map((r) => r.id));
  return rows.map(({ versions, revisionOpen: _open, ...p }) => ({ ...asAdopted(p, heads), latest: versions[0] }));
}

export async function getPublicPlan(councilId: string, planId: string) {
  const db = await getDb();
  const v = await db.planVersion.findFirst({
    where: { planId, plan: { councilId } },
    orderBy: { number: "desc" },
    select: { number: true, adoptedAt: true, sha256: true, snapshot: true },
  });
  return v ? { ...v, doc: v.snapshot as unknown as PlanDocument } : null;
}
