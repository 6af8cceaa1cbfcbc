import { z } from "zod";
import { rowId } from "@/lib/form-fields";

export const uploadAttachmentSchema = z.object({
  itemId: rowId,
  file: z
    .instanceof(File, { message: "Velg en fil å laste opp." })
    .refine((f) => f.size > 0 && f.name !== "undefined", "Velg en fil å laste opp."),
  isExempt: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
