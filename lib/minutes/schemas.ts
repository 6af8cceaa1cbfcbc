import { z } from "zod";
import { isCalendarDate, optionalRowId, rowId, rowVersion, selectedRow, STALE_FORM, withoutNul } from "@/lib/form-fields";

// Shared by the minutes forms and their actions. Messages are what the user sees beside the field.
// The autosaved item minutes arrive as an object, not through formValues, so their texts drop NUL here.

const id = rowId;
const version = rowVersion;
const longText = (max: number, label: string) => z.string().max(max, `${label} kan ikke være lengre enn ${max.toLocaleString("nb-NO")} tegn.`).transform(withoutNul);
const optionalLine = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} kan ikke være lengre enn ${max} tegn.`)
    .nullish()
    .transform((v) => (v ? withoutNul(v) : null) || null);
const optionalCount = z
  .union([z.literal(""), z.null(), z.coerce.number({ error: "Skriv et tall." }).int("Skriv et helt tall.").min(0, "Tallet kan ikke være negativt.").max(10_000, "Tallet er for stort.")], { error: "Skriv et helt tall, eller la feltet stå tomt." })
  .transform((v) => (v === "" || v === null ? null : v));

export const proposalSchema = z.object({
  proposedBy: optionalLine(200, "Forslagsstiller"),
  text: z.string().trim().min(1, "Skriv forslaget.").max(5000, "Forslaget kan ikke være lengre enn 5000 tegn.").transform(withoutNul),
  votesFor: optionalCount,
  votesAgainst: optionalCount,
  votersFor: optionalLine(1000, "Hvem som stemte for"),
  adopted: z.boolean(),
});

export const disqualificationSchema = z.object({
  personId: selectedRow("Velg person."),
  basis: z.string().trim().min(1, "Skriv hjemmelen, for eksempel fvl. § 6 andre ledd.").max(300, "Hjemmelen kan ikke være lengre enn 300 tegn.").transform(withoutNul),
});

export const DECISION_KINDS = ["VEDTAK", "INNSTILLING", "KONKLUSJON"] as const;
export const VOTING_KINDS = ["NONE", "ENSTEMMIG", "VOTERING"] as const;

/** One item's minutes as the editor autosaves them: notes, decision, voting and inhabilitet together. */
export const itemMinutesSchema = z
  .object({
    itemId: id,
    version,
    notes: longText(50_000, "Notatene"),
    decisionKind: z.enum(DECISION_KINDS, { error: "Velg type vedtak." }),
    decisionText: longText(20_000, "Vedtaket"),
    voting: z.enum(VOTING_KINDS, { error: "Velg votering." }),
    proposals: z.array(proposalSchema).max(30, "Høyst 30 forslag."),
    disqualifications: z.array(disqualificationSchema).max(50),
  })
  .superRefine((v, ctx) => {
    if (v.voting === "VOTERING" && v.proposals.length === 0) {
      ctx.addIssue({ code: "custom", path: ["proposals"], message: "Legg til forslagene det ble stemt over, eller velg «Enstemmig»." });
    }
    if (v.voting !== "NONE" && !v.decisionText.trim()) {
      ctx.addIssue({ code: "custom", path: ["decisionText"], message: "Skriv vedtaket før du registrerer votering." });
    }
    const seen = new Set<string>();
    for (const d of v.disqualifications) {
      if (seen.has(d.personId)) ctx.addIssue({ code: "custom", path: ["disqualifications"], message: "Samme person er ført opp som inhabil to ganger." });
      seen.add(d.personId);
    }
  });
export type ItemMinutesInput = z.input<typeof itemMinutesSchema>;

export const ATTENDANCE_STATUSES = ["PRESENT", "REMOTE", "ABSENT", "SUBSTITUTE"] as const;

const attendanceRowSchema = z.object({
  attendanceId: id,
  status: z.enum(ATTENDANCE_STATUSES, { error: "Velg møtt, forfall, vara eller Teams." }),
  roleLabel: optionalLine(200, "Rollen"),
  substituteForId: optionalRowId,
  arrivedAtItemId: optionalRowId,
  leftAfterItemId: optionalRowId,
  note: optionalLine(500, "Merknaden"),
});

/** The whole register is saved at once; `fingerprint` detects a concurrent save (see queries). */
export const attendanceRegisterSchema = z
  .object({ meetingId: id, fingerprint: z.string({ error: STALE_FORM }).min(1, STALE_FORM), rows: z.array(attendanceRowSchema).max(200) })
  .superRefine((v, ctx) => {
    v.rows.forEach((r, i) => {
      if (r.status === "SUBSTITUTE" && !r.substituteForId) {
        ctx.addIssue({ code: "custom", path: ["rows", i, "substituteForId"], message: "Velg hvem varamedlemmet møtte for." });
      }
      // These were once dropped without a word on save; the secretary should see why instead.
      if (r.status !== "SUBSTITUTE" && r.substituteForId) {
        ctx.addIssue({ code: "custom", path: ["rows", i, "substituteForId"], message: "Bare et varamedlem møter for noen. Velg «Vara» som oppmøte, eller «–» her." });
      }
      if (r.status === "ABSENT") {
        if (r.arrivedAtItemId) ctx.addIssue({ code: "custom", path: ["rows", i, "arrivedAtItemId"], message: "Den som har forfall, kom ikke til møtet. Velg «Hele møtet», eller endre oppmøtet." });
        if (r.leftAfterItemId) ctx.addIssue({ code: "custom", path: ["rows", i, "leftAfterItemId"], message: "Den som har forfall, var ikke i møtet. Velg «Hele møtet», eller endre oppmøtet." });
      }
    });
  });
export type AttendanceRegisterInput = z.input<typeof attendanceRegisterSchema>;

export const addAttendeeSchema = z.object({
  meetingId: id,
  kind: z.enum(["GUEST", "SECRETARIAT", "MEMBER"], { error: "Velg hva slags deltaker." }),
  personId: optionalRowId,
  name: optionalLine(200, "Navnet"),
  roleLabel: optionalLine(200, "Rollen"),
  organization: optionalLine(200, "Organisasjonen"),
}).superRefine((v, ctx) => {
  if (!v.personId && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Velg en person eller skriv navnet." });
});

export const minutesHeaderSchema = z.object({
  meetingId: id,
  version,
  documentTitle: z.enum(["Referat", "Protokoll"], { error: "Velg referat eller protokoll." }),
  introduction: longText(20_000, "Innledningen"),
  chairId: optionalRowId,
  chairLabel: optionalLine(100, "Tittelen"),
  secretaryId: optionalRowId,
  secretaryLabel: optionalLine(100, "Tittelen"),
});

export const meetingRefSchema = z.object({ meetingId: id });

// The content hash of the minutes as the page showed them: every edit changes it, also those that do
// not move the minutes' version (items, votes, attendance, round table).
const minutesHash = z.string().regex(/^[0-9a-f]{64}$/, "Last siden på nytt og prøv igjen.");

export const approveByItemSchema = z.object({ itemId: id, minutesId: id, minutesVersion: version, minutesHash });

export const approveElectronicSchema = z.object({ meetingId: id, minutesVersion: version, minutesHash });

export const erratumSchema = z.object({
  meetingId: id,
  text: z.string({ error: "Skriv rettelsen." }).trim().min(5, "Skriv hva som rettes, og hvorfor.").max(2000, "Rettelsen kan ikke være lengre enn 2000 tegn."),
});

export const commentSchema = z.object({
  meetingId: id,
  text: z.string({ error: "Skriv en kommentar." }).trim().min(2, "Skriv en kommentar.").max(5000, "Kommentaren kan ikke være lengre enn 5000 tegn."),
});

const isoDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Skriv datoen som åååå-mm-dd.")
  .refine((v) => v === "" || isCalendarDate(v), "Datoen finnes ikke.")
  .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null));

export const actionFromDecisionSchema = z
  .object({
    itemId: id,
    title: z.string({ error: "Skriv hva som skal gjøres." }).trim().min(3, "Skriv hva som skal gjøres.").max(300, "Teksten kan ikke være lengre enn 300 tegn."),
    personIds: z.array(id).max(20, "Velg høyst 20 personer."),
    responsibleBodyId: optionalRowId,
    responsibleText: optionalLine(300, "Ansvarlig"),
    dueDate: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.personIds.length === 0 && !v.responsibleBodyId && !v.responsibleText) {
      ctx.addIssue({ code: "custom", path: ["personIds"], message: "Velg minst én ansvarlig person, en arbeidsgruppe, eller skriv hvem som er ansvarlig." });
    }
  });

export const proposeFromMinutesSchema = z.object({
  itemId: id,
  targetMeetingId: selectedRow("Velg møtet saken foreslås til."),
  title: z.string({ error: "Skriv tittelen." }).trim().min(3, "Skriv tittelen på saken.").max(300, "Tittelen kan ikke være lengre enn 300 tegn."),
  type: z.enum(["VEDTAKSSAK", "ORIENTERINGSSAK", "DROFTINGSSAK"], { error: "Velg sakstype." }),
  noticeText: longText(5000, "Beskrivelsen").transform((v) => v.trim()),
});

export const roundTableSchema = z.object({
  itemId: id,
  organizationId: selectedRow("Velg organisasjon."),
  version: z.union([z.literal(""), version], { error: STALE_FORM }).transform((v) => (v === "" ? null : v)),
  text: z.string({ error: "Skriv innspillet." }).trim().min(2, "Skriv innspillet.").max(10_000, "Innspillet kan ikke være lengre enn 10 000 tegn."),
});

export const publishSettingSchema = z.object({
  meetingId: id,
  publishMinutes: z.enum(["on", "off"], { error: "Velg om referatene skal publiseres." }).transform((v) => v === "on"),
});
