import { z } from "zod";

export const uploadAttachmentSchema = z.object({
  itemId: z.string().min(1),
  file: z
    .instanceof(File, { message: "Velg en fil å laste opp." })
    .refine((f) => f.size > 0 && f.name !== "undefined", "Velg en fil å laste opp."),
  isExempt: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
