import { z } from "zod";
import "@/lib/form-fields";
import { isCommonPassword } from "@/lib/auth/common-passwords";

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

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// Characters as a person counts them (code points), so "æøå" and emoji count once each.
const length = (v: string) => [...v].length;

/**
 * The one rule for a password someone chooses (NIST SP 800-63B): long enough, not absurdly long,
 * and not on the list of common passwords. No rules about character classes. Every place that
 * sets a password parses it with this schema. Server-only: the list is read from disk.
 */
export const newPasswordSchema = z
  .string({ error: "Skriv inn et nytt passord." })
  .refine((v) => v.length > 0, "Skriv inn et nytt passord.")
  .refine((v) => length(v) === 0 || length(v) >= PASSWORD_MIN_LENGTH, `Passordet må ha minst ${PASSWORD_MIN_LENGTH} tegn.`)
  .refine((v) => length(v) <= PASSWORD_MAX_LENGTH, `Passordet kan ikke være lengre enn ${PASSWORD_MAX_LENGTH} tegn.`)
  .refine(
    (v) => length(v) < PASSWORD_MIN_LENGTH || length(v) > PASSWORD_MAX_LENGTH || !isCommonPassword(v),
    "Passordet er for vanlig og lett å gjette. Velg et lengre passord, gjerne flere ord med mellomrom.",
  );

/** A new password, typed twice: the fields of every form that sets a password. */
export const newPasswordPairShape = {
  newPassword: newPasswordSchema,
  repeatPassword: z.string({ error: "Gjenta det nye passordet." }).min(1, "Gjenta det nye passordet."),
};

/** For `.refine` on an object with the pair: the repeat must match. */
export const samePasswords: [(d: { newPassword: string; repeatPassword: string }) => boolean, { message: string; path: string[] }] = [
  (d) => d.newPassword === d.repeatPassword,
  { message: "Passordene er ikke like. Skriv det nye passordet likt begge gangene.", path: ["repeatPassword"] },
];

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Skriv inn passordet du har nå." })
      .min(1, "Skriv inn passordet du har nå.")
      .max(PASSWORD_MAX_LENGTH, "Feil passord."),
    ...newPasswordPairShape,
  })
  .refine(...samePasswords);

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
