import { z } from "zod";
import { newPasswordPairShape, samePasswords } from "@/lib/auth/schemas";
import { rowVersion, selectedRow } from "@/lib/form-fields";

export const setUserDisabledSchema = z.object({
  userId: selectedRow("Mangler bruker."),
  disabled: z.enum(["true", "false"], { error: "Ugyldig valg." }).transform((v) => v === "true"),
  version: rowVersion,
});

/** An administrator sets a new password for someone else: the same rule as changing one's own. */
export const setUserPasswordSchema = z
  .object({
    userId: selectedRow("Mangler bruker."),
    version: rowVersion,
    ...newPasswordPairShape,
  })
  .refine(...samePasswords);

/** An administrator removes a user's link to an external sign-in account (decision 019). */
export const removeUserIdentitySchema = z.object({
  userId: selectedRow("Mangler bruker."),
  identityId: selectedRow("Mangler koblingen."),
  version: rowVersion,
});
