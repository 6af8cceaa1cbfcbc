import { z } from "zod";
import "@/lib/form-fields";

export const loginSchema = z.object({
  email: z
    .string({ error: "Skriv inn e-postadressen din." })
    .trim()
    .min(1, "Skriv inn e-postadressen din.")
    .max(254, "E-postadressen er for lang.")
    .email("Skriv inn en gyldig e-postadresse, for eksempel navn@kommune.no."),
  password: z
    .string({ error: "Skriv inn passordet ditt." })
    .min(1, "Skriv inn passordet ditt.")
    .max(128, "Passordet kan ikke være lengre enn 128 tegn."),
});

export type LoginInput = z.infer<typeof loginSchema>;
