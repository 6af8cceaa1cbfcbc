import { TZDate } from "@date-fns/tz";
import { OSLO } from "@/lib/format/dates";
import { MEASURE_STATUS_LABELS, MEASURE_STATUSES, type MeasureStatus } from "@/lib/plans/schemas";

// The yearly evaluation report ("årlig evaluering"), built from the plan's data: per focus area the
// measures by status with the decisions that touched them, the decisions and follow-up of the year,
// and the secretariat's commentary. A pure function, so the page, the PDF and the tests agree.

export type ReportMeasureInput = { id: string; title: string; status: MeasureStatus; owner: string | null; resourceAnchored: boolean };
/** A status change of a measure (MeasureUpdate), for its status at the end of a past year. */
export type StatusChange = { at: Date; fromStatus: string | null; toStatus: string | null };
type MeasureWithHistory = ReportMeasureInput & { history?: StatusChange[] };
export type ReportAreaInput = { id: string; title: string; measures: MeasureWithHistory[] };
export type ReportDecisionInput = {
  id: string;
  label: string; // "AU 17. januar 2022, Sak 4/22 Prinsipp saker/samhandlingsinstruks"
  text: string;
  meetingId: string;
  caseId: string | null;
  at: Date;
  focusAreaIds: string[];
  measureIds: string[];
};
export type ReportActionInput = {
  id: string;
  title: string;
  statusLabel: string;
  createdAt: Date;
  closedAt: Date | null;
  focusAreaIds: string[];
  measureIds: string[];
};
export type ReportEvaluationInput = { focusAreaId: string; statusText: string; trends: string; priorities: string; version: number };

export type ReportDecision = Omit<ReportDecisionInput, "focusAreaIds" | "measureIds" | "at"> & { at: string };
export type ReportAction = Omit<ReportActionInput, "focusAreaIds" | "measureIds" | "createdAt" | "closedAt">;
export type StatusCounts = Record<MeasureStatus, number>;

export type ReportArea = {
  id: string;
  title: string;
  counts: StatusCounts;
  byStatus: { status: MeasureStatus; label: string; measures: (ReportMeasureInput & { decisions: ReportDecision[] })[] }[];
  decisions: ReportDecision[];
  actions: ReportAction[];
  evaluation: { statusText: string; trends: string; priorities: string; version: number };
  previous: { counts: StatusCounts; decisions: number; actions: number } | null;
};

export type YearReport = { year: number; areas: ReportArea[]; totals: StatusCounts };

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

// Years run in Oslo time: a meeting at 00.30 on 1 January belongs to the new year.
const osloYear = (d: Date) => new TZDate(d, OSLO).getFullYear();
const inYear = (d: Date, year: number) => osloYear(d) === year;

/**
 * A measure's status at the end of `year` (Oslo time): what the first recorded change after then
 * changed it from, else its status now. Last year's column beside this year's must not repeat
 * today's statuses. Counted back from now, not forward from the changes, since a status set in the
 * plan editor is not in the history.
 */
export function statusAt(m: MeasureWithHistory, year: number): MeasureStatus {
  const end = new TZDate(year + 1, 0, 1, OSLO).getTime();
  const after = (m.history ?? [])
    .filter((h) => h.fromStatus && h.at.getTime() >= end)
    .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  return after ? (after.fromStatus as MeasureStatus) : m.status;
}

// The report's own year shows the statuses as they are now: a report is written after its year,
// and what was done then is often recorded in January. Only last year's column is counted back.
export const withoutHistory = ({ history: _h, ...m }: MeasureWithHistory): ReportMeasureInput => m;

function activeInYear(a: ReportActionInput, year: number): boolean {
  return osloYear(a.createdAt) <= year && (a.closedAt === null || osloYear(a.closedAt) >= year);
}

const toDecision = ({ focusAreaIds: _f, measureIds: _m, at, ...d }: ReportDecisionInput): ReportDecision => ({ ...d, at: at.toISOString() });
const toAction = ({ focusAreaIds: _f, measureIds: _m, createdAt: _c, closedAt: _x, ...a }: ReportActionInput): ReportAction => a;

export function buildYearReport(input: {
  year: number;
  areas: ReportAreaInput[];
  decisions: ReportDecisionInput[];
  actions: ReportActionInput[];
  evaluations: ReportEvaluationInput[];
  previous?: { year: number; areas: ReportAreaInput[]; decisions: ReportDecisionInput[]; actions: ReportActionInput[] } | null;
}): YearReport {
  const { year } = input;
  const previousByTitle = input.previous ? summarise(input.previous) : null;
  const totals = emptyCounts();
  const areas = input.areas.map((given): ReportArea => {
    const area = { ...given, measures: given.measures.map(withoutHistory) };
    const measureIds = new Set(area.measures.map((m) => m.id));
    const touches = (x: { focusAreaIds: string[]; measureIds: string[] }) => x.focusAreaIds.includes(area.id) || x.measureIds.some((id) => measureIds.has(id));
    const decisions = input.decisions.filter((d) => inYear(d.at, year) && touches(d)).sort((a, b) => a.at.getTime() - b.at.getTime());
    const counts = emptyCounts();
    for (const m of area.measures) {
      counts[m.status]++;
      totals[m.status]++;
    }
    const evaluation = input.evaluations.find((e) => e.focusAreaId === area.id);
    return {
      id: area.id,
      title: area.title,
      counts,
      byStatus: MEASURE_STATUSES.map((status) => ({
        status,
        label: MEASURE_STATUS_LABELS[status],
        measures: area.measures
          .filter((m) => m.status === status)
          .map((m) => ({ ...m, decisions: decisions.filter((d) => d.measureIds.includes(m.id)).map(toDecision) })),
      })).filter((g) => g.measures.length > 0),
      decisions: decisions.map(toDecision),
      actions: input.actions.filter((a) => activeInYear(a, year) && touches(a)).map(toAction),
      evaluation: evaluation
        ? { statusText: evaluation.statusText, trends: evaluation.trends, priorities: evaluation.priorities, version: evaluation.version }
        : { statusText: "", trends: "", priorities: "", version: 0 },
      previous: previousByTitle?.get(normaliseTitle(area.title)) ?? null,
    };
  });
  return { year, areas, totals };
}

function normaliseTitle(t: string): string {
  return t.trim().toLocaleLowerCase("nb");
}

/** Last year's figures per focus area, matched on the area's title. */
function summarise(prev: { year: number; areas: ReportAreaInput[]; decisions: ReportDecisionInput[]; actions: ReportActionInput[] }) {
  const out = new Map<string, { counts: StatusCounts; decisions: number; actions: number }>();
  for (const area of prev.areas) {
    const ids = new Set(area.measures.map((m) => m.id));
    const touches = (x: { focusAreaIds: string[]; measureIds: string[] }) => x.focusAreaIds.includes(area.id) || x.measureIds.some((id) => ids.has(id));
    const counts = emptyCounts();
    for (const m of area.measures) counts[statusAt(m, prev.year)]++;
    out.set(normaliseTitle(area.title), {
      counts,
      decisions: prev.decisions.filter((d) => inYear(d.at, prev.year) && touches(d)).length,
      actions: prev.actions.filter((a) => activeInYear(a, prev.year) && touches(a)).length,
    });
  }
  return out;
}

/** Share of an area's measures that are done, for the overview chart (cancelled ones left out). */
export function progressShare(counts: StatusCounts): number {
  const relevant = counts.PLANNED + counts.ONGOING + counts.DONE + counts.POSTPONED;
  return relevant === 0 ? 0 : counts.DONE / relevant;
}
