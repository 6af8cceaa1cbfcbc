import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/server/db";
import { formatDate } from "@/lib/format/dates";
import { enqueueMail } from "@/lib/server/mail";
import { inviteesAt, membershipsForInvitees } from "@/lib/meetings/notice";
import { buildMinutesDocument } from "@/lib/minutes/build";
import { minutesContentHash } from "@/lib/minutes/content-hash";
import type { z } from "zod";
import type {
  actionFromDecisionSchema,
  addAttendeeSchema,
  attendanceRegisterSchema,
  itemMinutesSchema,
  minutesHeaderSchema,
} from "@/lib/minutes/schemas";

// The minutes as data operations, each inside the caller's transaction. Actions (actions.ts) parse,
// authorize, call these, audit and revalidate. Every edit is an optimistic-locked update: it names
// the version it was based on, and a stale version returns the saved state instead of overwriting it.

export class MinutesLockedError extends Error {
  constructor() {
    super("Referatet er godkjent og låst.");
    this.name = "MinutesLockedError";
  }
}

async function assertEditable(tx: Tx, meetingId: string): Promise<void> {
  const m = await tx.minutes.findUnique({ where: { meetingId }, select: { status: true } });
  if (m?.status === "APPROVED") throw new MinutesLockedError();
}

/** The decision the secretary would write anyway for a standard item, or null. */
export function standardDecision(item: { title: string; type: string; approvesMinutesOf: { meeting: { startsAt: Date } } | null }): string | null {
  if (item.type === "GODKJENNING" && /innkalling/i.test(item.title)) return "Innkallingen godkjennes";
  if (item.type === "GODKJENNING" && item.approvesMinutesOf) return `Referat fra møtet ${formatDate(item.approvesMinutesOf.meeting.startsAt)} godkjennes`;
  if (item.type === "GODKJENNING" && /referat/i.test(item.title)) return "Referatet godkjennes";
  if (item.type === "ORIENTERINGSSAK") return "Informasjonen tas til orientering";
  return null;
}

/**
 * Opens the minutes of a meeting: the register filled from the body's membership (with the forfall
 * already reported through the invitation), standard decisions prefilled, signatures suggested.
 * Does nothing when the minutes exist.
 */
export async function startMinutes(tx: Tx, meetingId: string): Promise<{ created: boolean }> {
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
  const existing = await tx.minutes.findUnique({ where: { meetingId }, select: { id: true } });
  if (existing) return { created: false };
  const m = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      startsAt: true,
      body: { select: { memberships: membershipsForInvitees } },
      invitations: { select: { personId: true, response: true, isSubstitute: true } },
      attendances: { select: { personId: true } },
      items: {
        where: { status: "ACTIVE" },
        select: { id: true, title: true, type: true, decision: { select: { id: true } }, approvesMinutesOf: { select: { meeting: { select: { startsAt: true } } } } },
      },
    },
  });
  // In the body's own list order, as minutes print it (mayors first, then the chief executives).
  const invitees = inviteesAt(m.body.memberships, m.startsAt).sort((a, b) => a.position - b.position);
  const responses = new Map(m.invitations.map((i) => [i.personId, i]));
  const already = new Set(m.attendances.map((a) => a.personId));
  let position = 0;
  for (const r of invitees) {
    position += 1;
    if (already.has(r.personId)) continue;
    const response = responses.get(r.personId)?.response;
    const isSecretariat = r.role === "SEKRETAER";
    await tx.attendance.create({
      data: {
        meetingId,
        personId: r.personId,
        organizationId: r.organizationId,
        roleLabel: r.roleLabel,
        status: response === "ABSENT" ? "ABSENT" : response === "REMOTE" ? "REMOTE" : "PRESENT",
        isSecretariat,
        position: position * 10,
      },
    });
    // A substitute who already said they will come is listed for the member.
    if (response === "ABSENT") {
      const sub = r.substitutes.find((s) => responses.get(s.personId)?.isSubstitute && responses.get(s.personId)?.response === "PRESENT");
      if (sub && !already.has(sub.personId)) {
        await tx.attendance.create({
          data: { meetingId, personId: sub.personId, organizationId: r.organizationId, roleLabel: "Varamedlem", status: "SUBSTITUTE", substituteForId: r.personId, position: position * 10 + 1 },
        });
      }
    }
  }
  for (const item of m.items) {
    if (item.decision) continue;
    const text = standardDecision(item);
    if (text) await tx.decision.create({ data: { agendaItemId: item.id, kind: "VEDTAK", text } });
  }
  // Who chairs is who is there: a leader who sent forfall does not sign; the deputy then does, if coming.
  const coming = (r: (typeof invitees)[number]) => responses.get(r.personId)?.response !== "ABSENT";
  const leader = invitees.find((r) => r.role === "LEDER" && coming(r)) ?? invitees.find((r) => r.role === "NESTLEDER" && coming(r));
  const secretary = invitees.find((r) => r.role === "SEKRETAER");
  await tx.minutes.create({
    data: {
      meetingId,
      documentTitle: "Referat",
      signedByChairId: leader?.personId ?? null,
      chairSignatureLabel: leader ? "møteleder" : null,
      signedBySecretaryId: secretary?.personId ?? null,
      secretarySignatureLabel: secretary ? secretary.roleLabel.toLowerCase() : null,
    },
  });
  await tx.meeting.update({ where: { id: meetingId }, data: { status: "MINUTES_DRAFT", version: { increment: 1 } } });
  return { created: true };
}

export type ItemMinutesState = {
  version: number;
  notes: string;
  decisionKind: "VEDTAK" | "INNSTILLING" | "KONKLUSJON";
  decisionText: string;
  voting: "NONE" | "ENSTEMMIG" | "VOTERING";
  proposals: { proposedBy: string | null; text: string; votesFor: number | null; votesAgainst: number | null; votersFor: string | null; adopted: boolean }[];
  disqualifications: { personId: string; basis: string }[];
};

export async function readItemMinutes(tx: Tx, itemId: string): Promise<ItemMinutesState & { meetingId: string }> {
  const i = await tx.agendaItem.findUniqueOrThrow({
    where: { id: itemId },
    select: {
      meetingId: true,
      version: true,
      minutesNotes: true,
      decision: {
        select: {
          kind: true,
          text: true,
          voting: true,
          proposals: { orderBy: { position: "asc" }, select: { proposedBy: true, text: true, votesFor: true, votesAgainst: true, votersFor: true, adopted: true } },
        },
      },
      disqualifications: { orderBy: { id: "asc" }, select: { personId: true, basis: true } },
    },
  });
  return {
    meetingId: i.meetingId,
    version: i.version,
    notes: i.minutesNotes,
    decisionKind: i.decision?.kind ?? "VEDTAK",
    decisionText: i.decision?.text ?? "",
    voting: i.decision?.voting ?? "NONE",
    proposals: i.decision?.proposals ?? [],
    disqualifications: i.disqualifications,
  };
}

export type SaveResult = { ok: true; version: number } | { ok: false; conflict: ItemMinutesState };

/**
 * Saves one item's minutes if nobody saved since `version`. The version check and the increment are
 * one conditional UPDATE, so of two concurrent saves on the same version exactly one wins; the other
 * gets the winner's text back and keeps its own.
 */
export async function saveItemMinutes(tx: Tx, input: z.output<typeof itemMinutesSchema>, knownMeetingId?: string): Promise<SaveResult> {
  // The action knows the meeting already from authorizing the item: an autosave is one query shorter.
  const meetingId = knownMeetingId ?? (await tx.agendaItem.findUniqueOrThrow({ where: { id: input.itemId }, select: { meetingId: true } })).meetingId;
  // Shared with other saves, exclusive of approval (which locks the row FOR UPDATE before hashing):
  // a save cannot slip in between the hash and the approval's commit.
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR SHARE`;
  await assertEditable(tx, meetingId);
  const updated = await tx.agendaItem.updateMany({
    where: { id: input.itemId, version: input.version },
    data: { minutesNotes: input.notes, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    const { meetingId: _m, ...current } = await readItemMinutes(tx, input.itemId);
    return { ok: false, conflict: current };
  }
  const hasDecision = input.decisionText.trim() !== "" || input.voting !== "NONE";
  const existing = await tx.decision.findUnique({ where: { agendaItemId: input.itemId }, select: { id: true } });
  // An emptied decision goes only when nothing hangs on it: follow-up, plan tags, a plan it adopted.
  // Otherwise it stays, empty (the minutes print no empty decision), so that retyping keeps them.
  // Asked only when the decision would go, and on their own: Prisma's relation _count groups whole tables.
  const referenced = async (decisionId: string) =>
    (await tx.actionItem.findFirst({ where: { decisionId }, select: { id: true } })) !== null ||
    (await tx.decisionTag.findFirst({ where: { decisionId }, select: { id: true } })) !== null ||
    (await tx.plan.findFirst({ where: { adoptedByDecisionId: decisionId }, select: { id: true } })) !== null ||
    (await tx.planVersion.findFirst({ where: { decisionId }, select: { id: true } })) !== null;
  if (!hasDecision && existing && !(await referenced(existing.id))) {
    await tx.decision.delete({ where: { id: existing.id } });
  } else if (hasDecision || existing) {
    const decision = await tx.decision.upsert({
      where: { agendaItemId: input.itemId },
      create: { agendaItemId: input.itemId, kind: input.decisionKind, text: input.decisionText, voting: input.voting },
      update: { kind: input.decisionKind, text: input.decisionText, voting: input.voting, version: { increment: 1 } },
      select: { id: true },
    });
    await tx.proposal.deleteMany({ where: { decisionId: decision.id } });
    if (input.voting === "VOTERING" && input.proposals.length) {
      await tx.proposal.createMany({ data: input.proposals.map((p, position) => ({ ...p, decisionId: decision.id, position })) });
    }
  }
  await tx.disqualification.deleteMany({ where: { agendaItemId: input.itemId } });
  if (input.disqualifications.length) {
    await tx.disqualification.createMany({ data: input.disqualifications.map((d) => ({ agendaItemId: input.itemId, personId: d.personId, basis: d.basis })) });
  }
  return { ok: true, version: input.version + 1 };
}

/** A short digest of the register's rows and versions: changes when anyone saves or adds a row. */
export function attendanceFingerprint(rows: { id: string; version: number }[]): string {
  const canonical = [...rows].sort((a, b) => a.id.localeCompare(b.id)).map((r) => `${r.id}:${r.version}`).join(",");
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

export async function currentAttendanceFingerprint(tx: Tx, meetingId: string): Promise<string> {
  const rows = await tx.attendance.findMany({ where: { meetingId }, select: { id: true, version: true } });
  return attendanceFingerprint(rows);
}

/** `conflict`: someone saved the register since this form was loaded. `fieldErrors`: keyed `field.attendanceId`. */
export type AttendanceSaveResult = { ok: true } | { ok: false; conflict: true } | { ok: false; conflict: false; fieldErrors: Record<string, string> };

export async function saveAttendanceRegister(tx: Tx, input: z.output<typeof attendanceRegisterSchema>): Promise<AttendanceSaveResult> {
  await assertEditable(tx, input.meetingId);
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${input.meetingId} FOR UPDATE`;
  if ((await currentAttendanceFingerprint(tx, input.meetingId)) !== input.fingerprint) return { ok: false, conflict: true };
  const items = await tx.agendaItem.findMany({ where: { meetingId: input.meetingId }, select: { id: true, position: true } });
  const itemIds = new Set(items.map((i) => i.id));
  // "Kom til" an item after the one "gikk etter" would print an impossible attendance in the minutes.
  const position = new Map(items.map((i) => [i.id, i.position]));
  const fieldErrors: Record<string, string> = {};
  for (const r of input.rows) {
    const arrived = r.arrivedAtItemId ? position.get(r.arrivedAtItemId) : undefined;
    const left = r.leftAfterItemId ? position.get(r.leftAfterItemId) : undefined;
    if (arrived !== undefined && left !== undefined && arrived > left) {
      fieldErrors[`leftAfterItemId.${r.attendanceId}`] = "Saken vedkommende gikk etter, kommer før saken vedkommende kom til. Rett en av dem.";
    }
  }
  const own = await tx.attendance.findMany({
    where: { meetingId: input.meetingId },
    orderBy: { id: "asc" },
    select: { id: true, personId: true, status: true, substituteForId: true, person: { select: { name: true } } },
  });
  const ownIds = new Set(own.map((a) => a.id));
  // A substitute meets for a member of this register who sent forfall, and one substitute per member:
  // the minutes would otherwise print a member as present and their substitute beside them. Checked
  // on the register as it will be: the rows sent, and the stored ones for rows not sent.
  const sent = new Map(input.rows.map((r) => [r.attendanceId, r]));
  const final = own.map((a) => {
    const r = sent.get(a.id);
    return { id: a.id, personId: a.personId, status: r?.status ?? a.status, substituteForId: r ? r.substituteForId : a.substituteForId, sent: !!r };
  });
  const statusOf = new Map(final.map((a) => [a.personId, a.status]));
  const nameOf = new Map(own.map((a) => [a.personId, a.person.name]));
  const substitutedBy = new Map<string, string>();
  // Stored substitutes first: a row sent now is the one told to change.
  for (const a of [...final.filter((x) => !x.sent), ...final.filter((x) => x.sent)]) {
    if (a.status !== "SUBSTITUTE" || !a.substituteForId) continue;
    const key = `substituteForId.${a.id}`;
    const status = statusOf.get(a.substituteForId);
    const name = nameOf.get(a.substituteForId);
    if (a.sent && status === undefined) fieldErrors[key] = "Velg et medlem i deltakerlisten.";
    else if (a.sent && status !== "ABSENT") fieldErrors[key] = `${name} er ikke ført med forfall. Sett forfall på medlemmet først, eller velg et annet.`;
    else if (a.sent && substitutedBy.has(a.substituteForId)) fieldErrors[key] = `${name} har alt et varamedlem i listen.`;
    else substitutedBy.set(a.substituteForId, a.id);
  }
  if (Object.keys(fieldErrors).length) return { ok: false, conflict: false, fieldErrors };
  for (const r of input.rows) {
    if (!ownIds.has(r.attendanceId)) continue;
    await tx.attendance.update({
      where: { id: r.attendanceId },
      data: {
        status: r.status,
        roleLabel: r.roleLabel,
        substituteForId: r.status === "SUBSTITUTE" ? r.substituteForId : null,
        arrivedAtItemId: r.arrivedAtItemId && itemIds.has(r.arrivedAtItemId) ? r.arrivedAtItemId : null,
        leftAfterItemId: r.leftAfterItemId && itemIds.has(r.leftAfterItemId) ? r.leftAfterItemId : null,
        note: r.note,
        version: { increment: 1 },
      },
    });
  }
  return { ok: true };
}

export async function addAttendee(tx: Tx, councilId: string, input: z.output<typeof addAttendeeSchema>): Promise<{ ok: true } | { ok: false; message: string }> {
  await assertEditable(tx, input.meetingId);
  let personId = input.personId;
  if (personId) {
    const p = await tx.person.findUnique({ where: { id: personId }, select: { id: true } });
    if (!p) return { ok: false, message: "Personen finnes ikke." };
  } else {
    const p = await tx.person.create({ data: { name: input.name!, title: input.roleLabel }, select: { id: true } });
    personId = p.id;
  }
  const dup = await tx.attendance.findUnique({ where: { meetingId_personId: { meetingId: input.meetingId, personId } }, select: { id: true } });
  if (dup) return { ok: false, message: "Personen står allerede i deltakerlisten." };
  // Not Prisma's equals with mode "insensitive": that becomes ILIKE without escaping, so "%" matched
  // any organisation and a trailing backslash failed the query.
  const organization = input.organization
    ? ((await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Organization" WHERE lower(name) = lower(${input.organization}) ORDER BY id LIMIT 1`)[0] ?? null)
    : null;
  const max = await tx.attendance.aggregate({ where: { meetingId: input.meetingId }, _max: { position: true } });
  await tx.attendance.create({
    data: {
      meetingId: input.meetingId,
      personId,
      organizationId: organization?.id ?? null,
      roleLabel: input.roleLabel ?? (input.organization && !organization ? input.organization : null),
      status: "PRESENT",
      isGuest: input.kind === "GUEST",
      isSecretariat: input.kind === "SECRETARIAT",
      position: (max._max.position ?? 0) + 10,
    },
  });
  void councilId;
  return { ok: true };
}

export async function saveMinutesHeader(tx: Tx, input: z.output<typeof minutesHeaderSchema>): Promise<{ ok: boolean }> {
  await assertEditable(tx, input.meetingId);
  const updated = await tx.minutes.updateMany({
    where: { meetingId: input.meetingId, version: input.version },
    data: {
      documentTitle: input.documentTitle,
      introduction: input.introduction,
      signedByChairId: input.chairId,
      chairSignatureLabel: input.chairId ? input.chairLabel : null,
      signedBySecretaryId: input.secretaryId,
      secretarySignatureLabel: input.secretaryId ? input.secretaryLabel : null,
      version: { increment: 1 },
    },
  });
  return { ok: updated.count === 1 };
}

// A referat records what happened in a meeting; before it begins, there is nothing to comment on
// or approve (the secretariat may still prepare the draft).
export function notYetHeld(startsAt: Date, now: Date): boolean {
  return startsAt.getTime() > now.getTime();
}

function notYetHeldMessage(startsAt: Date): string {
  return `Møtet er ikke holdt ennå (det begynner ${formatDate(startsAt)}). Referatet`;
}

/**
 * Locks the minutes: the version approved and a hash of the content are recorded, and they are
 * published if the body publishes its minutes (political bodies always do, kommuneloven § 11-4).
 */
export async function approveMinutes(
  tx: Tx,
  meetingId: string,
  how: { method: "NEXT_MEETING" | "ELECTRONIC"; byName: string | null; byUserId: string | null; expectedVersion?: number; expectedHash?: string; approvingItemId?: string },
  now = new Date(),
): Promise<{ ok: true; contentHash: string; version: number; published: boolean } | { ok: false; message: string }> {
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
  const minutes = await tx.minutes.findUnique({
    where: { meetingId },
    select: { id: true, status: true, version: true, meeting: { select: { startsAt: true, body: { select: { isPolitical: true, publishMinutes: true } } } } },
  });
  if (!minutes) return { ok: false, message: "Møtet har ikke noe referat ennå." };
  if (minutes.status === "APPROVED") return { ok: false, message: "Referatet er allerede godkjent." };
  if (notYetHeld(minutes.meeting.startsAt, now)) return { ok: false, message: `${notYetHeldMessage(minutes.meeting.startsAt)} kan godkjennes når møtet er holdt.` };
  if (how.expectedVersion !== undefined && how.expectedVersion !== minutes.version) {
    return { ok: false, message: "Referatet er endret siden du åpnet det. Les den nye versjonen før du godkjenner." };
  }
  const doc = await buildMinutesDocument(tx, meetingId, "internal");
  const contentHash = minutesContentHash(doc!);
  // The version moves only with the header; an item, a vote or the attendance changed since the
  // approver read the minutes shows in the hash, and what is approved must be what was read.
  if (how.expectedHash !== undefined && how.expectedHash !== contentHash) {
    return { ok: false, message: "Referatet er endret siden du åpnet det. Les den nye versjonen før du godkjenner." };
  }
  const published = minutes.meeting.body.isPolitical || minutes.meeting.body.publishMinutes;
  if (how.approvingItemId) {
    await tx.agendaItem.update({ where: { id: how.approvingItemId }, data: { approvesMinutesOfId: minutes.id, version: { increment: 1 } } });
  }
  await tx.minutes.update({
    where: { id: minutes.id },
    data: {
      status: "APPROVED",
      approvedAt: now,
      approvalMethod: how.method,
      approvedVersion: minutes.version,
      approvedByName: how.byName,
      approvedByUserId: how.byUserId,
      contentHash,
      publishedAt: published ? now : null,
    },
  });
  await tx.meeting.update({ where: { id: meetingId }, data: { status: "MINUTES_APPROVED", version: { increment: 1 } } });
  return { ok: true, contentHash, version: minutes.version, published };
}

export async function createActionFromDecision(
  tx: Tx,
  input: z.output<typeof actionFromDecisionSchema>,
  userId: string,
): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  const item = await tx.agendaItem.findUniqueOrThrow({
    where: { id: input.itemId },
    select: {
      meetingId: true,
      caseId: true,
      number: true,
      year: true,
      decision: { select: { id: true } },
      meeting: { select: { body: { select: { councilId: true } } } },
    },
  });
  const councilId = item.meeting.body.councilId;
  // Only people and bodies of the same council can be made responsible.
  const [people, body] = await Promise.all([
    tx.person.findMany({ where: { id: { in: input.personIds } }, select: { id: true } }),
    input.responsibleBodyId ? tx.body.findFirst({ where: { id: input.responsibleBodyId, councilId }, select: { id: true } }) : null,
  ]);
  if (people.length !== new Set(input.personIds).size) return { ok: false, message: "En av de valgte personene finnes ikke." };
  if (input.responsibleBodyId && !body) return { ok: false, message: "Arbeidsgruppen finnes ikke i dette rådet." };
  // Follow-up lives on after approval (it is not part of the approved content): a decision of locked
  // minutes takes new tasks, while a holder for an item without one would change what was approved.
  if (!item.decision) await assertEditable(tx, item.meetingId);
  // Follow-up also comes out of items without a formal decision (Eventuelt, a discussion): the
  // decision row is then an empty holder that the minutes do not print. Made only now, so a
  // refusal above leaves nothing behind.
  const decision = item.decision ?? (await tx.decision.create({ data: { agendaItemId: input.itemId, kind: "VEDTAK", text: "" }, select: { id: true } }));
  const action = await tx.actionItem.create({
    data: {
      councilId,
      decisionId: decision.id,
      meetingId: item.meetingId,
      caseId: item.caseId,
      title: input.title,
      responsibleBodyId: body?.id ?? null,
      responsibleText: input.responsibleText,
      dueDate: input.dueDate,
      assignees: { create: input.personIds.map((personId, i) => ({ personId, isLead: i === 0 })) },
      events: { create: { userId, toStatus: "OPEN", comment: "Opprettet fra vedtak i referatet." } },
    },
    select: { id: true },
  });
  return { ok: true, id: action.id };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Draft minutes to the body's members for comment: status, and one queued e-mail per member with an address. */
export async function sendMinutesForComment(tx: Tx, meetingId: string, link: string, now = new Date()): Promise<{ ok: true; recipients: number; queued: number } | { ok: false; message: string }> {
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
  const m = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      startsAt: true,
      body: { select: { name: true, memberships: membershipsForInvitees } },
      minutes: { select: { id: true, status: true, version: true, documentTitle: true } },
    },
  });
  if (!m.minutes) return { ok: false, message: "Møtet har ikke noe referat ennå." };
  if (m.minutes.status === "APPROVED") return { ok: false, message: "Referatet er allerede godkjent." };
  if (notYetHeld(m.startsAt, now)) return { ok: false, message: `${notYetHeldMessage(m.startsAt)} kan sendes til kommentar når møtet har begynt.` };
  await tx.minutes.update({ where: { id: m.minutes.id }, data: { status: "SENT_FOR_COMMENT", sentForCommentAt: now } });
  const title = `${m.minutes.documentTitle} fra ${m.body.name} ${formatDate(m.startsAt)}`;
  const recipients = inviteesAt(m.body.memberships, m.startsAt).filter((r) => r.email);
  // One mail per draft as it reads: edits of items, votes and attendance move the content, not the
  // minutes' version, so an updated draft is sent again and an unchanged one is not.
  const draft = await buildMinutesDocument(tx, meetingId, "internal");
  const content = draft ? minutesContentHash(draft).slice(0, 16) : `v${m.minutes.version}`;
  let queued = 0;
  for (const r of recipients) {
    const text = `Hei ${r.name}\n\nUtkast til ${title.charAt(0).toLowerCase()}${title.slice(1)} er sendt til medlemmene for kommentarer.\nLes og kommenter det her: ${link}\n\nUtkastet er ikke godkjent og skal ikke deles videre.`;
    const mail = await enqueueMail(tx, {
      to: r.email!,
      subject: `Til kommentar: ${title}`,
      text,
      html: `<p>Hei ${escapeHtml(r.name)}</p><p>Utkast til ${escapeHtml(title.charAt(0).toLowerCase() + title.slice(1))} er sendt til medlemmene for kommentarer.</p><p><a href="${escapeHtml(link)}">Les og kommenter utkastet</a></p><p>Utkastet er ikke godkjent og skal ikke deles videre.</p>`,
      dedupeKey: `minutes-comment:${m.minutes.id}:${content}:${r.personId}`,
    });
    if (mail.created) queued++;
  }
  return { ok: true, recipients: recipients.length, queued };
}
