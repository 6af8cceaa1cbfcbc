import { z } from "zod";
import { calendarDate as date, optionalCalendarDate as optionalDate, optionalRowId, rowId, rowVersion, selectedRow, usableEmail } from "@/lib/form-fields";

export const MEMBERSHIP_ROLES = ["LEDER", "NESTLEDER", "MEDLEM", "VARAMEDLEM", "SEKRETAER", "OBSERVATOR"] as const;

// One list for the register's forms, the notices, the minutes and the public council page.
export const MEMBERSHIP_ROLE_LABELS: Record<(typeof MEMBERSHIP_ROLES)[number], string> = {
  LEDER: "Leder",
  NESTLEDER: "Nestleder",
  MEDLEM: "Medlem",
  VARAMEDLEM: "Varamedlem",
  SEKRETAER: "Sekretær",
  OBSERVATOR: "Observatør",
};

const text = (max: number, msg: string) => z.string().trim().max(max, msg).optional().transform((v) => v || null);

// A person as the notices and minutes name them. The address must be one the mail rule accepts:
// a notice is not sent to one it refuses.
const personFields = {
  councilSlug: z.string().trim().min(1),
  name: z.string({ error: "Skriv navnet." }).trim().min(2, "Skriv navnet.").max(200, "Navnet kan ikke være lengre enn 200 tegn."),
  title: text(200, "Tittelen kan ikke være lengre enn 200 tegn."),
  organizationId: optionalRowId,
  email: text(320, "E-postadressen er for lang.").refine((v) => v === null || usableEmail(v) !== null, "Skriv én gyldig e-postadresse, for eksempel navn@kommune.no."),
  phone: text(40, "Telefonnummeret kan ikke være lengre enn 40 tegn."),
};

const membershipFields = {
  bodyId: selectedRow("Velg organet."),
  role: z.enum(MEMBERSHIP_ROLES, { error: "Velg rollen." }),
  representsId: optionalRowId,
  roleLabel: text(200, "Rollen kan ikke være lengre enn 200 tegn."),
  substituteOrder: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || (/^\d{1,2}$/.test(v) && Number(v) >= 1), "Skriv et helt tall fra 1, eller la feltet stå tomt.")
    .transform((v) => (v ? Number(v) : null)),
  validFrom: date("Skriv datoen medlemskapet begynner."),
  validTo: optionalDate,
};

const periodInOrder = (v: { validFrom: string; validTo: string | null }, ctx: z.RefinementCtx) => {
  if (v.validTo && v.validTo < v.validFrom) ctx.addIssue({ code: "custom", path: ["validTo"], message: "Sluttdatoen kan ikke være før startdatoen." });
};

export const createPersonSchema = z.object({ ...personFields, ...membershipFields }).superRefine(periodInOrder);

export const updatePersonSchema = z.object({ ...personFields, personId: rowId, version: rowVersion });

export const addMembershipSchema = z.object({ councilSlug: personFields.councilSlug, personId: rowId, ...membershipFields }).superRefine(periodInOrder);

export const endMembershipSchema = z.object({
  councilSlug: personFields.councilSlug,
  membershipId: rowId,
  version: rowVersion,
  validTo: date("Skriv siste dag i vervet."),
});
