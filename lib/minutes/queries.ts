import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import {
  can,
  canApproveMinutesElectronically,
  canReadExemptContent,
  canReadMeeting,
  canReadMinutes,
  type Viewer,
} from "@/lib/authz/policy";
import { formatDate } from "@/lib/format/dates";
import { osloCalendarDay } from "@/lib/meetings/notice";
import { buildMinutesDocument, itemNumberLabel } from "@/lib/minutes/build";
import { attendanceFingerprint } from "@/lib/minutes/editing";
import { checkMinutes } from "@/lib/minutes/legal-check";
import { minutesContentHash } from "@/lib/minutes/content-hash";
import { responsibleLabel } from "@/lib/follow-up/responsible";
import { cachedApprovedDocument } from "@/lib/minutes/document-cache";

async function loadMeetingScope(meetingId: string) {
  const db = await getDb();
  return db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      status: true,
      noticeSentAt: true,
      body: { select: { councilId: true, council: { select: { slug: true } } } },
      minutes: { select: { status: true, publishedAt: true, signedByChairId: true, version: true, updatedAt: true, _count: { select: { errata: true } } } },
      items: { where: { caseId: { not: null } }, select: { case: { select: { updatedAt: true } } } },
    },
  });
}

function casesChangedAt(items: { case: { updatedAt: Date } | null }[]): Date | null {
  const times = items.flatMap((i) => (i.case ? [i.case.updatedAt.getTime()] : []));
  return times.length ? new Date(Math.max(...times)) : null;
}

/**
 * The referat as the viewer may read it: the internal version for those with exempt rights, the
 * public version otherwise; null when there are no minutes the viewer may read.
 */
export async function getMinutesForViewer(viewer: Viewer | null, councilSlug: string, meetingId: string, opts: { forcePublic?: boolean } = {}) {
  const m = await loadMeetingScope(meetingId);
  if (!m?.minutes || m.body.council.slug !== councilSlug) return null;
  const who = opts.forcePublic ? null : viewer;
  const councilId = m.body.councilId;
  if (!canReadMinutes(who, councilId, m.minutes)) return null;
  const audience = canReadExemptContent(who, councilId) ? "internal" : "public";
  const db = await getDb();
  const build = () => buildMinutesDocument(db, meetingId, audience);
  const doc =
    m.minutes.status === "APPROVED"
      ? await cachedApprovedDocument({ meetingId, audience, updatedAt: m.minutes.updatedAt, errata: m.minutes._count.errata, casesChangedAt: casesChangedAt(m.items) }, build)
      : await build();
  if (!doc) return null;
  const comments =
    doc.status === "SENT_FOR_COMMENT" && who && can(who, "minutes.read.comment", councilId)
      ? await db.minutesComment.findMany({
          where: { minutesId: doc.minutesId },
          orderBy: { createdAt: "asc" },
          select: { id: true, authorName: true, text: true, createdAt: true, userId: true },
        })
      : [];
  const canApprove = doc.status !== "APPROVED" && canApproveMinutesElectronically(who, councilId, m.minutes.signedByChairId);
  // What approval will lock is the full (internal) minutes: their hash goes with the approval form,
  // so that an edit after the page was read is refused. A hash reveals nothing of exempt content.
  const approvalHash = canApprove ? minutesContentHash(audience === "internal" ? doc : (await buildMinutesDocument(db, meetingId, "internal"))!) : null;
  return {
    doc,
    audience,
    comments,
    canComment: doc.status === "SENT_FOR_COMMENT" && can(who, "minutes.read.comment", councilId),
    canApprove,
    approvalHash,
    canManage: can(who, "minutes.manage", councilId),
  };
}

export type MinutesForViewer = NonNullable<Awaited<ReturnType<typeof getMinutesForViewer>>>;

export const MINUTES_PAGE_SIZE = 25;

/** Minutes the viewer may read in a council, newest meeting first, one page at a time. */
export async function listMinutesForViewer(viewer: Viewer | null, councilId: string, page = 1, pageSize = MINUTES_PAGE_SIZE) {
  const statuses: ("APPROVED" | "SENT_FOR_COMMENT" | "DRAFT")[] = [];
  if (can(viewer, "minutes.read.approved", councilId)) statuses.push("APPROVED");
  if (can(viewer, "minutes.read.comment", councilId)) statuses.push("SENT_FOR_COMMENT");
  if (can(viewer, "minutes.read.draft", councilId)) statuses.push("DRAFT");
  const db = await getDb();
  // Asked of the meetings, newest first through the (bodyId, startsAt) index, not of the minutes
  // joined to every meeting.
  const where: Prisma.MeetingWhereInput = {
    body: { councilId },
    minutes: { is: { OR: [{ status: { in: statuses } }, { status: "APPROVED", publishedAt: { not: null } }] } },
  };
  const readable = statuses.length ? Prisma.sql`mi."status"::text IN (${Prisma.join(statuses)})` : Prisma.sql`FALSE`;
  const [total, meetings] = await Promise.all([
    // Counted on the minutes' own copy of the council (migration search_council, not in the
    // client): through "Body" the planner hashed all 48,000 meetings of the national data set.
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Minutes" mi
      WHERE mi."councilId" = ${councilId}
        AND (${readable} OR (mi."status" = 'APPROVED' AND mi."publishedAt" IS NOT NULL))`.then((r) => r[0]?.n ?? 0),
    db.meeting.findMany({
      where,
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        startsAt: true,
        location: true,
        body: { select: { name: true, abbreviation: true } },
        minutes: { select: { status: true, documentTitle: true, approvedAt: true, publishedAt: true, sentForCommentAt: true } },
      },
    }),
  ]);
  const rows = meetings.flatMap((m) => (m.minutes ? [{ ...m.minutes, meeting: m }] : []));
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    rows: rows.map((r) => ({
      meetingId: r.meeting.id,
      startsAt: r.meeting.startsAt,
      location: r.meeting.location,
      bodyName: r.meeting.body.name,
      bodyAbbreviation: r.meeting.body.abbreviation,
      documentTitle: r.documentTitle,
      status: r.status,
      approvedAt: r.approvedAt,
      published: r.publishedAt !== null,
      sentForCommentAt: r.sentForCommentAt,
    })),
  };
}

/** Everything the secretariat's minutes editor needs; null unless the viewer may manage minutes. */
const editorActionSelect = {
  id: true,
  title: true,
  dueDate: true,
  responsibleText: true,
  responsibleBody: { select: { name: true } },
  assignees: { select: { person: { select: { name: true } }, organization: { select: { name: true } } } },
} satisfies Prisma.ActionItemSelect;

export async function getMinutesEditor(viewer: Viewer | null, councilSlug: string, meetingId: string) {
  const db = await getDb();
  const m = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      location: true,
      status: true,
      body: { select: { id: true, name: true, isPolitical: true, publishMinutes: true, councilId: true, caseSeries: { select: { format: true } }, council: { select: { slug: true, name: true } } } },
      minutes: {
        select: {
          id: true,
          status: true,
          version: true,
          documentTitle: true,
          introduction: true,
          signedByChairId: true,
          chairSignatureLabel: true,
          signedBySecretaryId: true,
          secretarySignatureLabel: true,
          sentForCommentAt: true,
          approvedAt: true,
          contentHash: true,
          approvedVersion: true,
          comments: { orderBy: { createdAt: "asc" }, select: { id: true, authorName: true, text: true, createdAt: true } },
          errata: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true } },
        },
      },
      attendances: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          version: true,
          status: true,
          roleLabel: true,
          substituteForId: true,
          arrivedAtItemId: true,
          leftAfterItemId: true,
          note: true,
          isGuest: true,
          isSecretariat: true,
          person: { select: { id: true, name: true } },
          organization: { select: { name: true } },
        },
      },
      // Follow-up tied to a case of the meeting but to no decision: shown under its item, as in the minutes.
      actionItems: { where: { decisionId: null, caseId: { not: null } }, orderBy: { createdAt: "asc" }, select: { ...editorActionSelect, caseId: true } },
      items: {
        where: { status: "ACTIVE" },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          caseId: true,
          version: true,
          number: true,
          year: true,
          title: true,
          type: true,
          presenter: true,
          isClosed: true,
          closedBasis: true,
          minutesNotes: true,
          series: { select: { format: true } },
          approvesMinutesOf: {
            select: { id: true, status: true, version: true, meeting: { select: { id: true, startsAt: true, body: { select: { name: true } } } } },
          },
          decision: {
            select: {
              kind: true,
              text: true,
              voting: true,
              proposals: { orderBy: { position: "asc" }, select: { proposedBy: true, text: true, votesFor: true, votesAgainst: true, votersFor: true, adopted: true } },
              actionItems: { orderBy: { createdAt: "asc" }, select: editorActionSelect },
            },
          },
          disqualifications: { orderBy: { id: "asc" }, select: { personId: true, basis: true } },
          roundTable: { select: { id: true, organizationId: true, text: true, submittedInAdvance: true, version: true } },
          proposedItems: { orderBy: { position: "asc" }, select: { id: true, title: true, status: true, meeting: { select: { startsAt: true, body: { select: { name: true } } } } } },
        },
      },
    },
  });
  if (!m || m.body.council.slug !== councilSlug || !can(viewer, "minutes.manage", m.body.councilId)) return null;
  const councilId = m.body.councilId;
  const day = osloCalendarDay(m.startsAt);
  const [people, bodies, laterMeetings, organizations, checks] = await Promise.all([
    // Everyone who can be responsible, inhabil or a signer: members of the council's bodies,
    // attendees, and the council's own staff in the portal (coordinators get follow-up tasks).
    db.person.findMany({
      where: {
        OR: [{ bodyMemberships: { some: { body: { councilId } } } }, { attendances: { some: { meetingId } } }, { user: { roles: { some: { councilId } } } }],
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true, organization: { select: { name: true } } },
    }),
    db.body.findMany({ where: { councilId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.meeting.findMany({
      where: { body: { councilId }, startsAt: { gt: m.startsAt }, status: { in: ["PLANNED", "NOTICE_SENT"] }, id: { not: m.id } },
      orderBy: { startsAt: "asc" },
      take: 20,
      select: { id: true, startsAt: true, body: { select: { name: true } } },
    }),
    db.councilMember.findMany({
      where: { councilId, validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] },
      orderBy: { organization: { name: "asc" } },
      select: { organization: { select: { id: true, name: true } } },
    }),
    m.minutes ? checkMinutes(db, meetingId) : Promise.resolve(null),
  ]);
  // Earlier minutes of the same body not yet approved: what a "Godkjenning av referat" item can approve.
  const approvableRows = await db.minutes.findMany({
    where: { status: { not: "APPROVED" }, meeting: { bodyId: m.body.id, startsAt: { lt: m.startsAt } } },
    orderBy: { meeting: { startsAt: "desc" } },
    take: 5,
    select: { id: true, version: true, status: true, meeting: { select: { id: true, startsAt: true } } },
  });
  // Each with the hash of its content now, which the approval must still find (see approveMinutes).
  const approvable = await Promise.all(
    approvableRows.map(async (a) => ({ ...a, hash: minutesContentHash((await buildMinutesDocument(db, a.meeting.id, "internal"))!) })),
  );
  const format = m.body.caseSeries?.format ?? "Sak {n}/{yy}";
  const label = (id: string | null) => {
    const i = m.items.find((x) => x.id === id);
    return i ? (itemNumberLabel(i, format) ?? i.title) : null;
  };
  return {
    id: m.id,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    location: m.location,
    status: m.status,
    body: m.body,
    councilSlug: m.body.council.slug,
    minutes: m.minutes,
    fingerprint: attendanceFingerprint(m.attendances),
    attendances: m.attendances.map((a) => ({ ...a, arrivedAtLabel: label(a.arrivedAtItemId), leftAfterLabel: label(a.leftAfterItemId) })),
    items: m.items.map((i) => ({
      id: i.id,
      version: i.version,
      numberLabel: itemNumberLabel(i, format),
      title: i.title,
      type: i.type,
      presenter: i.presenter,
      isClosed: i.isClosed,
      closedBasis: i.closedBasis,
      state: {
        version: i.version,
        notes: i.minutesNotes,
        decisionKind: i.decision?.kind ?? ("VEDTAK" as const),
        decisionText: i.decision?.text ?? "",
        voting: i.decision?.voting ?? ("NONE" as const),
        proposals: i.decision?.proposals ?? [],
        disqualifications: i.disqualifications,
      },
      hasDecision: i.decision !== null,
      actionItems: [...(i.decision?.actionItems ?? []), ...m.actionItems.filter((a) => i.caseId !== null && a.caseId === i.caseId)].map((a) => ({
        id: a.id,
        title: a.title,
        dueDate: a.dueDate,
        responsible: responsibleLabel(a),
      })),
      proposedItems: i.proposedItems.map((p) => ({ id: p.id, title: p.title, status: p.status, meetingLabel: `${p.meeting.body.name} ${formatDate(p.meeting.startsAt)}` })),
      approvesMinutesOf: i.approvesMinutesOf
        ? {
            minutesId: i.approvesMinutesOf.id,
            meetingId: i.approvesMinutesOf.meeting.id,
            status: i.approvesMinutesOf.status,
            version: i.approvesMinutesOf.version,
            meetingLabel: `${i.approvesMinutesOf.meeting.body.name} ${formatDate(i.approvesMinutesOf.meeting.startsAt)}`,
          }
        : null,
      roundTable: i.roundTable,
    })),
    people: people.map((p) => ({ id: p.id, name: p.organization ? `${p.name} (${p.organization.name})` : p.name })),
    bodies,
    laterMeetings: laterMeetings.map((x) => ({ id: x.id, label: `${x.body.name} ${formatDate(x.startsAt)}` })),
    organizations: organizations.map((o) => o.organization),
    approvable: approvable.map((a) => ({ minutesId: a.id, version: a.version, hash: a.hash, status: a.status, meetingId: a.meeting.id, label: formatDate(a.meeting.startsAt) })),
    checks,
  };
}

export type MinutesEditor = NonNullable<Awaited<ReturnType<typeof getMinutesEditor>>>;

/**
 * Whether the approved minutes still hash to what was recorded at approval. The database refuses
 * changes to approved minutes; this shows the reader that nothing slipped past.
 */
export async function verifyMinutesIntegrity(meetingId: string): Promise<boolean | null> {
  const db = await getDb();
  const doc = await buildMinutesDocument(db, meetingId, "internal");
  if (!doc?.approval?.contentHash) return null;
  return minutesContentHash(doc) === doc.approval.contentHash;
}

/** The round-table items of a meeting the viewer can write to, with their own organisations' texts. */
export async function getRoundTableForViewer(viewer: Viewer | null, councilSlug: string, meetingId: string) {
  if (!viewer) return null;
  const db = await getDb();
  const m = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      startsAt: true,
      status: true,
      noticeSentAt: true,
      body: { select: { councilId: true, council: { select: { slug: true } } } },
      minutes: { select: { status: true } },
      items: {
        where: { status: "ACTIVE", type: "RUNDE_RUNDT_BORDET" },
        select: { id: true, title: true, roundTable: { select: { organizationId: true, text: true, version: true, submittedInAdvance: true } } },
      },
    },
  });
  if (!m || m.body.council.slug !== councilSlug || m.items.length === 0) return null;
  const councilId = m.body.councilId;
  if (!canReadMeeting(viewer, { councilId, status: m.status, noticeSentAt: m.noticeSentAt })) return null;
  if (!can(viewer, "roundtable.submit", councilId) || m.minutes?.status === "APPROVED") return null;
  const organizations = await representedOrganizations(viewer, councilId, m.startsAt);
  if (organizations.length === 0) return null;
  return {
    organizations,
    items: m.items.map((i) => ({
      id: i.id,
      title: i.title,
      contributions: organizations.map((o) => {
        const c = i.roundTable.find((r) => r.organizationId === o.id);
        return { organizationId: o.id, organization: o.name, text: c?.text ?? "", version: c?.version ?? null, submittedInAdvance: c?.submittedInAdvance ?? false };
      }),
    })),
  };
}

/** The member organisations the viewer's person represents in the council's bodies on a day. */
export async function representedOrganizations(viewer: Viewer, councilId: string, at: Date): Promise<{ id: string; name: string }[]> {
  if (!viewer.personId) return [];
  const db = await getDb();
  const day = osloCalendarDay(at);
  const rows = await db.bodyMembership.findMany({
    where: {
      personId: viewer.personId,
      organizationId: { not: null },
      body: { councilId },
      validFrom: { lte: day },
      OR: [{ validTo: null }, { validTo: { gte: day } }],
      organization: { councilMemberships: { some: { councilId } } },
    },
    select: { organization: { select: { id: true, name: true } } },
  });
  const unique = new Map(rows.flatMap((r) => (r.organization ? [[r.organization.id, r.organization] as const] : [])));
  return [...unique.values()];
}

export const PUBLISHED_MINUTES_LIMIT = 500;

/** The years the public archive has minutes from, newest first: the choices of its year filter. */
export async function listPublishedMinutesYears(councilId: string): Promise<number[]> {
  const db = await getDb();
  // Distinct years over every published meeting, not over a capped list: twenty years of a council's
  // minutes are more than one page holds, and the oldest years must still be offered.
  const rows = await db.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT extract(year FROM m."startsAt" AT TIME ZONE 'Europe/Oslo')::int AS year
    FROM "Meeting" m JOIN "Body" b ON b."id" = m."bodyId" JOIN "Minutes" mi ON mi."meetingId" = m."id"
    WHERE b."councilId" = ${councilId} AND mi."status" = 'APPROVED' AND mi."publishedAt" IS NOT NULL
    ORDER BY year DESC`;
  return rows.map((r) => r.year);
}

/** Public archive: the council's approved and published minutes, by body and year, newest first. */
export async function listPublishedMinutes(councilId: string, filter: { bodyAbbreviation?: string; year?: number } = {}) {
  const db = await getDb();
  const yearRange = filter.year ? { gte: new Date(Date.UTC(filter.year - 1, 11, 31, 23)), lt: new Date(Date.UTC(filter.year, 11, 31, 23)) } : undefined;
  const rows = await db.meeting.findMany({
    where: {
      body: { councilId, ...(filter.bodyAbbreviation ? { abbreviation: filter.bodyAbbreviation } : {}) },
      minutes: { status: "APPROVED", publishedAt: { not: null } },
      ...(yearRange ? { startsAt: yearRange } : {}),
    },
    orderBy: { startsAt: "desc" },
    take: PUBLISHED_MINUTES_LIMIT,
    select: { id: true, startsAt: true, location: true, body: { select: { name: true, abbreviation: true } }, minutes: { select: { documentTitle: true, approvedAt: true, publishedAt: true } } },
  });
  return rows;
}
