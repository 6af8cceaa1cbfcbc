import { z } from "zod";
import { isCalendarDate, optionalRowId, rowId, rowVersion, rowVersionOrNew, selectedRow, STALE_FORM } from "@/lib/form-fields";

// Shared by the plan forms and their actions.

export const PLAN_KINDS = ["STRATEGY", "ACTION_PLAN"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABELS: Record<PlanKind, string> = { STRATEGY: "Strategi", ACTION_PLAN: "Handlingsplan" };

export const PLAN_STATUS_LABELS: Record<string, string> = { DRAFT: "Utkast", ADOPTED: "Vedtatt", SUPERSEDED: "Erstattet" };

export const MEASURE_STATUSES = ["PLANNED", "ONGOING", "DONE", "POSTPONED", "CANCELLED"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  PLANNED: "Planlagt",
  ONGOING: "Pågår",
  DONE: "Gjennomført",
  POSTPONED: "Utsatt",
  CANCELLED: "Utgår",
};
/** Statuses that are still work to do: these carry over to next year's plan. */
export const UNFINISHED_STATUSES: readonly MeasureStatus[] = ["PLANNED", "ONGOING", "POSTPONED"];

/** No activity for this long flags a measure on the council overview. */
export const INACTIVE_MONTHS = 12;

const id = rowId;
const version = rowVersion;
const text = (max: number, message = `Teksten kan være høyst ${max} tegn.`) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, message));
const optionalText = (max: number) => text(max).transform((v) => v || null);
const requiredText = (max: number, missing: string) => z.string({ error: missing }).trim().min(1, missing).max(max, `Teksten kan være høyst ${max} tegn.`);
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");
const optionalId = optionalRowId;

const year = (label: string) =>
  z.coerce
    .number({ error: `${label} må være et årstall.` })
    .int(`${label} må være et årstall.`)
    .min(2000, `${label} må være et årstall fra 2000.`)
    .max(2100, `${label} må være et årstall før 2100.`);

const periodFields = {
  kind: z.enum(PLAN_KINDS, { error: "Velg strategi eller handlingsplan." }),
  title: requiredText(200, "Skriv planens tittel, for eksempel «Handlingsplan 2025»."),
  subtitle: optionalText(200),
  periodFrom: year("Første år"),
  periodTo: year("Siste år"),
  strategyId: optionalId,
};

function checkPeriod<T extends { periodFrom: number; periodTo: number; kind: PlanKind; strategyId: string | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.periodTo < v.periodFrom) ctx.addIssue({ code: "custom", path: ["periodTo"], message: "Siste år kan ikke være før første år." });
  if (v.kind === "STRATEGY" && v.strategyId) ctx.addIssue({ code: "custom", path: ["strategyId"], message: "En strategi viser ikke til en annen strategi." });
}

export const createPlanSchema = z.object({ councilSlug: id, ...periodFields }).superRefine(checkPeriod);

export const editPlanSchema = z
  .object({
    planId: id,
    version,
    ...periodFields,
    purpose: text(20_000),
    principlesInclude: text(20_000),
    principlesExclude: text(20_000),
  })
  .superRefine(checkPeriod);

export const sectionSchema = z.object({
  planId: id,
  sectionId: optionalId,
  version: rowVersionOrNew,
  heading: requiredText(300, "Skriv en overskrift for seksjonen."),
  body: text(20_000),
  afterFocusAreas: checkbox,
});

export const focusAreaSchema = z.object({
  planId: id,
  focusAreaId: optionalId,
  version: rowVersionOrNew,
  title: requiredText(300, "Skriv navnet på satsingsområdet."),
  description: text(10_000),
});

export const goalSchema = z.object({
  focusAreaId: id,
  goalId: optionalId,
  version: rowVersionOrNew,
  text: requiredText(1000, "Skriv målet."),
});

const OWNER_PATTERN = /^(person|body|org):[A-Za-z0-9_-]{1,64}$/;

export const measureSchema = z
  .object({
    focusAreaId: id,
    measureId: optionalId,
    version: rowVersionOrNew,
    title: requiredText(500, "Skriv hva tiltaket er."),
    description: text(10_000),
    goalId: optionalId,
    owner: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim() || null)
      .refine((v) => v === null || OWNER_PATTERN.test(v), "Velg en eier fra listen."),
    ownerText: optionalText(200),
    timeFrame: optionalText(100),
    deadline: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim() || null)
      .refine((v) => v === null || isCalendarDate(v), "Skriv fristen som en dato (dd.mm.åååå)."),
    status: z.enum(MEASURE_STATUSES, { error: "Velg en status." }).default("PLANNED"),
    resourceAnchored: checkbox,
    indicators: optionalText(5000),
  })
  .transform((v) => {
    const [kind, ownerId] = v.owner ? v.owner.split(":") : [null, null];
    return {
      ...v,
      ownerPersonId: kind === "person" ? ownerId : null,
      ownerBodyId: kind === "body" ? ownerId : null,
      ownerOrganizationId: kind === "org" ? ownerId : null,
    };
  });

/** One measure per line, as pasted from a Word list: bullets and numbering are dropped. */
export function parseMeasureLines(input: string): string[] {
  return input
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-–•*·▪]|\d+[.)])\s*/, "").trim())
    .filter(Boolean);
}

export const bulkMeasuresSchema = z.object({
  focusAreaId: id,
  lines: z
    .string({ error: "Skriv minst ett tiltak." })
    .transform(parseMeasureLines)
    .pipe(
      z
        .array(z.string().max(500, "Et tiltak kan være høyst 500 tegn."))
        .min(1, "Skriv minst ett tiltak, ett per linje.")
        .max(100, "Legg til høyst 100 tiltak om gangen."),
    ),
});

export const PLAN_PARTS = ["section", "focusArea", "goal", "measure"] as const;
export type PlanPart = (typeof PLAN_PARTS)[number];

const part = z.enum(PLAN_PARTS, { error: STALE_FORM });
export const deletePartSchema = z.object({ part, id, version });
export const movePartSchema = z.object({ part, id, direction: z.enum(["up", "down"], { error: STALE_FORM }) });

const isoDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Skriv datoen som dd.mm.åååå.")
    .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isCalendarDate(v), "Datoen finnes ikke.");

export const adoptPlanSchema = z.object({
  planId: id,
  version,
  decisionId: selectedRow("Velg vedtaket som vedtok planen."),
  adoptedAt: isoDate("Skriv datoen planen ble vedtatt."),
  changeNote: text(2000),
});

export const planVersionSchema = z.object({ planId: id, version });

export const measureStatusSchema = z.object({
  measureId: id,
  version,
  status: z.enum(MEASURE_STATUSES, { error: "Velg en status." }),
  comment: text(5000),
});

export const TAG_TARGETS = ["case", "decision"] as const;
const tagTarget = z.enum(TAG_TARGETS, { error: STALE_FORM });
export const addTagSchema = z.object({
  target: tagTarget,
  targetId: id,
  tag: z
    .string({ error: "Velg et satsingsområde eller tiltak." })
    .trim()
    .regex(/^(area|measure):[A-Za-z0-9_-]{1,64}$/, "Velg et satsingsområde eller tiltak."),
});
export const removeTagSchema = z.object({ target: tagTarget, tagId: id });

export const evaluationAreaSchema = z.object({
  planId: id,
  year: year("Året"),
  focusAreaId: id,
  version: rowVersionOrNew,
  statusText: text(20_000),
  trends: text(20_000),
  priorities: text(20_000),
});

export const evaluationSummarySchema = z.object({
  planId: id,
  year: year("Året"),
  version: rowVersionOrNew,
  summary: text(20_000),
});

export const copyPlanSchema = z.object({
  planId: id,
  title: requiredText(200, "Skriv tittelen på den nye planen."),
  year: year("Året"),
  excludeUnanchored: checkbox,
});

/** "Handlingsplan 2025" → "Handlingsplan 2026": every occurrence of the old year in the title. */
export function titleForYear(title: string, from: number, to: number): string {
  const next = title.replace(new RegExp(`\\b${from}\\b`, "g"), String(to));
  return next === title ? `${title} ${to}` : next;
}
