import { z } from "zod";
import { newPasswordPairShape, samePasswords } from "@/lib/auth/schemas";

export const setUserDisabledSchema = z.object({
  userId: z.string().min(1, "Mangler bruker."),
  disabled: z.enum(["true", "false"], { error: "Ugyldig valg." }).transform((v) => v === "true"),
  version: z.coerce.number({ error: "Mangler versjon." }).int().min(1),
});

/** An administrator sets a new password for someone else: the same rule as changing one's own. */
export const setUserPasswordSchema = z
  .object({
    userId: z.string().min(1, "Mangler bruker."),
    version: z.coerce.number({ error: "Mangler versjon." }).int().min(1),
    ...newPasswordPairShape,
  })
  .refine(...samePasswords);
