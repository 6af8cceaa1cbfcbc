import { z } from "zod";
import { isCalendarDate, optionalRowId, rowId, rowVersion, STALE_FORM, withoutNul } from "@/lib/form-fields";

// Shared by the follow-up forms and their actions, and by the list page and its CSV export
// (the filters are the list's query string, so a filtered list can be bookmarked and exported).

export const ACTION_STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  OPEN: "Åpen",
  IN_PROGRESS: "Under arbeid",
  DONE: "Fullført",
  CANCELLED: "Avbrutt",
};

/** Days before the due date an item counts as "frist snart" in lists. */
export const DUE_SOON_DAYS = 14;

export const SORT_KEYS = ["tittel", "status", "frist", "ansvarlig", "organ", "opprettet"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

// PostgreSQL rejects U+0000 in a query parameter: a NUL in a bookmarked or hand-edited link would be
// a server error instead of a list.
const optionalParam = z
  .string()
  .transform(withoutNul)
  .pipe(z.string().trim().max(200))
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);

// Ids reach the query as they are; anything that cannot be an id would match nothing, or fail the
// statement, so it counts as no filter.
const optionalIdParam = optionalRowId.catch(null).transform((v) => v ?? undefined);

/** The list's query string. Unknown or malformed values fall back to the default instead of failing. */
export const actionFilterSchema = z.object({
  rad: optionalParam, // council slug
  status: z.enum(["aktive", "alle", ...ACTION_STATUSES]).catch("aktive").default("aktive"),
  ansvarlig: optionalIdParam, // person id
  organ: optionalIdParam, // body id (the body whose decision created the item)
  kommune: optionalIdParam, // organisation id of a responsible person
  frist: z.enum(["", "forfalt", "snart", "uten"]).catch("").default(""),
  tiltak: optionalIdParam, // measure id
  fokus: optionalIdParam, // focus area id
  q: optionalParam,
  mine: z.enum(["", "1"]).catch("").default(""),
  sort: z.enum(SORT_KEYS).catch("frist").default("frist"),
  retning: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  visning: z.enum(["liste", "tavle", "utskrift"]).catch("liste").default("liste"),
  side: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});
export type ActionFilter = z.output<typeof actionFilterSchema>;

export function parseActionFilter(params: Record<string, string | string[] | undefined> | URLSearchParams): ActionFilter {
  const flat: Record<string, string> = {};
  if (params instanceof URLSearchParams) params.forEach((v, k) => (flat[k] ??= v));
  else for (const [k, v] of Object.entries(params)) if (v !== undefined) flat[k] = Array.isArray(v) ? v[0] : v;
  return actionFilterSchema.parse(flat);
}

/** The filter as a query string, leaving out defaults; `patch` overrides single values. */
export function filterQuery(filter: ActionFilter, patch: Partial<Record<keyof ActionFilter, string | undefined>> = {}): string {
  const defaults: Partial<Record<keyof ActionFilter, string>> = { status: "aktive", frist: "", mine: "", sort: "frist", retning: "asc", visning: "liste", side: "1" };
  // A changed filter or order starts again at the first page.
  const merged: Record<string, string | undefined> = { ...filter, side: String(filter.side), ...("side" in patch ? {} : { side: undefined }), ...patch };
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === "" || defaults[k as keyof ActionFilter] === v) continue;
    qs.set(k, v);
  }
  const s = qs.toString();
  return s ? `?${s}` : "";
}

const id = rowId;
const version = rowVersion;
const isoDate = z
  .string()
  .trim()
  .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "Skriv datoen som åååå-mm-dd.")
  .refine((v) => v === "" || !/^\d{4}-\d{2}-\d{2}$/.test(v) || isCalendarDate(v), "Datoen finnes ikke.")
  .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null));

export const updateStatusSchema = z
  .object({
    actionItemId: id,
    version,
    status: z.enum(ACTION_STATUSES, { error: "Velg status." }),
    comment: z.string().trim().max(2000, "Kommentaren kan ikke være lengre enn 2000 tegn.").default(""),
    outcomeNote: z.string().trim().max(2000, "Resultatet kan ikke være lengre enn 2000 tegn.").default(""),
    currentStatus: z.enum(ACTION_STATUSES, { error: STALE_FORM }),
  })
  .superRefine((v, ctx) => {
    if (v.status === "DONE" && v.currentStatus !== "DONE" && v.outcomeNote.length < 3) {
      ctx.addIssue({ code: "custom", path: ["outcomeNote"], message: "Skriv kort hva som ble resultatet før du lukker oppgaven." });
    }
    if (v.status === v.currentStatus && !v.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "Skriv et fremdriftsnotat, eller velg en annen status." });
    }
  });

export const editActionItemSchema = z
  .object({
    actionItemId: id,
    version,
    title: z.string({ error: "Skriv hva som skal gjøres." }).trim().min(3, "Skriv hva som skal gjøres.").max(300, "Teksten kan ikke være lengre enn 300 tegn."),
    description: z.string().max(10_000, "Beskrivelsen kan ikke være lengre enn 10 000 tegn.").default(""),
    personIds: z.array(id).max(20, "Velg høyst 20 personer.").default([]),
    responsibleText: z
      .string()
      .trim()
      .max(300, "Ansvarlig kan ikke være lengre enn 300 tegn.")
      .default("")
      .transform((v) => v || null),
    dueDate: isoDate,
    measureId: optionalRowId,
    focusAreaId: optionalRowId,
  });

// Checked by the action against the stored item: a body or an organisation made responsible when the
// item was created (a working group set up by the decision) is responsible too, though this form has no field for it.
export const NO_RESPONSIBLE = "Velg minst én ansvarlig person, eller skriv hvem som er ansvarlig.";

export const reminderPreferenceSchema = z.object({
  reminders: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});

export const actionAttachmentSchema = z.object({
  actionItemId: id,
  file: z
    .instanceof(File, { message: "Velg en fil å laste opp." })
    .refine((f) => f.size > 0 && f.name !== "undefined", "Velg en fil å laste opp."),
});
