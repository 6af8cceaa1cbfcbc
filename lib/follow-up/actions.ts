"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";
import { getStorage, newAttachmentStorageKey } from "@/lib/server/storage";
import { formValues, invalid, refuse, requireViewer, TX } from "@/lib/authz/guards";
import { can, canUpdateActionItem, type Viewer } from "@/lib/authz/policy";
import { checkUploadSize, cleanFileName, inspectUpload } from "@/lib/attachments/validate";
import { formatCalendarDate } from "@/lib/format/dates";
import type { FormState } from "@/lib/forms";
import { applyStatusUpdate } from "@/lib/follow-up/editing";
import { assignablePeopleWhere } from "@/lib/follow-up/queries";
import {
  ACTION_STATUS_LABELS,
  actionAttachmentSchema,
  editActionItemSchema,
  NO_RESPONSIBLE,
  reminderPreferenceSchema,
  updateStatusSchema,
  type ActionStatus,
} from "@/lib/follow-up/schemas";

const CONFLICT =
  "Noen andre har endret oppgaven i mellomtiden. Det du skrev er beholdt – se hva som er lagret nå, og lagre på nytt.";

export type ActionFormState = FormState & { conflict?: { version: string; status: string; summary: string } };

async function loadScope(actionItemId: string) {
  const viewer = await requireViewer();
  const db = await getDb();
  const a = await db.actionItem.findUnique({
    where: { id: actionItemId },
    select: { id: true, councilId: true, council: { select: { slug: true } }, assignees: { select: { personId: true } } },
  });
  if (!a) refuse(viewer);
  return { viewer, db, councilId: a.councilId, councilSlug: a.council.slug, assigneePersonIds: a.assignees.map((x) => x.personId).filter((x): x is string => !!x) };
}

function revalidateActionItem(id: string) {
  revalidatePath("/portal/oppfolging");
  revalidatePath(`/portal/oppfolging/${id}`);
  revalidatePath("/portal");
}

function audit(viewer: Viewer, councilId: string, action: string, entityId: string, before: unknown, after: unknown) {
  return { userId: viewer.userId, actor: viewer.email, councilId, action, entityType: "ActionItem", entityId, before, after };
}

async function conflictState(actionItemId: string, values: Record<string, string>): Promise<ActionFormState> {
  const db = await getDb();
  const now = await db.actionItem.findUniqueOrThrow({
    where: { id: actionItemId },
    select: { version: true, status: true, title: true, dueDate: true, events: { orderBy: { at: "desc" }, take: 1, select: { comment: true } } },
  });
  const last = now.events[0]?.comment;
  return {
    ok: false,
    message: CONFLICT,
    values,
    conflict: {
      version: String(now.version),
      status: now.status,
      summary: `Status nå: ${ACTION_STATUS_LABELS[now.status as ActionStatus]}${now.dueDate ? `, frist ${formatCalendarDate(now.dueDate)}` : ""}${last ? `. Siste notat: «${last}»` : ""}.`,
    },
  };
}

/** Status changes and progress notes: the responsible people, coordinators and the secretariat. */
export async function updateActionStatusAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const values = formValues(formData);
  const parsed = updateStatusSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await loadScope(d.actionItemId);
  if (!canUpdateActionItem(scope.viewer, scope.councilId, scope.assigneePersonIds)) refuse(scope.viewer, scope.councilId);
  const { db, viewer } = scope;
  const result = await db.$transaction(async (tx) => {
    const r = await applyStatusUpdate(tx, d, viewer.userId);
    if (!r.ok) return r.reason;
    await writeAudit(tx, audit(viewer, scope.councilId, r.before.status !== d.status ? "action.status" : "action.note", d.actionItemId, r.before, { status: d.status, comment: d.comment, outcomeNote: d.outcomeNote }));
    return true;
  }, TX);
  if (result === "outcome-required") {
    return { ok: false, message: "Skjemaet har feil. Se feltene som er markert.", fieldErrors: { outcomeNote: "Skriv kort hva som ble resultatet før du lukker oppgaven." }, values };
  }
  if (result === "conflict") {
    revalidateActionItem(d.actionItemId);
    return conflictState(d.actionItemId, values);
  }
  revalidateActionItem(d.actionItemId);
  if (d.status === d.currentStatus) return { ok: true, message: "Fremdriftsnotatet er lagret." };
  return { ok: true, message: d.status === "DONE" ? "Oppgaven er lukket som fullført." : `Status er endret til «${ACTION_STATUS_LABELS[d.status]}».` };
}

/** The secretariat reassigns, changes the due date, the description or the measure. */
export async function editActionItemAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  // The multiple select is kept as a comma list, so an error does not lose the people picked.
  const values = { ...formValues(formData), personIds: formData.getAll("personIds").filter((v) => typeof v === "string").join(",") };
  const parsed = editActionItemSchema.safeParse({ ...values, personIds: formData.getAll("personIds").filter((v) => typeof v === "string" && v) });
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await loadScope(d.actionItemId);
  if (!can(scope.viewer, "action.manage", scope.councilId)) refuse(scope.viewer, scope.councilId);
  const { db, viewer, councilId } = scope;
  const outcome = await db.$transaction(async (tx) => {
    const before = await tx.actionItem.findUniqueOrThrow({
      where: { id: d.actionItemId },
      select: {
        title: true,
        description: true,
        dueDate: true,
        responsibleText: true,
        responsibleBodyId: true,
        measureId: true,
        focusAreaId: true,
        assignees: { orderBy: [{ isLead: "desc" }, { id: "asc" }], select: { personId: true, organizationId: true } },
      },
    });
    const othersResponsible = before.responsibleBodyId !== null || before.assignees.some((a) => a.organizationId !== null);
    if (d.personIds.length === 0 && !d.responsibleText && !othersResponsible) return { error: { personIds: NO_RESPONSIBLE } as Record<string, string> };
    const [people, measure, focusArea] = await Promise.all([
      // Only people of this council: a stranger would get reminders about the council's work.
      tx.person.findMany({ where: { AND: [{ id: { in: d.personIds } }, assignablePeopleWhere(councilId)] }, select: { id: true, name: true } }),
      d.measureId ? tx.measure.findFirst({ where: { id: d.measureId, focusArea: { plan: { councilId } } }, select: { id: true } }) : null,
      d.focusAreaId ? tx.focusArea.findFirst({ where: { id: d.focusAreaId, plan: { councilId } }, select: { id: true } }) : null,
    ]);
    if (people.length !== new Set(d.personIds).size) return { error: { personIds: "En av de valgte personene finnes ikke." } as Record<string, string> };
    if (d.measureId && !measure) return { error: { measureId: "Tiltaket finnes ikke i dette rådets planer." } as Record<string, string> };
    if (d.focusAreaId && !focusArea) return { error: { focusAreaId: "Satsingsområdet finnes ikke i dette rådets planer." } as Record<string, string> };
    const updated = await tx.actionItem.updateMany({
      where: { id: d.actionItemId, version: d.version },
      data: { title: d.title, description: d.description, dueDate: d.dueDate, responsibleText: d.responsibleText, measureId: d.measureId, focusAreaId: d.focusAreaId, version: { increment: 1 } },
    });
    if (updated.count === 0) return { conflict: true };
    const beforeIds = before.assignees.map((a) => a.personId).filter((x): x is string => !!x);
    // A set comparison: the order of a multiple select says nothing, and the lead stays the lead.
    const reassigned = beforeIds.length !== new Set(d.personIds).size || beforeIds.some((id) => !d.personIds.includes(id));
    if (reassigned) {
      await tx.actionItemAssignee.deleteMany({ where: { actionItemId: d.actionItemId, personId: { not: null } } });
      const lead = d.personIds.find((id) => id === beforeIds[0]) ?? d.personIds[0];
      await tx.actionItemAssignee.createMany({ data: [...new Set(d.personIds)].map((personId) => ({ actionItemId: d.actionItemId, personId, isLead: personId === lead })) });
    }
    const changes: string[] = [];
    const fmt = (x: Date | null) => (x ? formatCalendarDate(x) : "ingen");
    if ((before.dueDate?.getTime() ?? null) !== (d.dueDate?.getTime() ?? null)) changes.push(`Frist endret fra ${fmt(before.dueDate)} til ${fmt(d.dueDate)}.`);
    if (reassigned) {
      const byId = new Map(people.map((p) => [p.id, p.name]));
      changes.push(`Ansvarlige endret til ${d.personIds.map((id) => byId.get(id)).join(", ") || "ingen personer"}.`);
    }
    if (before.title !== d.title) changes.push("Tittelen er endret.");
    if (before.description !== d.description) changes.push("Beskrivelsen er endret.");
    if (before.measureId !== d.measureId) changes.push(d.measureId ? "Knyttet til et tiltak i planen." : "Koblingen til tiltaket er fjernet.");
    if (before.focusAreaId !== d.focusAreaId) changes.push(d.focusAreaId ? "Knyttet til et satsingsområde i planen." : "Koblingen til satsingsområdet er fjernet.");
    if ((before.responsibleText ?? null) !== d.responsibleText) changes.push("Ansvarlig (fritekst) er endret.");
    if (changes.length) await tx.actionItemEvent.create({ data: { actionItemId: d.actionItemId, userId: viewer.userId, comment: changes.join(" ") } });
    await writeAudit(tx, audit(viewer, councilId, "action.edit", d.actionItemId, before, d));
    return { ok: true };
  }, TX);
  if ("error" in outcome && outcome.error) return { ok: false, message: "Skjemaet har feil. Se feltene som er markert.", fieldErrors: outcome.error, values };
  if ("conflict" in outcome) {
    // Fresh props for the page, so a second save starts from what is stored now.
    revalidateActionItem(d.actionItemId);
    return conflictState(d.actionItemId, values);
  }
  revalidateActionItem(d.actionItemId);
  return { ok: true, message: "Endringene er lagret." };
}

export async function uploadActionAttachmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = actionAttachmentSchema.safeParse({ actionItemId: formData.get("actionItemId"), file: formData.get("file") });
  if (!parsed.success) return { ok: false, message: "Vedlegget ble ikke lastet opp.", fieldErrors: { file: parsed.error.issues[0]?.message ?? "Velg en fil." } };
  const { actionItemId, file } = parsed.data;
  const scope = await loadScope(actionItemId);
  if (!canUpdateActionItem(scope.viewer, scope.councilId, scope.assigneePersonIds)) refuse(scope.viewer, scope.councilId);
  const sizeError = checkUploadSize(file.size);
  if (sizeError) return { ok: false, message: "Vedlegget ble ikke lastet opp.", fieldErrors: { file: sizeError } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = cleanFileName(file.name);
  const check = await inspectUpload(fileName, file.type, bytes);
  if (!check.ok) return { ok: false, message: "Vedlegget ble ikke lastet opp.", fieldErrors: { file: check.error } };
  const storageKey = newAttachmentStorageKey();
  // The file is written before the row: a crash leaves an orphan file, never a row without a file.
  await getStorage().put(storageKey, Buffer.from(bytes));
  const attachment = await scope.db.attachment.create({
    data: { councilId: scope.councilId, actionItemId, fileName, contentType: check.contentType, sizeBytes: bytes.byteLength, sha256: check.sha256, storageKey, uploadedById: scope.viewer.userId },
    select: { id: true },
  });
  await writeAudit(scope.db, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action: "attachment.upload", entityType: "Attachment", entityId: attachment.id, after: { actionItemId, fileName, sizeBytes: bytes.byteLength } });
  revalidateActionItem(actionItemId);
  return { ok: true, message: `«${fileName}» er lastet opp.` };
}

/** Each user chooses whether the reminder job e-mails them about their due and overdue items. */
export async function setReminderPreferenceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = reminderPreferenceSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await requireViewer();
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { remindersOptOut: true } });
    await tx.user.update({ where: { id: viewer.userId }, data: { remindersOptOut: !parsed.data.reminders } });
    await writeAudit(tx, { userId: viewer.userId, actor: viewer.email, action: "user.reminders", entityType: "User", entityId: viewer.userId, before: { reminders: !before.remindersOptOut }, after: { reminders: parsed.data.reminders } });
  }, TX);
  revalidatePath("/portal/innstillinger");
  return { ok: true, message: parsed.data.reminders ? "Du får påminnelser om frister på e-post." : "Du får ikke lenger påminnelser om frister." };
}
