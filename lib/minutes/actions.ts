"use server";

import { forgetMinutesDocuments } from "@/lib/minutes/document-cache";
import { forgetPageStamps } from "@/lib/security/page-cache";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";
import { publicBaseUrl } from "@/lib/server/base-url";
import { authorizeItem, authorizeMeeting, formValues, invalid, refuse, TX, type MeetingScope } from "@/lib/authz/guards";
import { getViewer } from "@/lib/authz/viewer";
import { can, canApproveMinutesElectronically, canWriteRoundTable } from "@/lib/authz/policy";
import type { FormState } from "@/lib/forms";
import { proposeItemForMeeting } from "@/lib/meetings/agenda";
import {
  actionFromDecisionSchema,
  addAttendeeSchema,
  approveByItemSchema,
  approveElectronicSchema,
  attendanceRegisterSchema,
  commentSchema,
  erratumSchema,
  itemMinutesSchema,
  meetingRefSchema,
  minutesHeaderSchema,
  proposeFromMinutesSchema,
  publishSettingSchema,
  roundTableSchema,
  type ItemMinutesInput,
} from "@/lib/minutes/schemas";
import {
  addAttendee,
  approveMinutes,
  createActionFromDecision,
  MinutesLockedError,
  saveAttendanceRegister,
  saveItemMinutes,
  saveMinutesHeader,
  sendMinutesForComment,
  startMinutes,
  type ItemMinutesState,
} from "@/lib/minutes/editing";
import { representedOrganizations } from "@/lib/minutes/queries";

const LOCKED = "Referatet er godkjent og låst. Endringer må føres som en rettelse.";
const CONFLICT =
  "Noen andre har lagret endringer i mellomtiden. Det du skrev er beholdt – se den lagrede versjonen og lagre på nytt.";

// After a refused save of the header, the register or a round-table contribution: the page takes the
// stored version (and its version or fingerprint), while the form keeps what was typed, so saving
// again replaces the other change on purpose instead of meeting the same refusal until a reload
// throws the typed text away.
const KEPT = "Det du skrev står fortsatt i feltene, og siden har nå hentet den lagrede versjonen: lagrer du igjen, erstatter du den.";
function revalidateAfterConflict(slug: string, meetingId: string) {
  revalidatePath(`/portal/${slug}/moter/${meetingId}`, "layout");
}

function revalidateMinutes(slug: string, meetingId: string) {
  forgetMinutesDocuments(meetingId);
  forgetPageStamps();
  revalidatePath(`/portal/${slug}/moter/${meetingId}`, "layout");
  revalidatePath(`/portal/${slug}/referater`);
  revalidatePath(`/r/${slug}`, "layout");
}

// The database refuses changes to approved minutes (a trigger); the app checks first, and this
// turns a refusal that slipped past the check (a concurrent approval) into the same message.
function isLocked(err: unknown): boolean {
  return err instanceof MinutesLockedError || (err instanceof Error && err.message.includes("minutes_locked"));
}

function audit(scope: MeetingScope, action: string, entityType: string, entityId: string, after?: unknown, before?: unknown) {
  return { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action, entityType, entityId, after, before };
}

export async function startMinutesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = meetingRefSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error);
  const scope = await authorizeMeeting(parsed.data.meetingId, "minutes.manage");
  if (scope.status === "CANCELLED") return { ok: false, message: "Møtet er avlyst og får ikke referat." };
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const r = await startMinutes(tx, scope.meetingId);
    if (r.created) await writeAudit(tx, audit(scope, "minutes.start", "Meeting", scope.meetingId));
  }, TX);
  revalidateMinutes(scope.councilSlug, scope.meetingId);
  redirect(`/portal/${scope.councilSlug}/moter/${scope.meetingId}/referat`);
}

export type AutosaveResult =
  | { ok: true; version: number; savedAt: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string>; conflict?: ItemMinutesState };

/** Autosave of one item's minutes. Takes an object (the editor's state), not a form. */
export async function saveItemMinutesAction(input: ItemMinutesInput): Promise<AutosaveResult> {
  const parsed = itemMinutesSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "_"] ??= issue.message;
    return { ok: false, message: "Ikke lagret: se feltene som er markert.", fieldErrors };
  }
  const scope = await authorizeItem(parsed.data.itemId, "minutes.manage");
  const db = await getDb();
  try {
    const result = await db.$transaction(async (tx) => {
      const r = await saveItemMinutes(tx, parsed.data, scope.meetingId);
      if (r.ok) await writeAudit(tx, audit(scope, "minutes.item.save", "AgendaItem", parsed.data.itemId, { version: r.version, voting: parsed.data.voting }));
      return r;
    }, TX);
    if (!result.ok) return { ok: false, message: CONFLICT, conflict: result.conflict };
    // No revalidatePath here: it would make Next re-render the whole editor into every autosave
    // response, and every page showing draft minutes is rendered per request anyway.
    return { ok: true, version: result.version, savedAt: new Date().toISOString() };
  } catch (err) {
    if (isLocked(err)) return { ok: false, message: LOCKED };
    throw err;
  }
}

export async function saveAttendanceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ids = formData.getAll("attendanceId").map(String);
  const rows = ids.map((id) => ({
    attendanceId: id,
    status: values[`status.${id}`] ?? "",
    roleLabel: values[`roleLabel.${id}`] ?? "",
    substituteForId: values[`substituteForId.${id}`] ?? "",
    arrivedAtItemId: values[`arrivedAtItemId.${id}`] ?? "",
    leftAfterItemId: values[`leftAfterItemId.${id}`] ?? "",
    note: values[`note.${id}`] ?? "",
  }));
  const parsed = attendanceRegisterSchema.safeParse({ meetingId: values.meetingId, fingerprint: values.fingerprint, rows });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const [, index, field] = issue.path.map(String);
      const key = issue.path[0] === "rows" && index !== undefined ? `${field}.${ids[Number(index)]}` : String(issue.path[0]);
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, message: "Deltakerlisten er ikke lagret. Se feltene som er markert.", fieldErrors, values };
  }
  const scope = await authorizeMeeting(parsed.data.meetingId, "minutes.manage");
  const db = await getDb();
  try {
    const r = await db.$transaction(async (tx) => {
      const res = await saveAttendanceRegister(tx, parsed.data);
      if (res.ok) await writeAudit(tx, audit(scope, "minutes.attendance.save", "Meeting", scope.meetingId, { rows: parsed.data.rows.length }));
      return res;
    }, TX);
    if (!r.ok && r.conflict) {
      revalidateAfterConflict(scope.councilSlug, scope.meetingId);
      return { ok: false, message: `Noen andre har lagret deltakerlisten etter at du åpnet siden. ${KEPT}`, values };
    }
    if (!r.ok) return { ok: false, message: "Deltakerlisten er ikke lagret. Se feltene som er markert.", fieldErrors: r.fieldErrors, values };
  } catch (err) {
    if (isLocked(err)) return { ok: false, message: LOCKED, values };
    throw err;
  }
  revalidateMinutes(scope.councilSlug, scope.meetingId);
  return { ok: true, message: "Deltakerlisten er lagret." };
}

export async function addAttendeeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = addAttendeeSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const scope = await authorizeMeeting(parsed.data.meetingId, "minutes.manage");
  const db = await getDb();
  try {
    const r = await db.$transaction(async (tx) => {
      const res = await addAttendee(tx, scope.councilId, parsed.data);
      if (res.ok) await writeAudit(tx, audit(scope, "minutes.attendance.add", "Meeting", scope.meetingId, parsed.data));
      return res;
    }, TX);
    if (!r.ok) return { ok: false, message: r.message, fieldErrors: { name: r.message }, values };
  } catch (err) {
    if (isLocked(err)) return { ok: false, message: LOCKED, values };
    throw err;
  }
  revalidateMinutes(scope.councilSlug, scope.meetingId);
  return { ok: true, message: "Deltakeren er lagt til." };
}

export async function saveMinutesHeaderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = minutesHeaderSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const scope = await authorizeMeeting(parsed.data.meetingId, "minutes.manage");
  const db = await getDb();
  try {
    const r = await db.$transaction(async (tx) => {
      const before = await tx.minutes.findUnique({
        where: { meetingId: scope.meetingId },
        select: { version: true, documentTitle: true, introduction: true, signedByChairId: true, chairSignatureLabel: true, signedBySecretaryId: true, secretarySignatureLabel: true },
      });
      const res = await saveMinutesHeader(tx, parsed.data);
      // Before under the form's names, so the log compares field with field.
      const was = before && {
        meetingId: scope.meetingId,
        version: before.version,
        documentTitle: before.documentTitle,
        introduction: before.introduction,
        chairId: before.signedByChairId,
        chairLabel: before.chairSignatureLabel,
        secretaryId: before.signedBySecretaryId,
        secretaryLabel: before.secretarySignatureLabel,
      };
      if (res.ok) await writeAudit(tx, audit(scope, "minutes.header.save", "Minutes", scope.meetingId, parsed.data, was));
      return res;
    }, TX);
    if (!r.ok) {
      revalidateAfterConflict(scope.councilSlug, scope.meetingId);
      return { ok: false, message: `Noen andre har lagret referatets innledning etter at du åpnet siden. ${KEPT}`, values };
    }
  } catch (err) {
    if (isLocked(err)) return { ok: false, message: LOCKED, values };
    throw err;
  }
  revalidateMinutes(scope.councilSlug, scope.meetingId);
  return { ok: true, message: "Lagret." };
}

export async function sendMinutesForCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = meetingRefSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error);
  const scope = await authorizeMeeting(parsed.data.meetingId, "minutes.manage");
  const link = `${await publicBaseUrl()}/portal/${scope.councilSlug}/moter/${scope.meetingId}`;
  const db = await getDb();
  const r = await db.$transaction(async (tx) => {
    const res = await sendMinutesForComment(tx, scope.meetingId, link);
    if (res.ok) await writeAudit(tx, audit(scope, "minutes.send-for-comment", "Meeting", scope.meetingId, { recipients: res.recipients, queued: res.queued }));
    return res;
  }, TX);
  if (!r.ok) return { ok: false, message: r.message };
  revalidateMinutes(scope.councilSlug, scope.meetingId);
  if (r.queued === 0 && r.recipients > 0) return { ok: true, message: "Utkastet er sendt til kommentar. Det er uendret siden forrige utsending, så ingen ny e-post er sendt; medlemmene leser det i portalen." };
  return { ok: true, message: `Utkastet er sendt til kommentar (${r.queued} mottakere med e-post). Medlemmene kan nå lese det i portalen.` };
}

/** The chair approves the minutes in the portal. */
export async function approveMinutesElectronicallyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = approveElectronicSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await getViewer();
  const db = await getDb();
  const m = await db.meeting.findUnique({
    where: { id: parsed.data.meetingId },
    select: { body: { select: { councilId: true, council: { select: { slug: true } } } }, minutes: { select: { signedByChairId: true } } },
  });
  if (!m?.minutes || !viewer || !canApproveMinutesElectronically(viewer, m.body.councilId, m.minutes.signedByChairId)) refuse(viewer, m?.body.councilId);
  const scope: MeetingScope = { viewer, meetingId: parsed.data.meetingId, councilId: m.body.councilId, councilSlug: m.body.council.slug, bodyId: "", status: "", version: 0 };
  const r = await db.$transaction(async (tx) => {
    const res = await approveMinutes(tx, scope.meetingId, { method: "ELECTRONIC", byName: viewer.name, byUserId: viewer.userId, expectedVersion: parsed.data.minutesVersion, expectedHash: parsed.data.minutesHash });
    if (res.ok) await writeAudit(tx, audit(scope, "minutes.approve.electronic", "Meeting", scope.meetingId, res));
    return res;
  }, TX);
  if (!r.ok) return { ok: false, message: r.message };
  revalidateMinutes(scope.councilSlug, scope.meetingId);
  // The approval form disappears once the minutes are approved, and its message with it; the page
  // says it instead, from the query string.
  redirect(`/portal/${scope.councilSlug}/moter/${scope.meetingId}?godkjent=${r.published ? "publisert" : "last"}`);
}

/** The next meeting's "Godkjenning av referat" decision approves the earlier minutes, in the version read. */
export async function approveMinutesByItemAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = approveByItemSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error);
  const scope = await authorizeItem(parsed.data.itemId, "minutes.manage");
  const db = await getDb();
  const target = await db.minutes.findUnique({
    where: { id: parsed.data.minutesId },
    select: { meetingId: true, meeting: { select: { bodyId: true, startsAt: true, body: { select: { councilId: true } } } } },
  });
  const item = await db.agendaItem.findUniqueOrThrow({ where: { id: parsed.data.itemId }, select: { type: true, decision: { select: { text: true } }, meeting: { select: { startsAt: true } } } });
  if (!target || target.meeting.body.councilId !== scope.councilId) refuse(scope.viewer);
  if (target.meeting.startsAt >= item.meeting.startsAt) return { ok: false, message: "Bare referatet fra et tidligere møte kan godkjennes i denne saken." };
  if (item.type !== "GODKJENNING") return { ok: false, message: "Bare en godkjenningssak kan godkjenne et referat." };
  if (!item.decision?.text.trim()) return { ok: false, message: "Skriv og lagre vedtaket i saken først, for eksempel «Referatet godkjennes»." };
  // The approving item belongs to this meeting's minutes: once they are locked, it cannot be changed to approve anything.
  const own = await db.minutes.findUnique({ where: { meetingId: scope.meetingId }, select: { status: true } });
  if (own?.status === "APPROVED") return { ok: false, message: "Referatet fra dette møtet er godkjent og låst, så saken kan ikke lenger godkjenne et tidligere referat. Godkjenn det i et senere møte, eller elektronisk." };
  const r = await db.$transaction(async (tx) => {
    const res = await approveMinutes(tx, target.meetingId, {
      method: "NEXT_MEETING",
      byName: scope.viewer.name,
      byUserId: scope.viewer.userId,
      expectedVersion: parsed.data.minutesVersion,
      expectedHash: parsed.data.minutesHash,
      approvingItemId: parsed.data.itemId,
    });
    if (res.ok) await writeAudit(tx, audit(scope, "minutes.approve.next-meeting", "Meeting", target.meetingId, { ...res, itemId: parsed.data.itemId }));
    return res;
  }, TX);
  if (!r.ok) return { ok: false, message: r.message };
  revalidateMinutes(scope.councilSlug, target.meetingId);
  revalidateMinutes(scope.councilSlug, scope.meetingId);
  return { ok: true, message: `Referatet er godkjent i versjon ${r.version} og låst.` };
}

export async function addErratumAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = erratumSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const scope = await authorizeMeeting(parsed.data.meetingId, "minutes.manage");
  const db = await getDb();
  const minutes = await db.minutes.findUnique({ where: { meetingId: scope.meetingId }, select: { id: true, status: true } });
  if (minutes?.status !== "APPROVED") return { ok: false, message: "Rettelser føres bare på godkjente referater. Et utkast kan endres direkte.", values };
  await db.$transaction(async (tx) => {
    const e = await tx.minutesErratum.create({ data: { minutesId: minutes.id, text: parsed.data.text, createdById: scope.viewer.userId }, select: { id: true } });
    await writeAudit(tx, audit(scope, "minutes.erratum.add", "MinutesErratum", e.id, { text: parsed.data.text }));
  }, TX);
  revalidateMinutes(scope.councilSlug, scope.meetingId);
  return { ok: true, message: "Rettelsen er ført på referatet." };
}

export async function addMinutesCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = commentSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const scope = await authorizeMeeting(parsed.data.meetingId, "minutes.read.comment");
  const db = await getDb();
  const minutes = await db.minutes.findUnique({ where: { meetingId: scope.meetingId }, select: { id: true, status: true } });
  if (minutes?.status !== "SENT_FOR_COMMENT") return { ok: false, message: "Referatet er ikke ute til kommentar nå.", values };
  await db.$transaction(async (tx) => {
    const c = await tx.minutesComment.create({ data: { minutesId: minutes.id, userId: scope.viewer.userId, authorName: scope.viewer.name, text: parsed.data.text }, select: { id: true } });
    await writeAudit(tx, audit(scope, "minutes.comment.add", "MinutesComment", c.id, { minutesId: minutes.id, text: parsed.data.text }));
  }, TX);
  revalidateMinutes(scope.councilSlug, scope.meetingId);
  return { ok: true, message: "Kommentaren er sendt til sekretariatet." };
}

export async function createActionItemFromDecisionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const personIds = formData.getAll("personIds").map(String).filter(Boolean);
  // All the chosen people, not only the last, so that the form shows them again after an error.
  const values = { ...formValues(formData), personIds: personIds.join(",") };
  const parsed = actionFromDecisionSchema.safeParse({ ...values, personIds });
  if (!parsed.success) return invalid(parsed.error, values);
  const scope = await authorizeItem(parsed.data.itemId, "action.manage");
  const db = await getDb();
  let r: Awaited<ReturnType<typeof createActionFromDecision>>;
  try {
    r = await db.$transaction(async (tx) => {
      const res = await createActionFromDecision(tx, parsed.data, scope.viewer.userId);
      if (res.ok) await writeAudit(tx, audit(scope, "action.create", "ActionItem", res.id, parsed.data));
      return res;
    }, TX);
  } catch (err) {
    if (isLocked(err)) return { ok: false, message: LOCKED, values };
    throw err;
  }
  if (!r.ok) return { ok: false, message: r.message, values };
  revalidateMinutes(scope.councilSlug, scope.meetingId);
  revalidatePath(`/portal/${scope.councilSlug}/oppfolging`);
  return { ok: true, message: `Oppfølgingspunktet «${parsed.data.title}» er opprettet.` };
}

/** "Forslag til saker til <organ> <dato>": a draft item in the later meeting, linked to this item. */
export async function proposeItemFromMinutesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = proposeFromMinutesSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const from = await authorizeItem(parsed.data.itemId, "minutes.manage");
  const target = await authorizeMeeting(parsed.data.targetMeetingId, "meeting.manage");
  if (from.councilId !== target.councilId) refuse(from.viewer);
  if (!["PLANNED", "NOTICE_SENT"].includes(target.status)) return { ok: false, message: "Det møtet er allerede holdt eller avlyst.", fieldErrors: { targetMeetingId: "Velg et kommende møte." }, values };
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const item = await proposeItemForMeeting(tx, from.meetingId, target.meetingId, parsed.data.title, parsed.data.type, {
      fromItemId: parsed.data.itemId,
      noticeText: parsed.data.noticeText,
    });
    await writeAudit(tx, audit(from, "agenda.item.propose", "AgendaItem", item.id, parsed.data));
  }, TX);
  revalidateMinutes(from.councilSlug, from.meetingId);
  revalidateMinutes(target.councilSlug, target.meetingId);
  return { ok: true, message: `«${parsed.data.title}» er foreslått som sak til møtet.` };
}

export async function saveRoundTableAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = roundTableSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizeItem(d.itemId, "council.read");
  const db = await getDb();
  const item = await db.agendaItem.findUniqueOrThrow({ where: { id: d.itemId }, select: { type: true, meeting: { select: { startsAt: true, minutes: { select: { status: true } } } } } });
  if (item.type !== "RUNDE_RUNDT_BORDET") return { ok: false, message: "Bare en sak «Runde rundt bordet» har innspill fra hver kommune.", values };
  if (item.meeting.minutes?.status === "APPROVED") return { ok: false, message: LOCKED, values };
  const isSecretariat = can(scope.viewer, "minutes.manage", scope.councilId);
  const represented = isSecretariat ? [] : (await representedOrganizations(scope.viewer, scope.councilId, item.meeting.startsAt)).map((o) => o.id);
  if (!canWriteRoundTable(scope.viewer, scope.councilId, d.organizationId, represented)) refuse(scope.viewer, scope.councilId);
  const member = await db.councilMember.findFirst({ where: { councilId: scope.councilId, organizationId: d.organizationId }, select: { id: true } });
  if (!member) refuse(scope.viewer);
  try {
    const r = await db.$transaction(async (tx) => {
      const existing = await tx.roundTableContribution.findUnique({
        where: { agendaItemId_organizationId: { agendaItemId: d.itemId, organizationId: d.organizationId } },
        select: { id: true, version: true, text: true },
      });
      if (existing && existing.version !== d.version) return { ok: false as const, current: existing.text };
      if (!existing && d.version !== null) return { ok: false as const, current: "" };
      if (existing) {
        const u = await tx.roundTableContribution.updateMany({
          where: { id: existing.id, version: existing.version },
          // Written in advance stays marked as such when the secretariat tidies the text.
          data: { text: d.text, version: { increment: 1 }, ...(isSecretariat ? {} : { submittedInAdvance: true, authorUserId: scope.viewer.userId }) },
        });
        if (u.count === 0) return { ok: false as const, current: existing.text };
      } else {
        await tx.roundTableContribution.create({
          data: { agendaItemId: d.itemId, organizationId: d.organizationId, text: d.text, submittedInAdvance: !isSecretariat, authorUserId: scope.viewer.userId },
        });
      }
      await writeAudit(tx, audit(scope, "minutes.roundtable.save", "AgendaItem", d.itemId, { organizationId: d.organizationId, text: d.text, submittedInAdvance: !isSecretariat }, existing ? { organizationId: d.organizationId, text: existing.text } : null));
      return { ok: true as const };
    }, TX);
    if (!r.ok) {
      revalidateAfterConflict(scope.councilSlug, scope.meetingId);
      return { ok: false, message: `${CONFLICT} Lagret tekst nå: «${r.current || "(tom)"}». Lagrer du igjen, erstatter du den.`, values };
    }
  } catch (err) {
    if (isLocked(err)) return { ok: false, message: LOCKED, values };
    throw err;
  }
  revalidateMinutes(scope.councilSlug, scope.meetingId);
  return { ok: true, message: isSecretariat ? "Innspillet er lagret." : "Innspillet er sendt inn." };
}

/** Administrative bodies choose whether their approved minutes are public; political bodies must publish. */
export async function setPublishMinutesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = publishSettingSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error);
  const scope = await authorizeMeeting(parsed.data.meetingId, "minutes.manage");
  if (!can(scope.viewer, "council.manage", scope.councilId)) refuse(scope.viewer, scope.councilId);
  const db = await getDb();
  const body = await db.body.findUniqueOrThrow({ where: { id: scope.bodyId }, select: { isPolitical: true, publishMinutes: true } });
  if (body.isPolitical) return { ok: false, message: "Referater fra politiske organer publiseres alltid (kommuneloven § 11-4)." };
  await db.$transaction(async (tx) => {
    await tx.body.update({ where: { id: scope.bodyId }, data: { publishMinutes: parsed.data.publishMinutes, version: { increment: 1 } } });
    // Already approved minutes of the body follow the setting.
    await tx.minutes.updateMany({
      where: { status: "APPROVED", meeting: { bodyId: scope.bodyId }, publishedAt: parsed.data.publishMinutes ? null : { not: null } },
      data: { publishedAt: parsed.data.publishMinutes ? new Date() : null },
    });
    await writeAudit(tx, audit(scope, "body.publish-minutes", "Body", scope.bodyId, { publishMinutes: parsed.data.publishMinutes }, { publishMinutes: body.publishMinutes }));
  }, TX);
  revalidateMinutes(scope.councilSlug, scope.meetingId);
  return { ok: true, message: parsed.data.publishMinutes ? "Godkjente referater fra organet publiseres." : "Referatene fra organet er ikke lenger offentlige." };
}
