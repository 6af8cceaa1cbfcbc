"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb, type Tx } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";
import { dateToOsloInputs, formatCalendarDate, osloLocalToDate } from "@/lib/format/dates";
import { authorizeBody, authorizeItem, authorizeMeeting, formValues, invalid, refuse, TX } from "@/lib/authz/guards";
import type { FormState } from "@/lib/forms";
import {
  addItemSchema,
  addReferenceSchema,
  cancelMeetingSchema,
  createMeetingSchema,
  forwardCaseSchema,
  itemRefSchema,
  meetingPlanSchema,
  meetingRefSchema,
  moveItemSchema,
  proposeItemSchema,
  updateItemSchema,
  updateMeetingSchema,
} from "@/lib/meetings/schemas";
import {
  activateProposedItem,
  restoreWithdrawnItem,
  addCaseToMeeting,
  addFollowUpListItem,
  createMeetingWithStandardItems,
  forwardCaseToMeeting,
  moveItem,
  proposeItemForMeeting,
} from "@/lib/meetings/agenda";
import { lockMeeting } from "@/lib/meetings/numbering";

const conflictMessage =
  "Noen andre har lagret endringer i mellomtiden. Teksten din er beholdt nedenfor – sammenlign med den lagrede versjonen og lagre på nytt.";

// A cancelled meeting, or one whose minutes are approved (the database refuses those changes), keeps its agenda.
const agendaClosed = (status: string) => status === "CANCELLED" || status === "MINUTES_APPROVED";
const AGENDA_CLOSED = "Sakskartet kan ikke endres for dette møtet.";

function revalidateMeeting(slug: string, meetingId: string) {
  revalidatePath(`/portal/${slug}/moter`);
  revalidatePath(`/portal/${slug}/moter/${meetingId}`, "layout");
  revalidatePath(`/r/${slug}`, "layout");
}

/** Why a body cannot meet on a date (åååå-mm-dd): it is not set up yet, or it has been wound up. */
async function outsideActivePeriod(bodyId: string, date: string): Promise<string | null> {
  const db = await getDb();
  const b = await db.body.findUniqueOrThrow({ where: { id: bodyId }, select: { activeFrom: true, activeTo: true } });
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  if (b.activeFrom && date < iso(b.activeFrom)) return `Organet er aktivt fra og med ${formatCalendarDate(b.activeFrom)}.`;
  if (b.activeTo && date > iso(b.activeTo)) return `Organet ble lagt ned etter ${formatCalendarDate(b.activeTo)}.`;
  return null;
}

export async function createMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = createMeetingSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const scope = await authorizeBody(parsed.data.bodyId, "meeting.manage");
  const d = parsed.data;
  const inactive = await outsideActivePeriod(d.bodyId, d.date);
  if (inactive) return { ok: false, message: "Møtet er ikke opprettet. Se feltene som er markert.", fieldErrors: { date: inactive }, values };
  const startsAt = osloLocalToDate(d.date, d.startTime);
  const endsAt = d.endTime ? osloLocalToDate(d.date, d.endTime) : null;
  const db = await getDb();
  const meeting = await db.$transaction(async (tx) => {
    const m = await createMeetingWithStandardItems(tx, { bodyId: d.bodyId, startsAt, endsAt, location: d.location, remoteUrl: d.remoteUrl });
    await writeAudit(tx, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action: "meeting.create", entityType: "Meeting", entityId: m.id, after: { bodyId: d.bodyId, startsAt, endsAt, location: d.location } });
    return m;
  }, TX);
  revalidateMeeting(scope.councilSlug, meeting.id);
  redirect(`/portal/${scope.councilSlug}/moter/${meeting.id}/rediger`);
}

export async function createMeetingPlanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = meetingPlanSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const scope = await authorizeBody(parsed.data.bodyId, "meeting.manage");
  const db = await getDb();
  // Created in date order, so each meeting's "Godkjenning av referat" points at the one before it.
  const rows = [...parsed.data.lines].sort((a, b) => (a.date + a.startTime).localeCompare(b.date + b.startTime));
  for (const r of [rows[0], rows.at(-1)]) {
    const inactive = r && (await outsideActivePeriod(parsed.data.bodyId, r.date));
    if (inactive) return { ok: false, message: "Møteplanen er ikke lagret. Se feltene som er markert.", fieldErrors: { lines: `Møtet ${formatCalendarDate(new Date(`${r.date}T00:00:00Z`))}: ${inactive}` }, values };
  }
  await db.$transaction(async (tx) => {
    for (const r of rows) {
      const startsAt = osloLocalToDate(r.date, r.startTime);
      const m = await createMeetingWithStandardItems(tx, {
        bodyId: parsed.data.bodyId,
        startsAt,
        endsAt: r.endTime ? osloLocalToDate(r.date, r.endTime) : null,
        location: r.location,
        remoteUrl: null,
      });
      await writeAudit(tx, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action: "meeting.create", entityType: "Meeting", entityId: m.id, after: { startsAt, location: r.location, fromPlan: true } });
    }
  }, TX);
  revalidatePath(`/portal/${scope.councilSlug}/moter`);
  return { ok: true, message: `Møteplanen er lagret: ${rows.length} ${rows.length === 1 ? "møte" : "møter"} opprettet.` };
}

// After a conflict the form shows the saved time and place and takes their version, so that the
// user's own values, kept in the fields, can be saved over them on purpose.
export type MeetingFormState = FormState & { conflict?: Record<"version" | "date" | "startTime" | "endTime" | "location" | "remoteUrl", string> };

export async function updateMeetingAction(_prev: MeetingFormState, formData: FormData): Promise<MeetingFormState> {
  const values = formValues(formData);
  const parsed = updateMeetingSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizeMeeting(d.meetingId, "meeting.manage");
  const db = await getDb();
  const before = await db.meeting.findUniqueOrThrow({ where: { id: d.meetingId }, select: { startsAt: true, endsAt: true, location: true, remoteUrl: true, status: true, changeNote: true } });
  if (before.status === "CANCELLED") return { ok: false, message: "Møtet er avlyst og kan ikke endres.", values };
  // The approved minutes record when and where the meeting was; the database refuses a change too.
  if (before.status === "MINUTES_APPROVED") return { ok: false, message: "Referatet fra møtet er godkjent, så tid og sted kan ikke endres.", values };
  const startsAt = osloLocalToDate(d.date, d.startTime);
  const endsAt = d.endTime ? osloLocalToDate(d.date, d.endTime) : null;
  const moved = startsAt.getTime() !== before.startsAt.getTime() || (before.location ?? null) !== d.location;
  // A meeting moved to another day must still fall in its body's active period; one only given a new
  // place or hour keeps its day, even if the period was changed around it since.
  if (d.date !== dateToOsloInputs(before.startsAt).date) {
    const inactive = await outsideActivePeriod(scope.bodyId, d.date);
    if (inactive) return { ok: false, message: "Møtet er ikke endret. Se feltene som er markert.", fieldErrors: { date: inactive }, values };
  }
  if (moved && before.status !== "PLANNED" && !d.changeNote) {
    return { ok: false, message: "Skriv hvorfor møtet flyttes – begrunnelsen vises i innkallingen.", fieldErrors: { changeNote: "Skriv hvorfor møtet flyttes." }, values };
  }
  // The reason saved is that of the last move: shown beside a new time, it would explain the wrong one.
  if (moved && before.status !== "PLANNED" && before.changeNote && d.changeNote === before.changeNote) {
    return {
      ok: false,
      message: "Skriv hvorfor møtet flyttes nå – begrunnelsen som står, gjelder forrige endring.",
      fieldErrors: { changeNote: "Skriv begrunnelsen for denne endringen." },
      values,
    };
  }
  // Without a new reason a move clears the old one (it explained another time); any other edit keeps it.
  const after = { startsAt, endsAt, location: d.location, remoteUrl: d.remoteUrl, changeNote: d.changeNote ?? (moved ? null : before.changeNote) };
  const updated = await db.meeting.updateMany({
    where: { id: d.meetingId, version: d.version },
    data: { ...after, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    const saved = await db.meeting.findUniqueOrThrow({ where: { id: d.meetingId }, select: { version: true, startsAt: true, endsAt: true, location: true, remoteUrl: true } });
    const start = dateToOsloInputs(saved.startsAt);
    const conflict = { version: String(saved.version), date: start.date, startTime: start.time, endTime: saved.endsAt ? dateToOsloInputs(saved.endsAt).time : "", location: saved.location ?? "", remoteUrl: saved.remoteUrl ?? "" };
    return { ok: false, message: conflictMessage, values, conflict };
  }
  await writeAudit(db, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action: moved ? "meeting.move" : "meeting.update", entityType: "Meeting", entityId: d.meetingId, before, after });
  revalidateMeeting(scope.councilSlug, d.meetingId);
  return { ok: true, message: "Møtet er lagret." };
}

export async function cancelMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = cancelMeetingSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const scope = await authorizeMeeting(parsed.data.meetingId, "meeting.manage");
  const db = await getDb();
  const { queueCancellationNotices } = await import("@/lib/meetings/send-notice");
  const told = await db.$transaction(async (tx) => {
    const updated = await tx.meeting.updateMany({
      where: { id: parsed.data.meetingId, version: parsed.data.version, status: { notIn: ["CANCELLED", "MINUTES_APPROVED"] } },
      data: { status: "CANCELLED", cancelledReason: parsed.data.reason, version: { increment: 1 } },
    });
    if (updated.count === 0) return null;
    const notified = await queueCancellationNotices(tx, parsed.data.meetingId, parsed.data.reason);
    await writeAudit(tx, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action: "meeting.cancel", entityType: "Meeting", entityId: parsed.data.meetingId, before: { status: scope.status }, after: { status: "CANCELLED", reason: parsed.data.reason, notified } });
    return notified;
  }, TX);
  if (told === null) return { ok: false, message: "Møtet kunne ikke avlyses: det er endret av noen andre, allerede avlyst eller har godkjent referat.", values };
  revalidateMeeting(scope.councilSlug, parsed.data.meetingId);
  return { ok: true, message: `Møtet er avlyst. Begrunnelsen vises på møtesiden${told > 0 ? `, og ${told} ${told === 1 ? "innkalt får" : "innkalte får"} beskjed på e-post med avlysning i kalenderen` : ""}.` };
}

export async function addAgendaItemAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = addItemSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const scope = await authorizeMeeting(parsed.data.meetingId, "meeting.manage");
  if (agendaClosed(scope.status)) return { ok: false, message: AGENDA_CLOSED, values };
  const { meetingId, ...item } = parsed.data;
  const db = await getDb();
  const created = await db.$transaction(async (tx) => {
    const row = await addCaseToMeeting(tx, meetingId, item);
    await writeAudit(tx, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action: "agenda.item.add", entityType: "AgendaItem", entityId: row.id, after: { ...item, number: row.number, year: row.year } });
    return row;
  }, TX);
  revalidateMeeting(scope.councilSlug, meetingId);
  return { ok: true, message: `«${item.title}» er lagt til${created.number ? ` som nummer ${created.number}` : ""}.` };
}

/** The standing information item "Oppfølging av vedtak": the body's follow-up list, frozen with the notice. */
export async function addFollowUpListItemAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = meetingRefSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error);
  const scope = await authorizeMeeting(parsed.data.meetingId, "meeting.manage");
  if (agendaClosed(scope.status)) return { ok: false, message: AGENDA_CLOSED };
  const db = await getDb();
  const created = await db.$transaction(async (tx) => {
    const row = await addFollowUpListItem(tx, parsed.data.meetingId);
    if (!row) return null;
    await writeAudit(tx, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action: "agenda.item.add", entityType: "AgendaItem", entityId: row.id, after: { title: "Oppfølging av vedtak", followUpList: true, number: row.number } });
    return row;
  }, TX);
  if (!created) return { ok: false, message: "Møtet har allerede «Oppfølging av vedtak» på sakskartet." };
  revalidateMeeting(scope.councilSlug, parsed.data.meetingId);
  return { ok: true, message: `«Oppfølging av vedtak» er lagt til${created.number ? ` som nummer ${created.number}` : ""}.` };
}

export type ItemFormState = FormState & { conflict?: Record<string, string> };

const LOCKED_ITEM = "Referatet fra dette møtet er godkjent og låst, så saken kan ikke endres her. En feil i referatet rettes med en rettelse på referatsiden.";

export async function updateAgendaItemAction(_prev: ItemFormState, formData: FormData): Promise<ItemFormState> {
  const values = formValues(formData);
  const parsed = updateItemSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizeItem(d.itemId, "meeting.manage");
  const db = await getDb();
  const result = await db.$transaction(async (tx) => {
    // The database refuses changes to an approved referat's items; saying so here keeps what was typed.
    if (await tx.minutes.count({ where: { meetingId: scope.meetingId, status: "APPROVED" } })) return { conflict: null, locked: true };
    const current = await tx.agendaItem.findUniqueOrThrow({
      where: { id: d.itemId },
      select: {
        version: true, title: true, type: true, presenter: true, noticeText: true, isClosed: true, closedBasis: true, caseId: true,
        case: { select: { version: true, background: true, proposedDecision: true, isExempt: true, exemptionBasis: true } },
      },
    });
    const stale = current.version !== d.itemVersion || (current.case && current.case.version !== d.caseVersion);
    if (stale) return { conflict: current, locked: false };
    await tx.agendaItem.update({
      where: { id: d.itemId },
      data: { title: d.title, type: d.type, presenter: d.presenter, noticeText: d.noticeText, isClosed: d.isClosed, closedBasis: d.isClosed ? d.closedBasis : null, version: { increment: 1 } },
    });
    if (current.caseId) {
      await tx.case.update({
        where: { id: current.caseId },
        data: { title: d.title, type: d.type, presenter: d.presenter, background: d.background, proposedDecision: d.proposedDecision, isExempt: d.isExempt, exemptionBasis: d.isExempt ? d.exemptionBasis : null, version: { increment: 1 } },
      });
    }
    await writeAudit(tx, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action: "agenda.item.update", entityType: "AgendaItem", entityId: d.itemId, before: current, after: d });
    return { conflict: null, locked: false };
  }, TX);
  if (result.locked) return { ok: false, message: LOCKED_ITEM, values };
  if (result.conflict) {
    const c = result.conflict;
    return {
      ok: false,
      message: conflictMessage,
      values,
      conflict: {
        title: c.title,
        presenter: c.presenter ?? "",
        noticeText: c.noticeText,
        background: c.case?.background ?? "",
        proposedDecision: c.case?.proposedDecision ?? "",
        exemptionBasis: c.case?.exemptionBasis ?? "",
        itemVersion: String(c.version),
        caseVersion: c.case ? String(c.case.version) : "",
      },
    };
  }
  revalidateMeeting(scope.councilSlug, scope.meetingId);
  return { ok: true, message: "Saken er lagret." };
}

// The small sakskart buttons (move, put on the agenda, withdraw) share one path: parse the item,
// check meeting.manage in its council, change it in a transaction, audit, revalidate.
async function runItemCommand(
  formData: FormData,
  action: string,
  change: (tx: Tx, itemId: string, meetingId: string) => Promise<Record<string, unknown> | null>,
): Promise<void> {
  const parsed = itemRefSchema.safeParse(formValues(formData));
  if (!parsed.success) return;
  const scope = await authorizeItem(parsed.data.itemId, "meeting.manage");
  if (agendaClosed(scope.status)) return;
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.agendaItem.findUniqueOrThrow({ where: { id: parsed.data.itemId }, select: { status: true, position: true, number: true } });
    const after = await change(tx, parsed.data.itemId, scope.meetingId);
    if (after) await writeAudit(tx, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action, entityType: "AgendaItem", entityId: parsed.data.itemId, before, after });
  }, TX);
  revalidateMeeting(scope.councilSlug, scope.meetingId);
}

export async function moveAgendaItemAction(formData: FormData): Promise<void> {
  const direction = moveItemSchema.shape.direction.safeParse(formData.get("direction"));
  if (!direction.success) return;
  await runItemCommand(formData, "agenda.item.move", async (tx, itemId) =>
    (await moveItem(tx, itemId, direction.data)) ? { direction: direction.data } : null,
  );
}

export async function activateProposalAction(formData: FormData): Promise<void> {
  await runItemCommand(formData, "agenda.item.activate", async (tx, itemId) => {
    await activateProposedItem(tx, itemId);
    return { status: "ACTIVE" };
  });
}

export async function withdrawAgendaItemAction(formData: FormData): Promise<void> {
  await runItemCommand(formData, "agenda.item.withdraw", async (tx, itemId, meetingId) => {
    await lockMeeting(tx, meetingId);
    // Withdrawn, not deleted: a number once given stays in the series, so nothing is skipped silently.
    await tx.agendaItem.update({ where: { id: itemId }, data: { status: "WITHDRAWN", version: { increment: 1 } } });
    return { status: "WITHDRAWN" };
  });
}

export async function restoreAgendaItemAction(formData: FormData): Promise<void> {
  await runItemCommand(formData, "agenda.item.restore", async (tx, itemId) => ((await restoreWithdrawnItem(tx, itemId)) ? { status: "ACTIVE" } : null));
}

export async function proposeAgendaItemAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = proposeItemSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const from = await authorizeMeeting(d.fromMeetingId, "meeting.manage");
  const target = await authorizeMeeting(d.targetMeetingId, "meeting.manage");
  // Both are the viewer's, but a meeting of another council is not this meeting's to take cases from.
  if (from.councilId !== target.councilId) refuse(from.viewer);
  if (agendaClosed(target.status)) return { ok: false, message: AGENDA_CLOSED, fieldErrors: { targetMeetingId: AGENDA_CLOSED }, values };
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const item = await proposeItemForMeeting(tx, d.fromMeetingId, d.targetMeetingId, d.title, d.type);
    await writeAudit(tx, { userId: from.viewer.userId, actor: from.viewer.email, councilId: from.councilId, action: "agenda.item.propose", entityType: "AgendaItem", entityId: item.id, after: d });
  }, TX);
  revalidateMeeting(target.councilSlug, d.targetMeetingId);
  revalidateMeeting(from.councilSlug, d.fromMeetingId);
  return { ok: true, message: `Forslaget «${d.title}» er lagt til som utkast i møtet.` };
}

export async function forwardCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = forwardCaseSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const target = await authorizeMeeting(parsed.data.targetMeetingId, "meeting.manage");
  if (agendaClosed(target.status)) return { ok: false, message: AGENDA_CLOSED, fieldErrors: { targetMeetingId: AGENDA_CLOSED }, values };
  const db = await getDb();
  const source = await db.case.findUnique({ where: { id: parsed.data.caseId }, select: { councilId: true, title: true } });
  if (!source || source.councilId !== target.councilId) refuse(target.viewer);
  const already = await db.agendaItem.count({ where: { caseId: parsed.data.caseId, meetingId: parsed.data.targetMeetingId, status: { not: "WITHDRAWN" } } });
  if (already) return { ok: false, message: "Saken står allerede på sakskartet til det møtet.", values };
  await db.$transaction(async (tx) => {
    const item = await forwardCaseToMeeting(tx, parsed.data.caseId, parsed.data.targetMeetingId);
    await writeAudit(tx, { userId: target.viewer.userId, actor: target.viewer.email, councilId: target.councilId, action: "case.forward", entityType: "Case", entityId: parsed.data.caseId, after: { meetingId: parsed.data.targetMeetingId, itemId: item.id } });
  }, TX);
  revalidateMeeting(target.councilSlug, parsed.data.targetMeetingId);
  revalidatePath(`/portal/${target.councilSlug}/saker/${parsed.data.caseId}`);
  return { ok: true, message: `«${source.title}» er sendt videre.` };
}

export async function addCaseReferenceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = addReferenceSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const scope = await authorizeItem(parsed.data.itemId, "meeting.manage");
  const db = await getDb();
  const item = await db.agendaItem.findUniqueOrThrow({ where: { id: parsed.data.itemId }, select: { caseId: true, meeting: { select: { body: { select: { caseSeriesId: true } } } } } });
  if (!item.caseId) return { ok: false, message: "Standardpunkter kan ikke ha henvisninger.", values };
  const m = /(\d{1,4})\/(\d{2}|\d{4})$/.exec(parsed.data.reference)!;
  const number = Number(m[1]);
  const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  const short = `${number}/${String(year).slice(2)}`;
  // The words before the number may name the body ("AU 4/22", "RS-sak 4/22"); "sak", "styresak" name none.
  const words = parsed.data.reference.slice(0, m.index).toLowerCase().split(/[\s.-]+/).filter(Boolean);
  // Yearly series only: per-meeting items ("1.", "2.") repeat their numbers in every meeting.
  const found = await db.agendaItem.findMany({
    where: { number, year, seriesId: { not: null }, caseId: { not: null }, meeting: { body: { councilId: scope.councilId } } },
    select: { caseId: true, seriesId: true, case: { select: { title: true } }, meeting: { select: { body: { select: { abbreviation: true } } } } },
  });
  const named = found.filter((f) => words.includes(f.meeting.body.abbreviation.toLowerCase()));
  const own = found.filter((f) => f.seriesId === item.meeting.body.caseSeriesId);
  // A body named wins; else the series of this meeting's body, as "sak 4/22" in an AU paper means AU's.
  const chosen = named.length ? named : own.length ? own : found;
  const targets = [...new Map(chosen.map((f) => [f.caseId!, f])).values()];
  if (targets.length === 0) {
    return { ok: false, fieldErrors: { reference: `Fant ingen sak ${short} i rådet.` }, message: "Henvisningen ble ikke lagret.", values };
  }
  if (targets.length > 1) {
    const list = targets.map((f) => `«${f.case!.title}» (${f.meeting.body.abbreviation})`).join(", ");
    return {
      ok: false,
      fieldErrors: { reference: `Flere saker har nummeret ${short}: ${list}. Skriv organets forkortelse foran, for eksempel «${targets[0].meeting.body.abbreviation} ${short}».` },
      message: "Henvisningen ble ikke lagret.",
      values,
    };
  }
  if (targets[0].caseId === item.caseId) {
    return { ok: false, fieldErrors: { reference: "Dette er saken selv. Skriv nummeret til saken det henvises til." }, message: "Henvisningen ble ikke lagret.", values };
  }
  const label = parsed.data.label ?? `Oppfølging av vedtak i sak ${m[1]}/${m[2]}`;
  const ref = await db.caseReference.create({ data: { fromCaseId: item.caseId, toCaseId: targets[0].caseId!, label }, select: { id: true } });
  await writeAudit(db, { userId: scope.viewer.userId, actor: scope.viewer.email, councilId: scope.councilId, action: "case.reference.add", entityType: "CaseReference", entityId: ref.id, after: { label } });
  revalidateMeeting(scope.councilSlug, scope.meetingId);
  return { ok: true, message: "Henvisningen er lagt til." };
}

export type SendNoticeState = FormState & { checks?: { code: string; message: string }[] };

export async function sendNoticeAction(_prev: SendNoticeState, formData: FormData): Promise<SendNoticeState> {
  const parsed = meetingRefSchema.safeParse(formValues(formData));
  if (!parsed.success) return { ok: false, message: "Mangler møte." };
  const { meetingId } = parsed.data;
  const scope = await authorizeMeeting(meetingId, "meeting.manage");
  const db = await getDb();
  const { sendNotice } = await import("@/lib/meetings/send-notice");
  const { publicBaseUrl } = await import("@/lib/server/base-url");
  const result = await sendNotice(db, { meetingId, userId: scope.viewer.userId, actor: scope.viewer.email, baseUrl: await publicBaseUrl() });
  if (!result.ok) {
    return {
      ok: false,
      message: result.reason === "blocked" ? "Innkallingen kan ikke sendes før feilene nedenfor er rettet." : "Møtet er avlyst eller finnes ikke.",
      checks: result.checks,
    };
  }
  // Delivery happens after commit; a failing mail server leaves the messages queued for retry.
  const { processOutbox } = await import("@/lib/server/mail");
  void processOutbox(db).catch((err) => console.error("Utsending av e-post feilet", err instanceof Error ? err.message : err));
  revalidateMeeting(scope.councilSlug, meetingId);
  return {
    ok: true,
    message:
      result.version === 1
        ? `Innkallingen er sendt til ${result.recipients} mottakere og publisert.`
        : `Endret innkalling (versjon ${result.version}) er sendt til ${result.recipients} mottakere.${result.changes ? ` Endringer: ${result.changes}` : ""}`,
  };
}
