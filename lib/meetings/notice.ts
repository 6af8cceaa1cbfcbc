import "server-only";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { MembershipRole, Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db";
import { CASE_TYPE_LABELS, formatCaseNumber } from "@/lib/cases/case-number";
import { OSLO, formatMeetingTime } from "@/lib/format/dates";
import { usableEmail } from "@/lib/form-fields";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/people/schemas";
import type { FollowUpList, NoticeDocument, NoticeInvitee, NoticeItem } from "@/lib/meetings/notice-model";
import { followUpListFor, followUpListForAudience } from "@/lib/follow-up/snapshot";
import { caseFileReachesMeeting } from "@/lib/attachments/reach";

// Builds the innkalling (NoticeDocument) from the database: one query with nested selects, then
// pure functions. The loaded row is also used by the legal check and by sendNotice, so the notice,
// the check and the mail recipients are computed from the same data.

export type NoticeAudience = "public" | "internal";

export { MEMBERSHIP_ROLE_LABELS } from "@/lib/people/schemas";

const attachmentSelect = {
  id: true,
  fileName: true,
  sizeBytes: true,
  isExempt: true,
  exemptionBasis: true,
  createdAt: true,
} satisfies Prisma.AttachmentSelect;

/** What inviteesAt() needs of a body's memberships; shared with the forfall overview. */
export const membershipsForInvitees = {
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
} satisfies Prisma.Body$membershipsArgs;

export const noticeMeetingSelect = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  location: true,
  remoteUrl: true,
  status: true,
  cancelledReason: true,
  noticeSentAt: true,
  announcedAt: true,
  version: true,
  body: {
    select: {
      id: true,
      name: true,
      abbreviation: true,
      isPolitical: true,
      caseSeries: { select: { format: true } },
      council: { select: { id: true, slug: true, name: true, shortName: true, email: true } },
      // All memberships: validity is checked against the meeting date in memory (a body has tens of rows).
      memberships: membershipsForInvitees,
    },
  },
  items: {
    where: { status: "ACTIVE" },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      position: true,
      number: true,
      year: true,
      title: true,
      type: true,
      presenter: true,
      isClosed: true,
      closedBasis: true,
      noticeText: true,
      approvesMinutesOfId: true,
      isFollowUpList: true,
      followUpSnapshot: true,
      followUpAsOf: true,
      series: { select: { format: true } },
      attachments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: attachmentSelect },
      case: {
        select: {
          id: true,
          isExempt: true,
          exemptionBasis: true,
          presenter: true,
          background: true,
          proposedDecision: true,
          // Attachments tied to another meeting's item of the same case belong to that item.
          attachments: {
            where: { agendaItemId: null },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { ...attachmentSelect, meeting: { select: { id: true, startsAt: true } } },
          },
        },
      },
    },
  },
  _count: { select: { noticeVersions: true } },
} satisfies Prisma.MeetingSelect;

export type NoticeMeetingRow = Prisma.MeetingGetPayload<{ select: typeof noticeMeetingSelect }> & {
  /** The "Oppfølging av vedtak" lists by agenda item id. */
  followUpLists: Record<string, FollowUpList>;
};
export type NoticeItemRow = NoticeMeetingRow["items"][number];
type MembershipRow = NoticeMeetingRow["body"]["memberships"][number];

/** The meeting with everything the notice, the legal check and the mailing need, in one query. */
export async function loadNoticeMeeting(db: Db | Tx, meetingId: string): Promise<NoticeMeetingRow | null> {
  const m = await db.meeting.findUnique({ where: { id: meetingId }, select: noticeMeetingSelect });
  if (!m) return null;
  // A case's file travels on with the case, never back: one uploaded for this meeting must not appear
  // on the notice of an earlier meeting of the case that has gone out already (caseFileReachesMeeting).
  for (const item of m.items) {
    if (item.case) item.case.attachments = item.case.attachments.filter((a) => caseFileReachesMeeting(a.meeting, m));
  }
  const followUpLists: Record<string, FollowUpList> = {};
  for (const item of m.items) {
    const list = await followUpListFor(db, item, m.id);
    if (list) followUpLists[item.id] = list;
  }
  return { ...m, followUpLists };
}

// ───────────────────────────── Invitees ─────────────────────────────

export type NoticeRecipient = {
  membershipId: string;
  personId: string;
  name: string;
  /** A usable address, or null; see invalidEmail. */
  email: string | null;
  /** The registered address, when it is one the outbox would refuse (enqueueMail validates the same way). */
  invalidEmail: string | null;
  organizationId: string | null;
  organization: string | null;
  role: MembershipRole;
  roleLabel: string;
  position: number;
  substitutes: { personId: string; name: string; email: string | null }[];
};


/** The Oslo calendar day of an instant, as the UTC-midnight Date that @db.Date columns hold. */
export function osloCalendarDay(d: Date): Date {
  return new Date(`${format(new TZDate(d, OSLO), "yyyy-MM-dd")}T00:00:00Z`);
}

/** validFrom and validTo are both inclusive calendar days. */
function validOn(m: { validFrom: Date; validTo: Date | null }, day: Date): boolean {
  return m.validFrom.getTime() <= day.getTime() && (m.validTo === null || m.validTo.getTime() >= day.getTime());
}

const VOTING_ROLES: ReadonlySet<MembershipRole> = new Set(["LEDER", "NESTLEDER", "MEDLEM"]);
const ROLE_RANK: Record<MembershipRole, number> = {
  LEDER: 0,
  NESTLEDER: 1,
  MEDLEM: 2,
  OBSERVATOR: 3,
  SEKRETAER: 4,
  VARAMEDLEM: 5,
};

/**
 * The members of the body on the meeting day, grouped by the organisation they represent (groups
 * in the order of their first member's position; people without an organisation, such as the
 * secretariat, last). Varamedlemmer are not invitees: each is listed under the member they are a
 * personal substitute for, or else under the first voting member from the same organisation.
 */
export function inviteesAt(memberships: MembershipRow[], startsAt: Date): NoticeRecipient[] {
  const day = osloCalendarDay(startsAt);
  const current = memberships.filter((m) => validOn(m, day));

  // One row per person: with two overlapping memberships the higher role wins.
  const byPerson = new Map<string, MembershipRow>();
  for (const m of current) {
    if (m.role === "VARAMEDLEM") continue;
    const seen = byPerson.get(m.person.id);
    if (!seen || ROLE_RANK[m.role] < ROLE_RANK[seen.role]) byPerson.set(m.person.id, m);
  }
  const members = [...byPerson.values()].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));

  const groupOrder = new Map<string, number>();
  for (const m of members) if (m.organizationId && !groupOrder.has(m.organizationId)) groupOrder.set(m.organizationId, groupOrder.size);
  const groupIndex = (m: MembershipRow) => (m.organizationId ? (groupOrder.get(m.organizationId) ?? 0) : Number.MAX_SAFE_INTEGER);
  members.sort((a, b) => groupIndex(a) - groupIndex(b) || a.position - b.position || a.id.localeCompare(b.id));

  const recipients: NoticeRecipient[] = members.map((m) => ({
    membershipId: m.id,
    personId: m.person.id,
    name: m.person.name,
    email: usableEmail(m.person.email),
    invalidEmail: m.person.email?.trim() && !usableEmail(m.person.email) ? m.person.email.trim() : null,
    organizationId: m.organizationId,
    organization: m.organization?.name ?? null,
    role: m.role,
    roleLabel: m.roleLabel?.trim() || MEMBERSHIP_ROLE_LABELS[m.role],
    position: m.position,
    substitutes: [],
  }));

  const substitutes = current
    .filter((m) => m.role === "VARAMEDLEM" && !byPerson.has(m.person.id))
    .sort(
      (a, b) =>
        (a.substituteOrder ?? Number.MAX_SAFE_INTEGER) - (b.substituteOrder ?? Number.MAX_SAFE_INTEGER) ||
        a.position - b.position ||
        a.id.localeCompare(b.id),
    );
  for (const s of substitutes) {
    const personal = s.substituteForId ? recipients.find((r) => r.personId === s.substituteForId) : undefined;
    const target =
      personal ??
      (s.organizationId
        ? recipients.find((r) => r.organizationId === s.organizationId && VOTING_ROLES.has(r.role))
        : undefined);
    // A vara with no member to stand in for (the member has left) is not listed; see the report.
    target?.substitutes.push({ personId: s.person.id, name: s.person.name, email: usableEmail(s.person.email) });
  }
  return recipients;
}

// ───────────────────────────── Items ─────────────────────────────

const nonEmpty = (s: string | null | undefined): string | null => (s && s.trim() ? s : null);

export function itemNumberLabel(item: Pick<NoticeItemRow, "number" | "year" | "series">, bodyFormat: string | null): string | null {
  if (item.number === null || item.year === null) return null;
  return formatCaseNumber(item.series?.format ?? bodyFormat ?? "Sak {n}/{yy}", item.number, item.year);
}

/** Exempt (offentleglova) or treated in a closed meeting (kommuneloven § 11-5). */
export function isItemExempt(item: Pick<NoticeItemRow, "isClosed" | "case">): boolean {
  return (item.case?.isExempt ?? false) || item.isClosed;
}

/** The legal basis printed beside an exempt or closed item. */
export function itemExemptionBasis(item: Pick<NoticeItemRow, "isClosed" | "closedBasis" | "case">): string | null {
  const exempt = item.case?.isExempt ? nonEmpty(item.case.exemptionBasis)?.trim() ?? null : null;
  const closed = item.isClosed ? nonEmpty(item.closedBasis)?.trim() ?? null : null;
  if (exempt && closed && exempt !== closed) return `${exempt}; lukket møte: ${closed}`;
  return exempt ?? closed;
}

/** The item's own attachments and its case's, without duplicates. */
export function itemAttachments(item: NoticeItemRow): NoticeItemRow["attachments"] {
  const seen = new Set<string>();
  const all = [...item.attachments, ...(item.case?.attachments ?? [])].filter((a) => !seen.has(a.id) && seen.add(a.id));
  return all.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

function noticeItem(item: NoticeItemRow, audience: NoticeAudience, bodyFormat: string | null, followUp: FollowUpList | undefined): NoticeItem {
  const exempt = isItemExempt(item);
  const redacted = exempt && audience === "public";
  const attachments = redacted
    ? []
    : itemAttachments(item)
        .filter((a) => audience === "internal" || !a.isExempt)
        .map((a) => ({ id: a.id, fileName: a.fileName, sizeBytes: a.sizeBytes }));
  return {
    numberLabel: itemNumberLabel(item, bodyFormat),
    title: item.title,
    typeLabel: CASE_TYPE_LABELS[item.type] ?? item.type,
    // The presenter of an exempt case could hint at its content, so the public version drops it.
    presenter: redacted ? null : nonEmpty(item.presenter ?? item.case?.presenter ?? null),
    redacted,
    exemptionBasis: exempt ? itemExemptionBasis(item) : null,
    noticeText: redacted ? null : nonEmpty(item.noticeText),
    background: redacted ? null : nonEmpty(item.case?.background),
    proposedDecision: redacted ? null : nonEmpty(item.case?.proposedDecision),
    attachments,
    ...(followUp && !redacted ? { followUp: followUpListForAudience(followUp, audience) } : {}),
  };
}

// ───────────────────────────── Document ─────────────────────────────

export function absenceInstructions(councilEmail: string | null): string {
  const to = councilEmail?.trim() ? `til sekretariatet (${councilEmail.trim()})` : "til sekretariatet";
  return `Meld forfall så snart som mulig via lenken i e-posten eller ${to}, så varamedlem kan kalles inn.`;
}

export function publicNoticeUrl(baseUrl: string, councilSlug: string, meetingId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/r/${councilSlug}/moter/${meetingId}`;
}

/** The NoticeDocument from an already loaded row (see loadNoticeMeeting). */
export function toNoticeDocument(
  m: NoticeMeetingRow,
  opts: { audience: NoticeAudience; baseUrl?: string },
): NoticeDocument {
  const bodyFormat = m.body.caseSeries?.format ?? null;
  const invitees: NoticeInvitee[] = inviteesAt(m.body.memberships, m.startsAt).map((r) => ({
    organization: r.organization,
    name: r.name,
    role: r.roleLabel,
    substitutes: r.substitutes.map((s) => s.name),
  }));
  return {
    meetingId: m.id,
    councilName: m.body.council.name,
    bodyName: m.body.name,
    isPolitical: m.body.isPolitical,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    timeLabel: formatMeetingTime(m.startsAt, m.endsAt),
    location: nonEmpty(m.location)?.trim() ?? null,
    remoteUrl: nonEmpty(m.remoteUrl)?.trim() ?? null,
    invitees,
    items: m.items.map((item) => noticeItem(item, opts.audience, bodyFormat, m.followUpLists[item.id])),
    absenceInstructions: absenceInstructions(m.body.council.email),
    sentAt: m.noticeSentAt,
    url: opts.baseUrl ? publicNoticeUrl(opts.baseUrl, m.body.council.slug, m.id) : null,
    version: m._count.noticeVersions,
    cancelled: m.status === "CANCELLED" ? { reason: nonEmpty(m.cancelledReason)?.trim() ?? null } : null,
  };
}

/**
 * The innkalling of a meeting, or null when there is no such meeting. "public" removes all exempt
 * content (exempt cases, closed items, exempt attachments); "internal" is for the secretariat and
 * members with access to exempt papers.
 */
export async function buildNoticeDocument(
  db: Db | Tx,
  meetingId: string,
  opts: { audience: NoticeAudience; baseUrl?: string },
): Promise<NoticeDocument | null> {
  const m = await loadNoticeMeeting(db, meetingId);
  return m ? toNoticeDocument(m, opts) : null;
}
