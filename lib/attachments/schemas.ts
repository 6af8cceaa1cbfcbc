import { z } from "zod";
import { rowId } from "@/lib/form-fields";

const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());
const basis = z.string().trim().max(300, "Hjemmelen kan ikke være lengre enn 300 tegn.").optional().transform((v) => v || null);

export const uploadAttachmentSchema = z.object({
  itemId: rowId,
  file: z
    .instanceof(File, { message: "Velg en fil å laste opp." })
    .refine((f) => f.size > 0 && f.name !== "undefined", "Velg en fil å laste opp."),
  isExempt: checkbox,
  exemptionBasis: basis,
});

export const NEEDS_BASIS = "Oppgi hjemmel for unntaket, for eksempel «offl. § 13, jf. fvl. § 13 første ledd nr. 1».";

// `was…` are the values the form was drawn with: a change by someone else in between is refused
// instead of overwritten (an attachment has no version of its own).
export const updateAttachmentSchema = z
  .object({
    itemId: rowId,
    attachmentId: rowId,
    isExempt: checkbox,
    exemptionBasis: basis,
    wasExempt: checkbox,
    wasBasis: z.string().max(300).optional().transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.isExempt && !v.exemptionBasis) ctx.addIssue({ code: "custom", path: ["exemptionBasis"], message: NEEDS_BASIS });
  });

export const deleteAttachmentSchema = z.object({ itemId: rowId, attachmentId: rowId });
