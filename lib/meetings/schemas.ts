import { z } from "zod";
import { isCalendarDate, rowId, rowVersion, selectedRow, STALE_FORM } from "@/lib/form-fields";
import { osloTimeExists } from "@/lib/format/dates";

const date = z
  .string({ error: "Velg en dato." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Skriv datoen som åååå-mm-dd.")
  .refine(isCalendarDate, "Datoen finnes ikke.");
const time = z.string({ error: "Skriv et klokkeslett." }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Skriv klokkeslett som tt:mm, for eksempel 14:00.");
const optionalTime = z
  .union([z.literal(""), time], { error: "Skriv klokkeslett som tt:mm, for eksempel 15:30." })
  .optional()
  .transform((v) => v || null);
const optionalText = (max: number, msg: string) =>
  z.string().trim().max(max, msg).optional().transform((v) => v || null);
const remoteUrl = z
  .string()
  .trim()
  .max(500, "Lenken er for lang.")
  .optional()
  .refine((v) => !v || /^https:\/\/\S+$/.test(v), "Lenken må begynne med https://")
  .transform((v) => v || null);

const meetingFields = {
  bodyId: selectedRow("Velg organ."),
  date,
  startTime: time,
  endTime: optionalTime,
  location: optionalText(200, "Stedet kan ikke være lengre enn 200 tegn."),
  remoteUrl,
};

export const DST_GAP_MESSAGE = "Klokkeslettet finnes ikke denne dagen: klokka stilles fram fra 02.00 til 03.00 (sommertid).";

function endAfterStart<T extends { date: string; startTime: string; endTime: string | null }>(v: T, ctx: z.RefinementCtx) {
  const day = isCalendarDate(v.date);
  if (day && !osloTimeExists(v.date, v.startTime)) ctx.addIssue({ code: "custom", path: ["startTime"], message: DST_GAP_MESSAGE });
  if (day && v.endTime && !osloTimeExists(v.date, v.endTime)) ctx.addIssue({ code: "custom", path: ["endTime"], message: DST_GAP_MESSAGE });
  else if (v.endTime && v.endTime <= v.startTime) {
    ctx.addIssue({ code: "custom", path: ["endTime"], message: "Sluttid må være etter starttid." });
  }
}

export const createMeetingSchema = z.object(meetingFields).superRefine(endAfterStart);

export const updateMeetingSchema = z
  .object({
    ...meetingFields,
    meetingId: rowId,
    version: rowVersion,
    changeNote: optionalText(500, "Begrunnelsen kan ikke være lengre enn 500 tegn."),
  })
  .superRefine(endAfterStart);

export const cancelMeetingSchema = z.object({
  meetingId: rowId,
  version: rowVersion,
  reason: z.string({ error: "Skriv hvorfor møtet avlyses." }).trim().min(3, "Skriv hvorfor møtet avlyses.").max(500, "Begrunnelsen kan ikke være lengre enn 500 tegn."),
});

// One meeting per line: "2027-01-18 14:00-15:30 Kommunehuset i Krødsherad"
export const PLAN_LINE = /^(\d{4}-\d{2}-\d{2})\s+([01]\d|2[0-3]):([0-5]\d)(?:\s*[-–]\s*([01]\d|2[0-3]):([0-5]\d))?\s*(.*)$/;

export const meetingPlanSchema = z.object({
  bodyId: selectedRow("Velg organ."),
  lines: z
    .string({ error: "Skriv minst én dato." })
    .trim()
    .min(1, "Skriv minst én dato.")
    .transform((text, ctx) => {
      const rows = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      if (rows.length > 60) {
        ctx.addIssue({ code: "custom", message: "Høyst 60 møter om gangen." });
        return z.NEVER;
      }
      // Every bad line at once, each saying what is wrong with it: a secretary pasting a year's
      // plan from Word should fix them in one go, not one per submit.
      const parsed = [];
      const problems: string[] = [];
      for (const [i, row] of rows.entries()) {
        const m = PLAN_LINE.exec(row);
        if (!m) {
          problems.push(`Linje ${i + 1} («${row}») må se slik ut: 2027-01-18 14:00-15:30 Sted.`);
          continue;
        }
        if (!isCalendarDate(m[1])) {
          problems.push(`Linje ${i + 1}: datoen ${m[1]} finnes ikke.`);
          continue;
        }
        const startTime = `${m[2]}:${m[3]}`;
        const endTime = m[4] ? `${m[4]}:${m[5]}` : null;
        if (!osloTimeExists(m[1], startTime) || (endTime && !osloTimeExists(m[1], endTime))) {
          problems.push(`Linje ${i + 1}: ${DST_GAP_MESSAGE.charAt(0).toLowerCase()}${DST_GAP_MESSAGE.slice(1)}`);
          continue;
        }
        if (endTime && endTime <= startTime) {
          problems.push(`Linje ${i + 1}: sluttid må være etter starttid.`);
          continue;
        }
        const location = m[6].trim();
        if (location.length > 200) {
          problems.push(`Linje ${i + 1}: stedet kan ikke være lengre enn 200 tegn.`);
          continue;
        }
        parsed.push({ date: m[1], startTime, endTime, location: location || null });
      }
      if (problems.length) {
        const shown = problems.slice(0, 5);
        if (problems.length > shown.length) shown.push(`… og ${problems.length - shown.length} linjer til.`);
        ctx.addIssue({ code: "custom", message: shown.join(" ") });
        return z.NEVER;
      }
      return parsed;
    }),
});

export const CASE_TYPES = ["VEDTAKSSAK", "ORIENTERINGSSAK", "DROFTINGSSAK", "RUNDE_RUNDT_BORDET", "VALG", "GODKJENNING", "EVENTUELT"] as const;

const exemptFields = {
  isExempt: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  exemptionBasis: optionalText(200, "Hjemmelen kan ikke være lengre enn 200 tegn."),
};

function basisWhenExempt<T extends { isExempt: boolean; exemptionBasis: string | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.isExempt && !v.exemptionBasis) {
    ctx.addIssue({ code: "custom", path: ["exemptionBasis"], message: "Oppgi hjemmel for unntaket, for eksempel «offl. § 13, jf. fvl. § 13»." });
  }
}

export const addItemSchema = z
  .object({
    meetingId: rowId,
    title: z.string({ error: "Skriv en tittel." }).trim().min(2, "Skriv en tittel.").max(300, "Tittelen kan ikke være lengre enn 300 tegn."),
    type: z.enum(CASE_TYPES, { error: "Velg sakstype." }),
    presenter: optionalText(200, "«v/» kan ikke være lengre enn 200 tegn."),
    ...exemptFields,
  })
  .superRefine(basisWhenExempt);

export const updateItemSchema = z
  .object({
    itemId: rowId,
    itemVersion: rowVersion,
    caseVersion: z.union([z.literal(""), rowVersion], { error: STALE_FORM }).transform((v) => (v === "" ? null : v)),
    title: z.string({ error: "Skriv en tittel." }).trim().min(2, "Skriv en tittel.").max(300, "Tittelen kan ikke være lengre enn 300 tegn."),
    type: z.enum(CASE_TYPES, { error: "Velg sakstype." }),
    presenter: optionalText(200, "«v/» kan ikke være lengre enn 200 tegn."),
    noticeText: z.string().max(2000, "Teksten kan ikke være lengre enn 2000 tegn.").default(""),
    background: z.string().max(100_000, "Saksframlegget er for langt (maks 100 000 tegn).").default(""),
    proposedDecision: z.string().max(20_000, "Forslaget er for langt (maks 20 000 tegn).").default(""),
    ...exemptFields,
    isClosed: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    closedBasis: optionalText(300, "Hjemmelen kan ikke være lengre enn 300 tegn."),
  })
  .superRefine(basisWhenExempt)
  .superRefine((v, ctx) => {
    if (v.isClosed && !v.closedBasis) {
      ctx.addIssue({ code: "custom", path: ["closedBasis"], message: "Oppgi hjemmel for lukket møte, for eksempel «kommuneloven § 11-5 andre ledd, jf. offentleglova § 13»." });
    }
  });

export const moveItemSchema = z.object({ itemId: rowId, direction: z.enum(["up", "down"], { error: STALE_FORM }) });
export const itemRefSchema = z.object({ itemId: rowId });
export const meetingRefSchema = z.object({ meetingId: rowId });

export const proposeItemSchema = z.object({
  fromMeetingId: rowId,
  targetMeetingId: selectedRow("Velg møtet forslaget gjelder."),
  title: z.string({ error: "Skriv en tittel." }).trim().min(2, "Skriv en tittel.").max(300, "Tittelen kan ikke være lengre enn 300 tegn."),
  type: z.enum(CASE_TYPES, { error: "Velg sakstype." }),
});

export const forwardCaseSchema = z.object({
  caseId: rowId,
  targetMeetingId: selectedRow("Velg møtet saken skal videre til."),
});

export const addReferenceSchema = z.object({
  itemId: rowId,
  reference: z
    .string({ error: "Skriv saksnummeret, for eksempel 4/22." })
    .trim()
    .regex(/^(?:[a-zæøå-]+\.?\s+){0,3}(\d{1,4})\/(\d{2}|\d{4})$/i, "Skriv saksnummeret som nummer/år, for eksempel 4/22, sak 03/25 eller AU 4/22."),
  label: optionalText(300, "Teksten kan ikke være lengre enn 300 tegn."),
});
