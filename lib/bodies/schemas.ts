import { z } from "zod";
import { calendarDate, optionalCalendarDate, optionalRowId, rowId, rowVersion } from "@/lib/form-fields";

export const BODY_KINDS = ["REPRESENTANTSKAP", "ARBEIDSUTVALG", "STYRE", "KOMMUNEDIREKTORUTVALG", "KOORDINERINGSGRUPPE", "FAGTEAM", "ARBEIDSGRUPPE", "ANNET"] as const;

// One list for the structure forms, the public council page and the open data.
export const BODY_KIND_LABELS: Record<string, string> = {
  REPRESENTANTSKAP: "Representantskap",
  ARBEIDSUTVALG: "Arbeidsutvalg",
  STYRE: "Styre",
  KOMMUNEDIREKTORUTVALG: "Kommunedirektørutvalg",
  KOORDINERINGSGRUPPE: "Koordineringsgruppe",
  FAGTEAM: "Fagteam",
  ARBEIDSGRUPPE: "Arbeidsgruppe",
  ANNET: "Annet organ",
} satisfies Record<(typeof BODY_KINDS)[number], string>;

export const NUMBERINGS = { YEARLY: "Sak 1/26, løpende gjennom året", PER_MEETING: "1., 2. … fra nytt i hvert møte", NONE: "Ingen saksnummer" } as const;

export const MEMBER_KINDS = { MUNICIPALITY: "Kommune", COUNTY: "Fylkeskommune", OTHER: "Annen organisasjon" } as const;

const text = (max: number, msg: string) => z.string().trim().max(max, msg).optional().transform((v) => v || null);

const bodyFields = {
  councilSlug: z.string().trim().min(1),
  name: z.string({ error: "Skriv navnet på organet." }).trim().min(2, "Skriv navnet på organet.").max(200, "Navnet kan ikke være lengre enn 200 tegn."),
  // "AU 4/22": the abbreviation names the body in case references, so it is one word-like token.
  abbreviation: z
    .string({ error: "Skriv en forkortelse." })
    .trim()
    .min(1, "Skriv en forkortelse, for eksempel «AU».")
    .max(40, "Forkortelsen kan ikke være lengre enn 40 tegn.")
    .regex(/^[\p{L}\p{N}][\p{L}\p{N}.\-]*$/u, "Forkortelsen kan bare ha bokstaver, tall, punktum og bindestrek, uten mellomrom."),
  description: z.string().trim().max(5000, "Beskrivelsen kan ikke være lengre enn 5000 tegn.").optional().transform((v) => v ?? ""),
  targetMeetingsPerYear: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 52), "Skriv et helt tall fra 1 til 52, eller la feltet stå tomt.")
    .transform((v) => (v ? Number(v) : null)),
  parentBodyId: optionalRowId,
  activeFrom: optionalCalendarDate,
};

const activeInOrder = (v: { activeFrom: string | null; activeTo?: string | null }, ctx: z.RefinementCtx) => {
  if (v.activeFrom && v.activeTo && v.activeTo < v.activeFrom) ctx.addIssue({ code: "custom", path: ["activeTo"], message: "Sluttdatoen kan ikke være før startdatoen." });
};

export const createBodySchema = z
  .object({
    ...bodyFields,
    kind: z.enum(BODY_KINDS, { error: "Velg hva slags organ det er." }),
    nature: z.enum(["POLITICAL", "ADMINISTRATIVE"], { error: "Velg om organet er politisk eller administrativt." }),
    numbering: z.enum(["YEARLY", "PER_MEETING", "NONE"], { error: "Velg saksnummereringen." }),
  })
  .superRefine(activeInOrder);

export const updateBodySchema = z.object({ ...bodyFields, bodyId: rowId, version: rowVersion, activeTo: optionalCalendarDate }).superRefine(activeInOrder);

export const addCouncilMemberSchema = z
  .object({
    councilSlug: bodyFields.councilSlug,
    organizationName: z.string({ error: "Skriv navnet." }).trim().min(2, "Skriv navnet, for eksempel «Flå».").max(200, "Navnet kan ikke være lengre enn 200 tegn."),
    organizationKind: z.enum(["MUNICIPALITY", "COUNTY", "OTHER"], { error: "Velg hva slags medlem det er." }),
    municipalityNumber: z.string().trim().optional().transform((v) => v || null),
    validFrom: calendarDate("Skriv datoen medlemskapet begynner."),
    note: text(500, "Merknaden kan ikke være lengre enn 500 tegn."),
  })
  .superRefine((v, ctx) => {
    // Kommunenummer has four digits, fylkesnummer two (SSB's standard).
    const digits = v.organizationKind === "MUNICIPALITY" ? 4 : v.organizationKind === "COUNTY" ? 2 : 0;
    if (digits && !v.municipalityNumber) ctx.addIssue({ code: "custom", path: ["municipalityNumber"], message: digits === 4 ? "Skriv kommunenummeret (fire sifre)." : "Skriv fylkesnummeret (to sifre)." });
    else if (digits && !new RegExp(`^\\d{${digits}}$`).test(v.municipalityNumber!)) ctx.addIssue({ code: "custom", path: ["municipalityNumber"], message: digits === 4 ? "Kommunenummeret har fire sifre." : "Fylkesnummeret har to sifre." });
    else if (!digits && v.municipalityNumber) ctx.addIssue({ code: "custom", path: ["municipalityNumber"], message: "Bare kommuner og fylkeskommuner har nummer. La feltet stå tomt." });
  });

export const endCouncilMemberSchema = z.object({
  councilSlug: bodyFields.councilSlug,
  memberId: rowId,
  version: rowVersion,
  validTo: calendarDate("Skriv siste dag som medlem."),
});
