import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { OSLO } from "@/lib/format/dates";

// The audit log's query string (GET, so a filtered view can be bookmarked and shared between
// administrators): /portal/admin/logg?rad=…&aktor=…&handling=user.disable&type=User&id=…&fra=01.12.2026&til=31.12.2026&eldre=…

export const AUDIT_PAGE_SIZE = 50;
/** The council filter's value for events that belong to no council (sign-ins, user administration). */
export const NO_COUNCIL = "ingen";

type RawParams = Record<string, string | string[] | undefined>;

const FIELDS = ["rad", "aktor", "handling", "type", "id", "fra", "til", "eldre", "nyere"] as const;
export type AuditFilterField = (typeof FIELDS)[number];
export type AuditFilterForm = Record<AuditFilterField, string>;

/** "2026-12-01" or "1.12.2026" / "01.12.2026" as [year, month, day], or null. */
function dateParts(v: string): [number, number, number] | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (m) return [Number(m[3]), Number(m[2]), Number(m[1])];
  return null;
}

/** Midnight in Oslo at the start of the typed day, optionally some days later (DST-aware). */
function osloMidnight([y, m, d]: [number, number, number], plusDays = 0): Date {
  return new Date(new TZDate(y, m - 1, d + plusDays, 0, 0, OSLO).getTime());
}

const day = z
  .string()
  .trim()
  .refine((v) => dateParts(v) !== null, "Skriv datoen som dd.mm.åååå, for eksempel 01.12.2026.")
  .refine((v) => {
    const p = dateParts(v);
    if (!p) return true;
    const [y, m, d] = p;
    const check = new Date(Date.UTC(y, m - 1, d));
    // 31.02 would roll over into March: the date must come back as typed.
    return y >= 2000 && y <= 2200 && check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d;
  }, "Datoen finnes ikke.")
  .transform((v) => dateParts(v)!);

// "<ISO instant>_<id>": the position of the row a page starts after (keyset pagination).
const cursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_\d{1,19}$/, "Ugyldig side.")
  .transform((v) => {
    const [at, id] = v.split("_");
    return { at: new Date(at), id: BigInt(id) };
  })
  .refine((c) => !Number.isNaN(c.at.getTime()), "Ugyldig side.");

const text = (max: number, message: string) =>
  z
    .string()
    .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, " ").trim())
    .pipe(z.string().max(max, message));

export const auditFilterSchema = z
  .object({
    rad: z.string().trim().regex(/^[a-z0-9-]{1,80}$/, "Ukjent råd.").optional(),
    aktor: text(200, "Skriv høyst 200 tegn.").optional(),
    handling: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/i, "Ukjent handling.").optional(),
    type: z.string().trim().regex(/^[a-z][a-z0-9]{0,59}$/i, "Ukjent type.").optional(),
    id: text(100, "ID-en kan være høyst 100 tegn.").optional(),
    fra: day.optional(),
    til: day.optional(),
    eldre: cursor.optional(),
    nyere: cursor.optional(),
  })
  .transform(({ fra, til, ...rest }) => ({
    ...rest,
    from: fra ? osloMidnight(fra) : undefined,
    // The whole "til" day counts: up to midnight at its end.
    until: til ? osloMidnight(til, 1) : undefined,
  }))
  .refine((f) => !f.from || !f.until || f.from < f.until, { message: "Til-datoen kan ikke være før fra-datoen.", path: ["til"] });

export type AuditFilter = z.output<typeof auditFilterSchema>;

export type ParsedAuditFilter =
  | { state: "ok"; values: AuditFilterForm; filter: AuditFilter }
  | { state: "invalid"; values: AuditFilterForm; errors: Partial<Record<AuditFilterField, string>> };

/** What the user typed, for refilling the form: the first value of each parameter, or "". */
export function auditFormValues(raw: RawParams): AuditFilterForm {
  const values = {} as AuditFilterForm;
  for (const k of FIELDS) {
    const v = raw[k];
    values[k] = (Array.isArray(v) ? v[0] : v) ?? "";
  }
  return values;
}

/** Empty parameters count as unset; errors are keyed by parameter so the page shows them on the field. */
export function parseAuditFilter(raw: RawParams): ParsedAuditFilter {
  const values = auditFormValues(raw);
  const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ""));
  const parsed = auditFilterSchema.safeParse(input);
  if (parsed.success) return { state: "ok", values, filter: parsed.data };
  const errors: Partial<Record<AuditFilterField, string>> = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as AuditFilterField] ??= issue.message;
  return { state: "invalid", values, errors };
}

export function encodeCursor(row: { at: Date; id: string }): string {
  return `${row.at.toISOString()}_${row.id}`;
}

/** The filter's query string with one page cursor (or none), leaving out empty values. */
export function auditQuery(values: AuditFilterForm, page: { eldre?: string; nyere?: string } = {}): string {
  const qs = new URLSearchParams();
  for (const k of FIELDS) {
    if (k === "eldre" || k === "nyere") continue;
    if (values[k].trim()) qs.set(k, values[k].trim());
  }
  if (page.eldre) qs.set("eldre", page.eldre);
  if (page.nyere) qs.set("nyere", page.nyere);
  const s = qs.toString();
  return s ? `?${s}` : "";
}
