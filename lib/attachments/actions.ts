"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb, type Db } from "@/lib/server/db";
import { getStorage, newAttachmentStorageKey } from "@/lib/server/storage";
import { writeAudit } from "@/lib/server/audit";
import { authorizeItem, formValues, invalid, refuse } from "@/lib/authz/guards";
import { checkUploadSize, cleanFileName, inspectUpload } from "@/lib/attachments/validate";
import { NEEDS_BASIS, deleteAttachmentSchema, updateAttachmentSchema, uploadAttachmentSchema } from "@/lib/attachments/schemas";
import type { FormState } from "@/lib/forms";

export async function uploadAttachmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = uploadAttachmentSchema.safeParse({
    itemId: formData.get("itemId"),
    file: formData.get("file"),
    isExempt: formData.get("isExempt"),
    exemptionBasis: formData.get("exemptionBasis") ?? undefined,
  });
  // A file field cannot be refilled, but the exempt box must come back as the user left it: an
  // exempt file uploaded again after an error would otherwise go out as public.
  const basisTyped = formData.get("exemptionBasis");
  const values = { isExempt: formData.get("isExempt") === "on" ? "on" : "", exemptionBasis: typeof basisTyped === "string" ? basisTyped : "" };
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "file")] ??= issue.message;
    return { ok: false, message: "Vedlegget ble ikke lastet opp.", fieldErrors: errors, values };
  }
  const { itemId, file, isExempt, exemptionBasis } = parsed.data;
  const scope = await authorizeItem(itemId, "meeting.manage");
  const sizeError = checkUploadSize(file.size);
  if (sizeError) return { ok: false, message: "Vedlegget ble ikke lastet opp.", fieldErrors: { file: sizeError }, values };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = cleanFileName(file.name);
  const check = await inspectUpload(fileName, file.type, bytes);
  if (!check.ok) return { ok: false, message: "Vedlegget ble ikke lastet opp.", fieldErrors: { file: check.error }, values };

  const db = await getDb();
  const item = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { caseId: true, meetingId: true, case: { select: { isExempt: true, exemptionBasis: true } } } });
  // An exempt file of a public case needs its own basis; one of an exempt case has the case's.
  const basis = exemptionBasis ?? (item.case?.isExempt ? (item.case.exemptionBasis ?? null) : null);
  if (isExempt && !basis) return { ok: false, message: "Vedlegget ble ikke lastet opp.", fieldErrors: { exemptionBasis: NEEDS_BASIS }, values };
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
      exemptionBasis: isExempt || item.case?.isExempt ? basis : null,
      uploadedById: scope.viewer.userId,
    },
    select: { id: true },
  });
  await writeAudit(db, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action: "attachment.upload", entityType: "Attachment", entityId: attachment.id, after: { fileName, sizeBytes: bytes.byteLength, contentType: check.contentType, isExempt } });
  revalidatePath(`/portal/${scope.councilSlug}/moter/${scope.meetingId}`, "layout");
  return { ok: true, message: `«${fileName}» er lastet opp.` };
}

/** The attachment, when it belongs to this item or its case; a forged pair is refused. */
async function attachmentOfItem(db: Db, itemId: string, attachmentId: string) {
  const item = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { caseId: true, meetingId: true } });
  const attachment = await db.attachment.findFirst({
    where: { id: attachmentId, OR: [{ agendaItemId: itemId }, ...(item.caseId ? [{ caseId: item.caseId }] : [])] },
    select: { id: true, fileName: true, isExempt: true, exemptionBasis: true, storageKey: true, caseId: true, meeting: { select: { id: true, startsAt: true } } },
  });
  return { item, attachment };
}

/** Marks an attachment exempt or public, with its basis: also after sending, to withdraw a file from the public pages. */
export async function updateAttachmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = updateAttachmentSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizeItem(d.itemId, "meeting.manage");
  const db = await getDb();
  const { attachment } = await attachmentOfItem(db, d.itemId, d.attachmentId);
  if (!attachment) refuse(scope.viewer, scope.councilId);
  // Only from the state the form showed: what someone else set in between is not overwritten.
  const updated = await db.attachment.updateMany({
    where: { id: attachment.id, isExempt: d.wasExempt, exemptionBasis: d.wasBasis },
    data: { isExempt: d.isExempt, exemptionBasis: d.isExempt ? d.exemptionBasis : null },
  });
  if (updated.count !== 1) {
    revalidatePath(`/portal/${scope.councilSlug}/moter/${scope.meetingId}`, "layout");
    return { ok: false, message: "Noen andre har endret vedlegget etter at du åpnet siden. Siden viser nå det som er lagret; gjør endringen på nytt om den fortsatt trengs.", values };
  }
  await writeAudit(db, {
    userId: scope.viewer.userId,
    actor: scope.viewer.email,
    councilId: scope.councilId,
    action: "attachment.update",
    entityType: "Attachment",
    entityId: attachment.id,
    before: { isExempt: attachment.isExempt, exemptionBasis: attachment.exemptionBasis },
    after: { isExempt: d.isExempt, exemptionBasis: d.isExempt ? d.exemptionBasis : null },
  });
  revalidatePath(`/portal/${scope.councilSlug}/moter/${scope.meetingId}`, "layout");
  revalidatePath(`/r/${scope.councilSlug}`, "layout");
  return { ok: true, message: d.isExempt ? `«${attachment.fileName}» er unntatt offentlighet.` : `«${attachment.fileName}» er offentlig.` };
}

/** Deletes an attachment that has not gone out with a notice; a sent one stays on record, and can be made exempt. */
export async function deleteAttachmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = deleteAttachmentSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error);
  const scope = await authorizeItem(parsed.data.itemId, "meeting.manage");
  const db = await getDb();
  const { item, attachment } = await attachmentOfItem(db, parsed.data.itemId, parsed.data.attachmentId);
  if (!attachment) refuse(scope.viewer, scope.councilId);
  // Gone out with a notice: the one of the meeting it was uploaded for, or of a later meeting of its case, which lists it too.
  const uploadedFor = attachment.meeting;
  const sent = await db.agendaItem.count({
    where: attachment.caseId
      ? { caseId: attachment.caseId, meeting: { noticeSentAt: { not: null }, ...(uploadedFor ? { OR: [{ id: uploadedFor.id }, { startsAt: { gte: uploadedFor.startsAt } }] } : {}) } }
      : { id: parsed.data.itemId, meeting: { noticeSentAt: { not: null } } },
  });
  if (sent > 0) {
    return { ok: false, message: `«${attachment.fileName}» er sendt ut med en innkalling og slettes ikke. Skal den ikke være offentlig, kryss av for «Unntatt offentlighet».` };
  }
  await db.$transaction(async (tx) => {
    await tx.attachment.delete({ where: { id: attachment.id } });
    await writeAudit(tx, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action: "attachment.delete", entityType: "Attachment", entityId: attachment.id, before: { fileName: attachment.fileName, meetingId: item.meetingId } });
  });
  // After the row: a failed file delete leaves an orphan file, never a row without its file.
  await getStorage().delete(attachment.storageKey).catch(() => {});
  revalidatePath(`/portal/${scope.councilSlug}/moter/${scope.meetingId}`, "layout");
  // The row goes with its form and message: the page says it instead.
  redirect(`/portal/${scope.councilSlug}/moter/${scope.meetingId}/saker/${parsed.data.itemId}?slettet=${encodeURIComponent(attachment.fileName)}`);
}
