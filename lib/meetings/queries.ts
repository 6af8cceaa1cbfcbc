import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  can,
  canReadExemptContent,
  canReadMeeting,
  canReadMinutes,
  isNoticePublished,
  type Viewer,
} from "@/lib/authz/policy";
import { formatCaseNumber } from "@/lib/cases/case-number";
import { osloLocalToDate } from "@/lib/format/dates";
import { publicMeetingWhere } from "@/lib/open-data/selects";
import { osloCalendarDay } from "@/lib/meetings/notice";

export const MEETING_STATUS_LABELS: Record<string, string> = {
  PLANNED: "Planlagt",
  NOTICE_SENT: "Innkalling sendt",
  HELD: "Avholdt",
  MINUTES_DRAFT: "Referat under arbeid",
  MINUTES_APPROVED: "Referat godkjent",
  CANCELLED: "Avlyst",
};

export const ATTENDANCE_LABELS: Record<string, string> = {
  PRESENT: "Møtt",
  REMOTE: "Deltok på Teams",
  ABSENT: "Forfall",
  SUBSTITUTE: "Vara",
};

// Which meetings of a council a viewer may list, as a where-clause: drafts only with the permission,
// and otherwise the meetings the public meeting page shows: a meeting once its notice is sent, or once
// its minutes are approved and published (a meeting known only from its minutes, such as one held
// before the portal). A members-only meeting without a notice, whose minutes members may read before
// publication, is reached from the minutes list, not from these lists.
function readableMeetings(viewer: Viewer | null, councilId: string): Prisma.MeetingWhereInput {
  return can(viewer, "meeting.read.draft", councilId) ? { body: { councilId } } : publicMeetingWhere(councilId);
}

const meetingListSelect = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  location: true,
  status: true,
  noticeSentAt: true,
  cancelledReason: true,
  body: { select: { name: true, abbreviation: true } },
  minutes: { select: { status: true, publishedAt: true } },
} satisfies Prisma.MeetingSelect;

export async function listBodies(councilId: string) {
  const db = await getDb();
  return db.body.findMany({ where: { councilId }, orderBy: [{ isPolitical: "desc" }, { name: "asc" }], select: { name: true, abbreviation: true } });
}

export const MEETING_LIST_LIMIT = 200;

/** "2026-03": from midnight on the 1st in Oslo to midnight on the 1st of the next month. */
function osloMonthRange(month: string): { gte: Date; lt: Date } {
  const [y, m] = month.split("-").map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return { gte: osloLocalToDate(`${month}-01`, "00:00"), lt: osloLocalToDate(`${next}-01`, "00:00") };
}

export async function listMeetingsForCouncil(
  viewer: Viewer | null,
  councilId: string,
  opts: { publicOnly?: boolean; bodyAbbreviation?: string; month?: string } = {},
) {
  const db = await getDb();
  const base = opts.publicOnly ? publicMeetingWhere(councilId) : readableMeetings(viewer, councilId);
  const where: Prisma.MeetingWhereInput = {
    AND: [base, ...(opts.bodyAbbreviation ? [{ body: { abbreviation: opts.bodyAbbreviation } }] : []), ...(opts.month ? [{ startsAt: osloMonthRange(opts.month) }] : [])],
  };
  // The newest first, and no more than a screen can hold: a month calendar asks for its month
  // instead, since twenty years of a council's meetings are far more than this.
  const rows = await db.meeting.findMany({ where, orderBy: { startsAt: "desc" }, select: meetingListSelect, take: MEETING_LIST_LIMIT });
  return rows.map((m) => ({
    ...m,
    minutesPublished: m.minutes?.status === "APPROVED" && m.minutes.publishedAt !== null,
  }));
}

/**
 * The public møteplan beyond the published meetings: the time and body of each coming or planned
 * meeting whose notice is not sent, as the ICS feed has them, and nothing else (no place, no agenda).
 */
export async function listPlannedMeetingTimes(councilId: string, opts: { bodyAbbreviation?: string; month?: string; from?: Date }) {
  const db = await getDb();
  const rows = await db.meeting.findMany({
    where: {
      AND: [
        { body: { councilId, ...(opts.bodyAbbreviation ? { abbreviation: opts.bodyAbbreviation } : {}) } },
        { NOT: publicMeetingWhere(councilId) },
        { status: { not: "CANCELLED" } },
        ...(opts.month ? [{ startsAt: osloMonthRange(opts.month) }] : []),
        ...(opts.from ? [{ startsAt: { gte: opts.from } }] : []),
      ],
    },
    orderBy: { startsAt: "asc" },
    take: 50,
    select: { id: true, startsAt: true, status: true, body: { select: { name: true, abbreviation: true } } },
  });
  return rows.map((m) => ({ ...m, planned: true as const }));
}

// The signed-in user's coming meetings across their councils.
export async function listUpcomingMeetingsForViewer(viewer: Viewer, now = new Date()) {
  if (viewer.councils.length === 0) return [];
  const db = await getDb();
  const rows = await db.meeting.findMany({
    where: {
      startsAt: { gte: now },
      status: { not: "CANCELLED" },
      OR: viewer.councils.map((c) => readableMeetings(viewer, c.councilId)),
    },
    orderBy: { startsAt: "asc" },
    take: 10,
    select: { ...meetingListSelect, body: { select: { name: true, abbreviation: true, council: { select: { slug: true, name: true } } } } },
  });
  return rows;
}

type ItemRow = Prisma.AgendaItemGetPayload<{ select: typeof itemSelect }>;
const itemSelect = {
  id: true,
  position: true,
  number: true,
  year: true,
  title: true,
  type: true,
  presenter: true,
  status: true,
  isClosed: true,
  closedBasis: true,
  noticeText: true,
  minutesNotes: true,
  outcome: true,
  case: { select: { id: true, isExempt: true, exemptionBasis: true, background: true, proposedDecision: true } },
  decision: { select: { kind: true, text: true, voting: true } },
} satisfies Prisma.AgendaItemSelect;

function itemView(row: ItemRow, opts: { showExempt: boolean; showMinutes: boolean; numberFormat: string }) {
  const isExempt = row.case?.isExempt ?? false;
  const redacted = (isExempt || row.isClosed) && !opts.showExempt;
  return {
    id: row.id,
    position: row.position,
    numberLabel:
      row.number !== null && row.year !== null
        ? formatCaseNumber(opts.numberFormat, row.number, row.year)
        : null,
    title: row.title,
    type: row.type,
    // The presenter of a withheld item could hint at its content, as on the notice.
    presenter: redacted ? null : row.presenter,
    status: row.status,
    isExempt,
    exemptionBasis: row.case?.exemptionBasis ?? null,
    isClosed: row.isClosed,
    closedBasis: row.closedBasis,
    redacted,
    // Exempt content is stripped here, before it can reach any page.
    noticeText: redacted ? null : row.noticeText,
    background: redacted ? null : (row.case?.background ?? null),
    proposedDecision: redacted ? null : (row.case?.proposedDecision ?? null),
    minutesNotes: redacted || !opts.showMinutes ? null : row.minutesNotes,
    decision: redacted || !opts.showMinutes ? null : row.decision,
    outcome: opts.showMinutes ? row.outcome : null,
  };
}

export type MeetingItemView = ReturnType<typeof itemView>;

/**
 * One meeting as the viewer may see it, or null. Pass `null` as viewer for the public version.
 * Agenda content needs the notice to be sent (or draft rights); minutes need minutes rights;
 * exempt content needs case.read.exempt.
 */
// Cached per request: the page and its metadata ask for the same meeting.
export const getMeetingView = cache(async function getMeetingView(viewer: Viewer | null, councilSlug: string, meetingId: string) {
  const db = await getDb();
  const m = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      location: true,
      remoteUrl: true,
      status: true,
      noticeSentAt: true,
      cancelledReason: true,
      changeNote: true,
      body: {
        select: {
          name: true,
          abbreviation: true,
          isPolitical: true,
          caseSeries: { select: { format: true } },
          council: { select: { id: true, slug: true, name: true } },
        },
      },
      minutes: {
        select: {
          status: true,
          documentTitle: true,
          introduction: true,
          approvedAt: true,
          publishedAt: true,
          approvalMethod: true,
          contentHash: true,
          chairSignatureLabel: true,
          secretarySignatureLabel: true,
          signedByChairId: true,
          signedBySecretaryId: true,
          errata: { select: { id: true, text: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        },
      },
      items: { where: { status: { not: "WITHDRAWN" } }, orderBy: { position: "asc" }, select: itemSelect },
      attendances: {
        orderBy: [{ position: "asc" }],
        select: {
          id: true,
          status: true,
          roleLabel: true,
          isGuest: true,
          isSecretariat: true,
          note: true,
          person: { select: { id: true, name: true, title: true } },
          organization: { select: { name: true } },
          substituteFor: { select: { name: true } },
        },
      },
    },
  });
  if (!m || m.body.council.slug !== councilSlug) return null;
  const councilId = m.body.council.id;
  if (!canReadMeeting(viewer, { councilId, status: m.status, noticeSentAt: m.noticeSentAt })) return null;

  const showMinutes = m.minutes ? canReadMinutes(viewer, councilId, m.minutes) : false;
  const showExempt = canReadExemptContent(viewer, councilId);
  const showDrafts = can(viewer, "meeting.read.draft", councilId);
  const signerIds = [m.minutes?.signedByChairId, m.minutes?.signedBySecretaryId].filter((x): x is string => !!x);
  const signers = showMinutes && signerIds.length
    ? await db.person.findMany({ where: { id: { in: signerIds } }, select: { id: true, name: true } })
    : [];
  const people = new Map(signers.map((p) => [p.id, p.name]));

  return {
    id: m.id,
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    location: m.location,
    remoteUrl: m.remoteUrl,
    status: m.status,
    noticeSentAt: m.noticeSentAt,
    noticePublished: isNoticePublished(m),
    cancelledReason: m.cancelledReason,
    changeNote: m.changeNote,
    body: { name: m.body.name, abbreviation: m.body.abbreviation, isPolitical: m.body.isPolitical },
    council: m.body.council,
    items: m.items.filter((i) => showDrafts || i.status === "ACTIVE").map((i) => itemView(i, { showExempt, showMinutes, numberFormat: m.body.caseSeries?.format ?? "Sak {n}/{yy}" })),
    attendances: showMinutes ? m.attendances : [],
    minutes:
      m.minutes && showMinutes
        ? {
            status: m.minutes.status,
            documentTitle: m.minutes.documentTitle,
            introduction: m.minutes.introduction,
            approvedAt: m.minutes.approvedAt,
            publishedAt: m.minutes.publishedAt,
            contentHash: m.minutes.contentHash,
            errata: m.minutes.errata,
            chair: m.minutes.signedByChairId
              ? { name: people.get(m.minutes.signedByChairId) ?? null, label: m.minutes.chairSignatureLabel }
              : null,
            secretary: m.minutes.signedBySecretaryId
              ? { name: people.get(m.minutes.signedBySecretaryId) ?? null, label: m.minutes.secretarySignatureLabel }
              : null,
          }
        : null,
  };
});

export type MeetingView = NonNullable<Awaited<ReturnType<typeof getMeetingView>>>;

/** Coming meetings of the council after `after`, open for new items: targets for proposals and saksgang. */
async function listLaterMeetings(councilId: string, after: Date, excludeId: string) {
  const db = await getDb();
  return db.meeting.findMany({
    where: { body: { councilId }, startsAt: { gt: after }, status: { in: ["PLANNED", "NOTICE_SENT"] }, id: { not: excludeId } },
    orderBy: { startsAt: "asc" },
    take: 20,
    select: { id: true, startsAt: true, body: { select: { name: true } } },
  });
}

/** Everything the agenda editor needs; null unless the viewer may manage meetings in the council. */
export async function getAgendaEditor(viewer: Viewer | null, councilSlug: string, meetingId: string) {
  const db = await getDb();
  const m = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      location: true,
      remoteUrl: true,
      status: true,
      version: true,
      noticeSentAt: true,
      cancelledReason: true,
      changeNote: true,
      body: { select: { id: true, name: true, isPolitical: true, councilId: true, caseSeries: { select: { format: true } }, council: { select: { slug: true, name: true } } } },
      items: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          number: true,
          year: true,
          title: true,
          type: true,
          presenter: true,
          status: true,
          isClosed: true,
          caseId: true,
          case: { select: { isExempt: true, exemptionBasis: true } },
          proposedFromMeeting: { select: { startsAt: true, body: { select: { name: true } } } },
          _count: { select: { attachments: true } },
        },
      },
      proposedItems: {
        select: { id: true, title: true, meeting: { select: { id: true, startsAt: true, body: { select: { name: true } } } } },
      },
    },
  });
  if (!m || m.body.council.slug !== councilSlug || !can(viewer, "meeting.manage", m.body.councilId)) return null;
  const format = m.body.caseSeries?.format ?? "Sak {n}/{yy}";
  // Meetings this one can propose items to: the council's coming meetings, other than itself.
  const targets = await listLaterMeetings(m.body.councilId, m.startsAt, m.id);
  return {
    ...m,
    items: m.items.map((i) => ({
      ...i,
      numberLabel: i.number !== null && i.year !== null ? formatCaseNumber(format, i.number, i.year) : null,
    })),
    targets,
  };
}

export type AgendaEditor = NonNullable<Awaited<ReturnType<typeof getAgendaEditor>>>;

export async function getItemEditor(viewer: Viewer | null, councilSlug: string, itemId: string) {
  const db = await getDb();
  const item = await db.agendaItem.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      version: true,
      number: true,
      year: true,
      title: true,
      type: true,
      presenter: true,
      status: true,
      noticeText: true,
      isClosed: true,
      closedBasis: true,
      meeting: { select: { id: true, startsAt: true, status: true, body: { select: { name: true, councilId: true, caseSeries: { select: { format: true } }, council: { select: { slug: true } } } } } },
      case: {
        select: {
          id: true,
          version: true,
          background: true,
          proposedDecision: true,
          isExempt: true,
          exemptionBasis: true,
          referencesTo: { select: { id: true, label: true, toCaseId: true } },
          attachments: { select: { id: true, fileName: true, sizeBytes: true, contentType: true, isExempt: true, exemptionBasis: true }, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  if (!item || item.meeting.body.council.slug !== councilSlug || !can(viewer, "meeting.manage", item.meeting.body.councilId)) return null;
  const [forwardTargets, sentItems] = await Promise.all([
    item.case ? listLaterMeetings(item.meeting.body.councilId, item.meeting.startsAt, item.meeting.id) : Promise.resolve([]),
    // Whether the case's files have gone out with a notice (here or in another meeting): then they stay on record.
    db.agendaItem.count({ where: { ...(item.case ? { caseId: item.case.id } : { id: item.id }), meeting: { noticeSentAt: { not: null } } } }),
  ]);
  return {
    ...item,
    numberLabel:
      item.number !== null && item.year !== null
        ? formatCaseNumber(item.meeting.body.caseSeries?.format ?? "Sak {n}/{yy}", item.number, item.year)
        : null,
    forwardTargets,
    attachmentsSent: sentItems > 0,
  };
}

export type ItemEditor = NonNullable<Awaited<ReturnType<typeof getItemEditor>>>;

export async function listBodiesForMeetingForm(viewer: Viewer | null, councilId: string) {
  if (!can(viewer, "meeting.manage", councilId)) return [];
  const db = await getDb();
  // A body wound up from a date keeps its past meetings, but is offered for new ones only until then.
  const today = osloCalendarDay(new Date());
  return db.body.findMany({ where: { councilId, OR: [{ activeTo: null }, { activeTo: { gte: today } }] }, orderBy: [{ isPolitical: "desc" }, { name: "asc" }], select: { id: true, name: true } });
}

/**
 * The innkalling as the viewer may read it: the internal version (with exempt papers) for those with
 * exempt rights, the public version for everyone else; null when the meeting is not readable.
 */
export async function getNoticeForViewer(viewer: Viewer | null, councilSlug: string, meetingId: string, opts: { forcePublic?: boolean; baseUrl?: string } = {}) {
  const db = await getDb();
  const m = await db.meeting.findUnique({
    where: { id: meetingId },
    select: { status: true, noticeSentAt: true, body: { select: { councilId: true, council: { select: { slug: true } } } } },
  });
  if (!m || m.body.council.slug !== councilSlug) return null;
  const councilId = m.body.councilId;
  if (!canReadMeeting(opts.forcePublic ? null : viewer, { councilId, status: m.status, noticeSentAt: m.noticeSentAt })) return null;
  const audience = !opts.forcePublic && canReadExemptContent(viewer, councilId) ? "internal" : "public";
  const { buildNoticeDocument } = await import("@/lib/meetings/notice");
  const doc = await buildNoticeDocument(db, meetingId, { audience, baseUrl: opts.baseUrl });
  return doc ? { doc, audience } : null;
}

/** Meetings for an ICS feed: published ones for the public, of one body or the whole council. */
export async function listFeedMeetings(councilSlug: string, bodyAbbreviation?: string) {
  const db = await getDb();
  const council = await db.council.findUnique({ where: { slug: councilSlug }, select: { id: true, name: true } });
  if (!council) return null;
  const body = bodyAbbreviation
    ? await db.body.findFirst({ where: { councilId: council.id, abbreviation: bodyAbbreviation }, select: { id: true, name: true } })
    : null;
  if (bodyAbbreviation && !body) return null;
  // The møteplan is public: every meeting's time, drafts included. The place, the link and the page
  // come with the notice (or the published minutes), as on the public calendar.
  // The newest thousand: a subscriber wants what is coming, not the first years of the archive.
  const meetings = await db.meeting.findMany({
    where: { body: body ? { id: body.id } : { councilId: council.id } },
    orderBy: { startsAt: "desc" },
    take: 1000,
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      location: true,
      remoteUrl: true,
      status: true,
      version: true,
      noticeSentAt: true,
      minutes: { select: { status: true, publishedAt: true } },
      body: { select: { name: true } },
    },
  });
  return {
    name: body ? `${body.name} – ${council.name}` : council.name,
    meetings: meetings.map(({ minutes, ...m }) => ({ ...m, isPublic: m.noticeSentAt !== null || (minutes?.status === "APPROVED" && minutes.publishedAt !== null) })),
  };
}

/** The legal check and who has answered, for the secretariat's sending panel. */
export async function getSendingPanel(viewer: Viewer | null, councilId: string, meetingId: string) {
  if (!can(viewer, "meeting.manage", councilId)) return null;
  const db = await getDb();
  const [{ checkNotice }, { listInvitationResponses }] = await Promise.all([import("@/lib/meetings/legal-check"), import("@/lib/meetings/absence")]);
  const [checks, responses, versions] = await Promise.all([
    checkNotice(db, meetingId),
    listInvitationResponses(db, meetingId),
    db.noticeVersion.findMany({ where: { meetingId }, orderBy: { number: "desc" }, select: { number: true, sentAt: true, changes: true } }),
  ]);
  return { checks, responses, versions };
}

/**
 * What a council has published, newest first: notices when sent, minutes when approved and
 * published. For the Atom feed; titles and times only, never item content.
 */
export async function listPublications(councilId: string, take = 50) {
  const db = await getDb();
  const [notices, minutes] = await Promise.all([
    db.meeting.findMany({
      where: { body: { councilId }, noticeSentAt: { not: null } },
      orderBy: { noticeSentAt: "desc" },
      take,
      select: { id: true, startsAt: true, noticeSentAt: true, location: true, body: { select: { name: true } } },
    }),
    db.meeting.findMany({
      where: { body: { councilId }, minutes: { status: "APPROVED", publishedAt: { not: null } } },
      orderBy: { minutes: { publishedAt: "desc" } },
      take,
      select: { id: true, startsAt: true, body: { select: { name: true } }, minutes: { select: { documentTitle: true, publishedAt: true } } },
    }),
  ]);
  return [
    ...notices.map((m) => ({ kind: "notice" as const, meetingId: m.id, bodyName: m.body.name, startsAt: m.startsAt, at: m.noticeSentAt!, location: m.location, title: "Innkalling" })),
    ...minutes.map((m) => ({ kind: "minutes" as const, meetingId: m.id, bodyName: m.body.name, startsAt: m.startsAt, at: m.minutes!.publishedAt!, location: null, title: m.minutes!.documentTitle })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, take);
}
