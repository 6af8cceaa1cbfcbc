import { z } from "zod";

export const setUserDisabledSchema = z.object({
  userId: z.string().min(1, "Mangler bruker."),
  disabled: z.enum(["true", "false"], { error: "Ugyldig valg." }).transform((v) => v === "true"),
  version: z.coerce.number({ error: "Mangler versjon." }).int().min(1),
});
