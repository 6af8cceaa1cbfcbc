import "server-only";
import type { Tx } from "@/lib/server/db";
import type { CaseType } from "@/lib/generated/prisma/client";
import { formatDate } from "@/lib/format/dates";
import { lockMeeting, numberItems, osloYear } from "@/lib/meetings/numbering";

// Agenda operations shared by the server actions and the tests. Each expects to run inside a
// transaction and takes the meeting lock before touching positions or numbers.

export type NewMeeting = {
  bodyId: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  remoteUrl: string | null;
  title?: string | null;
};

/** A meeting with the standard items every sakskart starts and ends with. */
export async function createMeetingWithStandardItems(tx: Tx, input: NewMeeting) {
  const meeting = await tx.meeting.create({
    data: {
      bodyId: input.bodyId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      location: input.location,
      remoteUrl: input.remoteUrl,
      title: input.title ?? null,
    },
    select: { id: true },
  });
  const previous = await tx.meeting.findFirst({
    where: { bodyId: input.bodyId, startsAt: { lt: input.startsAt }, status: { not: "CANCELLED" } },
    orderBy: { startsAt: "desc" },
    select: { startsAt: true, minutes: { select: { id: true } } },
  });
  const items: { title: string; type: CaseType; approvesMinutesOfId?: string | null }[] = [
    { title: "Godkjenning av innkalling", type: "GODKJENNING" },
  ];
  if (previous) {
    items.push({
      title: `Godkjenning av referat fra møtet ${formatDate(previous.startsAt)}`,
      type: "GODKJENNING",
      approvesMinutesOfId: previous.minutes?.id ?? null,
    });
  }
  items.push({ title: "Eventuelt", type: "EVENTUELT" });
  await tx.agendaItem.createMany({
    data: items.map((item, i) => ({
      meetingId: meeting.id,
      position: i + 1,
      title: item.title,
      type: item.type,
      approvesMinutesOfId: item.approvesMinutesOfId ?? null,
    })),
  });
  return meeting;
}

/** Where a new item goes: before "Eventuelt" when there is one, else last. Shifts the items below. */
async function makeRoom(tx: Tx, meetingId: string): Promise<number> {
  const active = await tx.agendaItem.findMany({
    where: { meetingId, status: "ACTIVE" },
    orderBy: { position: "asc" },
    select: { id: true, position: true, type: true },
  });
  const last = active.at(-1);
  if (last && last.type === "EVENTUELT") {
    await tx.agendaItem.update({ where: { id: last.id }, data: { position: last.position + 1 } });
    return last.position;
  }
  return (last?.position ?? 0) + 1;
}

export type NewItem = {
  title: string;
  type: CaseType;
  presenter?: string | null;
  background?: string;
  proposedDecision?: string;
  isExempt?: boolean;
  exemptionBasis?: string | null;
};

/** Adds a new case to the sakskart and gives it the next number in the body's series. */
export async function addCaseToMeeting(tx: Tx, meetingId: string, input: NewItem) {
  await lockMeeting(tx, meetingId);
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { startsAt: true, body: { select: { councilId: true } } },
  });
  const position = await makeRoom(tx, meetingId);
  const created = await tx.case.create({
    data: {
      councilId: meeting.body.councilId,
      year: osloYear(meeting.startsAt),
      title: input.title,
      type: input.type,
      presenter: input.presenter ?? null,
      background: input.background ?? "",
      proposedDecision: input.proposedDecision ?? "",
      isExempt: input.isExempt ?? false,
      exemptionBasis: input.isExempt ? (input.exemptionBasis ?? null) : null,
    },
    select: { id: true },
  });
  const item = await tx.agendaItem.create({
    data: {
      meetingId,
      caseId: created.id,
      position,
      title: input.title,
      type: input.type,
      presenter: input.presenter ?? null,
    },
    select: { id: true },
  });
  await numberItems(tx, meetingId, position);
  return tx.agendaItem.findUniqueOrThrow({ where: { id: item.id }, select: { id: true, number: true, year: true, caseId: true } });
}

/** Adds the standing information item "Oppfølging av vedtak" (once per meeting); null if it is there. */
export async function addFollowUpListItem(tx: Tx, meetingId: string) {
  await lockMeeting(tx, meetingId);
  const existing = await tx.agendaItem.findFirst({ where: { meetingId, isFollowUpList: true, status: "ACTIVE" }, select: { id: true } });
  if (existing) return null;
  const row = await addCaseToMeeting(tx, meetingId, { title: "Oppfølging av vedtak", type: "ORIENTERINGSSAK", presenter: "v/ sekretariatet", isExempt: false, exemptionBasis: null });
  await tx.agendaItem.update({
    where: { id: row.id },
    data: { isFollowUpList: true, noticeText: "Oversikt over åpne og nylig lukkede oppfølgingspunkter fra organets vedtak." },
  });
  return row;
}

/** Saksgang: the same case goes on to another body's meeting, with that body's own number. */
export async function forwardCaseToMeeting(tx: Tx, caseId: string, meetingId: string) {
  await lockMeeting(tx, meetingId);
  const source = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { title: true, type: true, presenter: true } });
  const position = await makeRoom(tx, meetingId);
  const item = await tx.agendaItem.create({
    data: { meetingId, caseId, position, title: source.title, type: source.type, presenter: source.presenter },
    select: { id: true },
  });
  await numberItems(tx, meetingId, position);
  return item;
}

/** "Forslag til saker til <organ> <dato>": a draft item in the target meeting, not yet on the sakskart. */
export async function proposeItemForMeeting(
  tx: Tx,
  fromMeetingId: string,
  targetMeetingId: string,
  title: string,
  type: CaseType,
  extra: { fromItemId?: string; noticeText?: string } = {},
) {
  await lockMeeting(tx, targetMeetingId);
  const max = await tx.agendaItem.aggregate({ where: { meetingId: targetMeetingId }, _max: { position: true } });
  return tx.agendaItem.create({
    data: {
      meetingId: targetMeetingId,
      position: (max._max.position ?? 0) + 1000,
      title,
      type,
      status: "PROPOSED",
      proposedFromMeetingId: fromMeetingId,
      proposedFromItemId: extra.fromItemId ?? null,
      noticeText: extra.noticeText ?? "",
    },
    select: { id: true },
  });
}

/**
 * Puts a withdrawn item back on the sakskart (before Eventuelt), with the number it had: withdrawing
 * is the one-click step in the editor, so it must be undoable. Not when the case has been added to
 * the meeting again meanwhile: it would stand twice.
 */
export async function restoreWithdrawnItem(tx: Tx, itemId: string): Promise<boolean> {
  const item = await tx.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { meetingId: true, status: true, caseId: true } });
  await lockMeeting(tx, item.meetingId);
  const current = await tx.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { status: true } });
  if (current.status !== "WITHDRAWN") return false;
  if (item.caseId && (await tx.agendaItem.count({ where: { meetingId: item.meetingId, caseId: item.caseId, status: { not: "WITHDRAWN" } } }))) return false;
  const position = await makeRoom(tx, item.meetingId);
  await tx.agendaItem.update({ where: { id: itemId }, data: { status: "ACTIVE", position, version: { increment: 1 } } });
  await numberItems(tx, item.meetingId, position);
  return true;
}

/** Puts a proposed item on the sakskart (before Eventuelt) and numbers it. */
export async function activateProposedItem(tx: Tx, itemId: string) {
  const item = await tx.agendaItem.findUniqueOrThrow({
    where: { id: itemId },
    select: { meetingId: true, status: true, caseId: true, title: true, type: true, presenter: true, meeting: { select: { startsAt: true, body: { select: { councilId: true } } } } },
  });
  if (item.status !== "PROPOSED") return;
  await lockMeeting(tx, item.meetingId);
  const position = await makeRoom(tx, item.meetingId);
  let caseId = item.caseId;
  if (!caseId) {
    const c = await tx.case.create({
      data: {
        councilId: item.meeting.body.councilId,
        year: osloYear(item.meeting.startsAt),
        title: item.title,
        type: item.type,
        presenter: item.presenter,
      },
      select: { id: true },
    });
    caseId = c.id;
  }
  await tx.agendaItem.update({ where: { id: itemId }, data: { status: "ACTIVE", position, caseId } });
  await numberItems(tx, item.meetingId, position);
}

/** Swaps an item with its neighbour above or below. Numbers stay: they identify, they do not order. */
export async function moveItem(tx: Tx, itemId: string, direction: "up" | "down") {
  const item = await tx.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { meetingId: true } });
  await lockMeeting(tx, item.meetingId);
  const active = await tx.agendaItem.findMany({
    where: { meetingId: item.meetingId, status: "ACTIVE" },
    orderBy: { position: "asc" },
    select: { id: true, position: true },
  });
  const index = active.findIndex((a) => a.id === itemId);
  const other = active[direction === "up" ? index - 1 : index + 1];
  if (index < 0 || !other) return false;
  const me = active[index];
  await tx.agendaItem.update({ where: { id: me.id }, data: { position: other.position } });
  await tx.agendaItem.update({ where: { id: other.id }, data: { position: me.position } });
  return true;
}
