import { z } from "zod";
import "@/lib/form-fields";

export const respondSchema = z.object({
  token: z.string({ error: "Lenken er ugyldig." }).regex(/^[A-Za-z0-9_-]{43}$/, "Lenken er ugyldig."),
  response: z.enum(["ABSENT", "PRESENT"], { error: "Velg om du kommer eller melder forfall." }),
  comment: z.string().trim().max(1000, "Kommentaren kan ikke være lengre enn 1000 tegn.").default(""),
});
