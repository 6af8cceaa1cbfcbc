import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/minutes/content-hash";
import { formatCaseNumber } from "@/lib/cases/case-number";
import { formatDate } from "@/lib/format/dates";
import { MEASURE_STATUS_LABELS, PLAN_KIND_LABELS, type MeasureStatus, type PlanKind } from "@/lib/plans/schemas";

// One model of a plan as a document. The HTML page, the PDF and the frozen snapshot of each
// adopted version (PlanVersion.snapshot) are all this shape, so an adopted version renders exactly
// as it was adopted. Dates are ISO strings so the snapshot round-trips through JSON unchanged.

export type PlanDocumentMeasure = {
  id: string;
  title: string;
  description: string;
  goal: string | null;
  owner: string | null;
  timeFrame: string | null;
  deadline: string | null; // yyyy-mm-dd
  status: MeasureStatus;
  statusLabel: string;
  resourceAnchored: boolean;
  indicators: string | null;
  carriedFrom: string | null; // the plan it was carried over from
};

export type PlanDocumentArea = { id: string; title: string; description: string; goals: string[]; measures: PlanDocumentMeasure[] };

export type PlanDocument = {
  planId: string;
  councilName: string;
  kind: PlanKind;
  kindLabel: string;
  title: string;
  subtitle: string | null;
  periodFrom: number;
  periodTo: number;
  strategyTitle: string | null;
  purpose: string;
  principlesInclude: string;
  principlesExclude: string;
  sectionsBefore: { heading: string; body: string }[];
  sectionsAfter: { heading: string; body: string }[];
  focusAreas: PlanDocumentArea[];
  adoption: { versionNumber: number; adoptedAt: string; decision: string | null } | null;
};

export const planDocumentSelect = {
  id: true,
  kind: true,
  title: true,
  subtitle: true,
  periodFrom: true,
  periodTo: true,
  purpose: true,
  principlesInclude: true,
  principlesExclude: true,
  council: { select: { name: true } },
  strategy: { select: { title: true } },
  sections: { orderBy: { position: "asc" }, select: { heading: true, body: true, afterFocusAreas: true } },
  focusAreas: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      title: true,
      description: true,
      goals: { orderBy: { position: "asc" }, select: { id: true, text: true } },
      measures: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          description: true,
          goalId: true,
          ownerText: true,
          ownerPerson: { select: { name: true } },
          ownerBody: { select: { name: true } },
          ownerOrganization: { select: { name: true } },
          timeFrame: true,
          deadline: true,
          status: true,
          resourceAnchored: true,
          indicators: true,
          carriedFrom: { select: { focusArea: { select: { plan: { select: { title: true } } } } } },
        },
      },
    },
  },
} as const;

type Row = {
  id: string;
  kind: string;
  title: string;
  subtitle: string | null;
  periodFrom: number;
  periodTo: number;
  purpose: string;
  principlesInclude: string;
  principlesExclude: string;
  council: { name: string };
  strategy: { title: string } | null;
  sections: { heading: string; body: string; afterFocusAreas: boolean }[];
  focusAreas: {
    id: string;
    title: string;
    description: string;
    goals: { id: string; text: string }[];
    measures: {
      id: string;
      title: string;
      description: string;
      goalId: string | null;
      ownerText: string | null;
      ownerPerson: { name: string } | null;
      ownerBody: { name: string } | null;
      ownerOrganization: { name: string } | null;
      timeFrame: string | null;
      deadline: Date | null;
      status: string;
      resourceAnchored: boolean;
      indicators: string | null;
      carriedFrom: { focusArea: { plan: { title: string } } } | null;
    }[];
  }[];
};

type CitedItem = { title: string; number: number | null; year: number | null; series: { format: string } | null; meeting: { startsAt: Date; body: { name: string } } };

/** "Ordfører- og kommunedirektør/rådmannsutvalget 17. januar 2022, Sak 4/22 Prinsipp saker …": how a decision is cited. */
export function decisionCitation(item: CitedItem): string {
  const n = caseNumberLabel(item);
  return `${item.meeting.body.name} ${formatDate(item.meeting.startsAt)}, ${n ? `${n} ` : ""}${item.title}`;
}

export function caseNumberLabel(item: { number: number | null; year: number | null; series: { format: string } | null }): string | null {
  return item.number !== null && item.year !== null ? formatCaseNumber(item.series?.format ?? "Sak {n}/{yy}", item.number, item.year) : null;
}

type OwnerFields = { ownerText: string | null; ownerPerson: { name: string } | null; ownerBody: { name: string } | null; ownerOrganization: { name: string } | null };

export function measureOwner(m: OwnerFields): string | null {
  const structured = m.ownerPerson?.name ?? m.ownerBody?.name ?? m.ownerOrganization?.name ?? null;
  if (structured && m.ownerText) return `${structured} (${m.ownerText})`;
  return structured ?? m.ownerText;
}

export function toPlanDocument(row: Row, adoption: PlanDocument["adoption"]): PlanDocument {
  const kind = row.kind as PlanKind;
  return {
    planId: row.id,
    councilName: row.council.name,
    kind,
    kindLabel: PLAN_KIND_LABELS[kind],
    title: row.title,
    subtitle: row.subtitle,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    strategyTitle: row.strategy?.title ?? null,
    purpose: row.purpose,
    principlesInclude: row.principlesInclude,
    principlesExclude: row.principlesExclude,
    sectionsBefore: row.sections.filter((s) => !s.afterFocusAreas).map(({ heading, body }) => ({ heading, body })),
    sectionsAfter: row.sections.filter((s) => s.afterFocusAreas).map(({ heading, body }) => ({ heading, body })),
    focusAreas: row.focusAreas.map((a) => {
      const goals = new Map(a.goals.map((g) => [g.id, g.text]));
      return {
        id: a.id,
        title: a.title,
        description: a.description,
        goals: a.goals.map((g) => g.text),
        measures: a.measures.map((m) => ({
          id: m.id,
          title: m.title,
          description: m.description,
          goal: m.goalId ? (goals.get(m.goalId) ?? null) : null,
          owner: measureOwner(m),
          timeFrame: m.timeFrame,
          deadline: m.deadline ? m.deadline.toISOString().slice(0, 10) : null,
          status: m.status as MeasureStatus,
          statusLabel: MEASURE_STATUS_LABELS[m.status as MeasureStatus],
          resourceAnchored: m.resourceAnchored,
          indicators: m.indicators,
          carriedFrom: m.carriedFrom?.focusArea.plan.title ?? null,
        })),
      };
    }),
    adoption,
  };
}

/** SHA-256 of what was adopted: the document without the adoption facts added afterwards. */
export function planContentHash(doc: PlanDocument): string {
  const { adoption: _a, ...content } = doc;
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/** "2025" or "2025–2028" */
export function periodLabel(doc: { periodFrom: number; periodTo: number }): string {
  return doc.periodFrom === doc.periodTo ? String(doc.periodFrom) : `${doc.periodFrom}–${doc.periodTo}`;
}

/** A calendar date "2025-06-30" as "30.06.2025". */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}
