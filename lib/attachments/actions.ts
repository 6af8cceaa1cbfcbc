"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/server/db";
import { getStorage, newAttachmentStorageKey } from "@/lib/server/storage";
import { writeAudit } from "@/lib/server/audit";
import { authorizeItem } from "@/lib/authz/guards";
import { checkUploadSize, cleanFileName, inspectUpload } from "@/lib/attachments/validate";
import { uploadAttachmentSchema } from "@/lib/attachments/schemas";
import type { FormState } from "@/lib/forms";

export async function uploadAttachmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = uploadAttachmentSchema.safeParse({
    itemId: formData.get("itemId"),
    file: formData.get("file"),
    isExempt: formData.get("isExempt"),
  });
  // A file field cannot be refilled, but the exempt box must come back as the user left it: an
  // exempt file uploaded again after an error would otherwise go out as public.
  const values = { isExempt: formData.get("isExempt") === "on" ? "on" : "" };
  if (!parsed.success) {
    return { ok: false, message: "Vedlegget ble ikke lastet opp.", fieldErrors: { file: parsed.error.issues[0]?.message ?? "Velg en fil." }, values };
  }
  const { itemId, file, isExempt } = parsed.data;
  const scope = await authorizeItem(itemId, "meeting.manage");
  const sizeError = checkUploadSize(file.size);
  if (sizeError) return { ok: false, message: "Vedlegget ble ikke lastet opp.", fieldErrors: { file: sizeError }, values };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = cleanFileName(file.name);
  const check = await inspectUpload(fileName, file.type, bytes);
  if (!check.ok) return { ok: false, message: "Vedlegget ble ikke lastet opp.", fieldErrors: { file: check.error }, values };

  const db = await getDb();
  const item = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { caseId: true, meetingId: true, case: { select: { isExempt: true, exemptionBasis: true } } } });
  const storageKey = newAttachmentStorageKey();
  // The file is written before the row: a crash leaves an orphan file, never a row without a file.
  await getStorage().put(storageKey, Buffer.from(bytes));
  const attachment = await db.attachment.create({
    data: {
      councilId: scope.councilId,
      caseId: item.caseId,
      agendaItemId: item.caseId ? null : itemId,
      meetingId: item.meetingId,
      fileName,
      contentType: check.contentType,
      sizeBytes: bytes.byteLength,
      sha256: check.sha256,
      storageKey,
      isExempt: isExempt || (item.case?.isExempt ?? false),
      exemptionBasis: isExempt || item.case?.isExempt ? (item.case?.exemptionBasis ?? null) : null,
      uploadedById: scope.viewer.userId,
    },
    select: { id: true },
  });
  await writeAudit(db, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action: "attachment.upload", entityType: "Attachment", entityId: attachment.id, after: { fileName, sizeBytes: bytes.byteLength, contentType: check.contentType, isExempt } });
  revalidatePath(`/portal/${scope.councilSlug}/moter/${scope.meetingId}`, "layout");
  return { ok: true, message: `«${fileName}» er lastet opp.` };
}
