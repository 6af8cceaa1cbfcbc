import "server-only";
import type { AttendanceStatus } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db";
import { formatMeetingTime } from "@/lib/format/dates";
import { writeAudit } from "@/lib/server/audit";
import { inviteesAt, membershipsForInvitees, osloCalendarDay } from "@/lib/meetings/notice";

// Forfall: the personal link in the innkalling (/forfall/<token>) lets an invitee report absence or
// confirm attendance without signing in. The token is the only credential, so it is long and random
// (32 bytes), looked up by its unique index, and stops working once the meeting has started.

export type InvitationResponse = "ABSENT" | "PRESENT";

export const RESPONSE_LABELS: Record<AttendanceStatus, string> = {
  PRESENT: "Bekreftet oppmøte",
  REMOTE: "Deltar digitalt",
  ABSENT: "Forfall",
  SUBSTITUTE: "Vara",
};
export const NO_RESPONSE_LABEL = "Ikke svart";
export const NOT_INVITED_LABEL = "Ikke invitert (mangler e-postadresse)";
// Before the notice is sent nobody is invited yet: saying that an address is missing would send the
// secretariat looking for addresses that are there.
export const NOTICE_NOT_SENT_LABEL = "Innkallingen er ikke sendt ennå";
// Has an address now but got no invitation: added to the body, or given the address, after the
// notice was sent. Which of the two is not recorded, so the label does not guess.
export const NOT_INVITED_WITH_EMAIL_LABEL = "Ikke invitert";

const MAX_COMMENT = 1000;
// randomBytes(32).toString("base64url") is 43 characters; anything else cannot be a token.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type InvitationView = {
  meetingId: string;
  councilName: string;
  councilSlug: string;
  bodyName: string;
  meetingTitle: string | null;
  startsAt: Date;
  endsAt: Date | null;
  timeLabel: string;
  location: string | null;
  remoteUrl: string | null;
  cancelled: boolean;
  personName: string;
  response: AttendanceStatus | null;
  comment: string | null;
  respondedAt: Date | null;
  /** False once the meeting has started or when it is cancelled. */
  canRespond: boolean;
};

const invitationSelect = {
  id: true,
  personId: true,
  response: true,
  comment: true,
  respondedAt: true,
  person: { select: { name: true } },
  meeting: {
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      location: true,
      remoteUrl: true,
      status: true,
      body: { select: { id: true, name: true, council: { select: { id: true, name: true, slug: true } } } },
    },
  },
} as const;

async function findInvitation(db: Db | Tx, token: string) {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return null;
  return db.invitation.findUnique({ where: { token }, select: invitationSelect });
}

/** The invitation behind a forfall link, as a plain object, or null for an unknown token. */
export async function getInvitationByToken(db: Db | Tx, token: string, now: Date = new Date()): Promise<InvitationView | null> {
  const inv = await findInvitation(db, token);
  if (!inv) return null;
  const m = inv.meeting;
  const cancelled = m.status === "CANCELLED";
  return {
    meetingId: m.id,
    councilName: m.body.council.name,
    councilSlug: m.body.council.slug,
    bodyName: m.body.name,
    meetingTitle: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    timeLabel: formatMeetingTime(m.startsAt, m.endsAt),
    location: m.location,
    remoteUrl: m.remoteUrl,
    cancelled,
    personName: inv.person.name,
    response: inv.response,
    comment: inv.comment,
    respondedAt: inv.respondedAt,
    canRespond: !cancelled && m.startsAt.getTime() > now.getTime(),
  };
}

export type RespondResult =
  | { ok: true; response: InvitationResponse }
  | { ok: false; reason: "not-found" | "started" | "cancelled"; message: string };

/**
 * Records the answer on the invitation and in the meeting's attendance (the participants table of
 * the minutes): ABSENT with the comment as note, or PRESENT. Refused for unknown tokens, cancelled
 * meetings and meetings that have started.
 */
export async function respondToInvitation(
  db: Db,
  token: string,
  response: InvitationResponse,
  comment?: string,
  now: Date = new Date(),
): Promise<RespondResult> {
  if (response !== "ABSENT" && response !== "PRESENT") throw new Error(`Ugyldig svar: ${String(response)}`);
  const note = comment?.replace(/\r\n?/g, "\n").trim().slice(0, MAX_COMMENT) || null;

  return db.$transaction(async (tx): Promise<RespondResult> => {
    const inv = await findInvitation(tx, token);
    if (!inv) return { ok: false, reason: "not-found", message: "Lenken er ugyldig eller utløpt." };
    const m = inv.meeting;
    if (m.status === "CANCELLED") {
      return { ok: false, reason: "cancelled", message: "Møtet er avlyst." };
    }
    if (m.startsAt.getTime() <= now.getTime()) {
      return {
        ok: false,
        reason: "started",
        message: "Møtet har allerede startet. Kontakt sekretariatet direkte for å melde forfall.",
      };
    }

    // The membership on the meeting day gives organisation and role for the participants table.
    const memberships = await tx.bodyMembership.findMany({
      where: { bodyId: m.body.id, personId: inv.personId, validFrom: { lte: osloCalendarDay(m.startsAt) } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: {
        id: true,
        role: true,
        roleLabel: true,
        position: true,
        validFrom: true,
        validTo: true,
        substituteOrder: true,
        substituteForId: true,
        organizationId: true,
        organization: { select: { name: true } },
        person: { select: { id: true, name: true, email: true } },
      },
    });
    const membership = inviteesAt(memberships, m.startsAt)[0] ?? null;

    const previous = { response: inv.response, comment: inv.comment, respondedAt: inv.respondedAt };
    await tx.invitation.update({
      where: { id: inv.id },
      data: { response, comment: note, respondedAt: now },
    });
    await tx.attendance.upsert({
      where: { meetingId_personId: { meetingId: m.id, personId: inv.personId } },
      create: {
        meetingId: m.id,
        personId: inv.personId,
        organizationId: membership?.organizationId ?? null,
        roleLabel: membership?.roleLabel ?? null,
        status: response,
        note,
        isSecretariat: membership?.role === "SEKRETAER",
        position: membership?.position ?? 0,
      },
      update: { status: response, note, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actor: inv.person.name,
      councilId: m.body.council.id,
      action: "meeting.absence.report",
      entityType: "Invitation",
      entityId: inv.id,
      before: previous,
      after: { meetingId: m.id, personId: inv.personId, response, comment: note, respondedAt: now },
    });
    return { ok: true, response };
  });
}

export type InvitationResponseRow = {
  personId: string;
  name: string;
  organization: string | null;
  role: string | null;
  email: string | null;
  invited: boolean;
  response: AttendanceStatus | null;
  /** "Forfall", "Bekreftet oppmøte", "Ikke svart" or "Ikke invitert (mangler e-postadresse)". */
  responseLabel: string;
  comment: string | null;
  respondedAt: Date | null;
};

/**
 * For the secretariat: every invitee of the meeting with their answer. Current members come first in
 * notice order (those without e-mail marked as not invited), then anyone else who got an invitation.
 */
export async function listInvitationResponses(db: Db | Tx, meetingId: string): Promise<InvitationResponseRow[]> {
  const m = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      startsAt: true,
      noticeSentAt: true,
      body: {
        select: {
          memberships: membershipsForInvitees,
        },
      },
      invitations: {
        orderBy: [{ person: { name: "asc" } }, { id: "asc" }],
        select: {
          personId: true,
          response: true,
          comment: true,
          respondedAt: true,
          person: { select: { name: true, email: true, organization: { select: { name: true } } } },
        },
      },
    },
  });
  if (!m) return [];
  const invitationOf = new Map(m.invitations.map((i) => [i.personId, i]));
  const label = (inv: (typeof m.invitations)[number] | undefined, email: string | null) =>
    inv ? (inv.response ? RESPONSE_LABELS[inv.response] : NO_RESPONSE_LABEL)
    : !m.noticeSentAt ? NOTICE_NOT_SENT_LABEL
    : email ? NOT_INVITED_WITH_EMAIL_LABEL
    : NOT_INVITED_LABEL;

  const rows: InvitationResponseRow[] = inviteesAt(m.body.memberships, m.startsAt).map((r) => {
    const inv = invitationOf.get(r.personId);
    return {
      personId: r.personId,
      name: r.name,
      organization: r.organization,
      role: r.roleLabel,
      email: r.email,
      invited: !!inv,
      response: inv?.response ?? null,
      responseLabel: label(inv, r.email),
      comment: inv?.comment ?? null,
      respondedAt: inv?.respondedAt ?? null,
    };
  });
  const listed = new Set(rows.map((r) => r.personId));
  for (const inv of m.invitations) {
    if (listed.has(inv.personId)) continue;
    rows.push({
      personId: inv.personId,
      name: inv.person.name,
      organization: inv.person.organization?.name ?? null,
      role: null,
      email: inv.person.email,
      invited: true,
      response: inv.response,
      responseLabel: label(inv, inv.person.email),
      comment: inv.comment,
      respondedAt: inv.respondedAt,
    });
  }
  return rows;
}
