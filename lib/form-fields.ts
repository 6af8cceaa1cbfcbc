import { z } from "zod";

// zod building blocks every schemas.ts shares, and zod's own messages in plain Norwegian.
//
// Visible fields carry their own message in the schema. zod's defaults are English ("Invalid
// input: expected string, received undefined") and its Norwegian locale is technical ("forventet
// string, fikk undefined"), so anything without a message of its own gets one of these instead.
// Importing this module (every schemas.ts does) is what installs them.

const nb = (n: number | bigint) => Number(n).toLocaleString("nb-NO");

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null ? "Feltet mangler." : "Feltet har feil format.";
      case "too_small":
        if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "Feltet må fylles ut." : `Skriv minst ${nb(issue.minimum)} tegn.`;
        if (issue.origin === "array" || issue.origin === "set") return `Velg minst ${nb(issue.minimum)}.`;
        return `Tallet må være minst ${nb(issue.minimum)}.`;
      case "too_big":
        if (issue.origin === "string") return `Teksten kan være høyst ${nb(issue.maximum)} tegn.`;
        if (issue.origin === "array" || issue.origin === "set") return `Velg høyst ${nb(issue.maximum)}.`;
        return `Tallet kan være høyst ${nb(issue.maximum)}.`;
      case "invalid_value":
        return "Velg et av alternativene.";
      default:
        return "Feltet har feil format.";
    }
  },
});

// Hidden fields (ids, versions) and the values of selects only go wrong when the page is out of
// date or the form was tampered with; the user can only reload.
export const STALE_FORM = "Skjemaet er utdatert eller ufullstendig. Last siden på nytt og prøv igjen.";

// Ids are cuids. Nothing else may reach a query: a NUL byte, for one, fails the statement in PostgreSQL.
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The id of a row the user picks in a select: `missing` when none is picked. */
export const selectedRow = (missing: string) => z.string({ error: missing }).trim().min(1, missing).regex(ID, STALE_FORM);

/** The id of a row, from a hidden field. */
export const rowId = selectedRow(STALE_FORM);

/** An id that may be left out or empty (null then), e.g. "no chair" or a new row. */
export const optionalRowId = z
  .string({ error: STALE_FORM })
  .optional()
  .transform((v) => (v ?? "").trim() || null)
  .refine((v) => v === null || ID.test(v), STALE_FORM);

/** PostgreSQL text cannot hold U+0000: one pasted into a field would fail the statement, not the form. */
export const withoutNul = (s: string) => s.replaceAll("\u0000", "");

// Versions are PostgreSQL integers; a larger number would fail the query instead of the form.
const INT4_MAX = 2_147_483_647;

/** The version of the row the form was built from (optimistic locking). */
export const rowVersion = z.coerce.number({ error: STALE_FORM }).int(STALE_FORM).min(1, STALE_FORM).max(INT4_MAX, STALE_FORM);

/** The same, where 0 means "not saved yet". */
export const rowVersionOrNew = z.coerce.number({ error: STALE_FORM }).int(STALE_FORM).min(0, STALE_FORM).max(INT4_MAX, STALE_FORM).default(0);

/**
 * A real date of the calendar as åååå-mm-dd, in the years the portal deals with. Date.parse alone
 * accepts 30 February (as 1 March) and year 0, which PostgreSQL refuses.
 */
export function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 2200;
}

/** A date the user types (åååå-mm-dd); `missing` when it is left empty. */
export const calendarDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Skriv datoen som åååå-mm-dd.")
    .refine(isCalendarDate, "Datoen finnes ikke.");

/** The same, where an empty field means no date (null). */
export const optionalCalendarDate = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), "Skriv datoen som åååå-mm-dd.")
  .refine((v) => !v || !/^\d{4}-\d{2}-\d{2}$/.test(v) || isCalendarDate(v), "Datoen finnes ikke.")
  .transform((v) => v || null);

// The rule of lib/server/mail.ts (one recipient, no header tricks): an address it would refuse must
// not reach enqueueMail, where it would abort the whole sending; the people register refuses it on the field.
const EMAIL_PATTERN = /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+\.[^\s@<>,;:"()[\]\\]+$/u;

export function usableEmail(email: string | null | undefined): string | null {
  const e = email?.trim();
  return e && e.length <= 320 && EMAIL_PATTERN.test(e) ? e : null;
}
