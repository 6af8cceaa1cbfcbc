import { z } from "zod";
import { rowVersion, selectedRow } from "@/lib/form-fields";

export const setUserDisabledSchema = z.object({
  userId: selectedRow("Mangler bruker."),
  disabled: z.enum(["true", "false"], { error: "Ugyldig valg." }).transform((v) => v === "true"),
  version: rowVersion,
});
