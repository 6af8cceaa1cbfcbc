import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db";
import { CASE_TYPE_LABELS, formatCaseNumber } from "@/lib/cases/case-number";
import { formatDate, formatMeetingTime } from "@/lib/format/dates";
import { osloCalendarDay } from "@/lib/meetings/notice";
import type { MinutesAudience, MinutesDocument, MinutesItem } from "@/lib/minutes/minutes-model";
import { followUpListFor, followUpListForAudience } from "@/lib/follow-up/snapshot";
import type { FollowUpList } from "@/lib/meetings/notice-model";
import { compareNb } from "@/lib/format/collate";
import { responsibleLabel } from "@/lib/follow-up/responsible";

// Builds the referat (MinutesDocument) from the database in one query plus two small lookups, then
// pure functions. The same object is rendered as HTML and PDF and hashed at approval.

export const DECISION_HEADINGS = {
  VEDTAK: "Vedtak",
  INNSTILLING: "Innstilling",
  KONKLUSJON: "Oppsummering av innspill og konklusjon",
} as const;

const minutesActionSelect = {
  title: true,
  dueDate: true,
  responsibleText: true,
  responsibleBody: { select: { name: true } },
  assignees: { orderBy: [{ isLead: "desc" }, { id: "asc" }], select: { person: { select: { name: true } }, organization: { select: { name: true } } } },
} satisfies Prisma.ActionItemSelect;

const itemLabelSelect = { number: true, year: true, position: true, title: true, series: { select: { format: true } } } satisfies Prisma.AgendaItemSelect;

export const minutesMeetingSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  location: true,
  remoteUrl: true,
  body: {
    select: {
      name: true,
      isPolitical: true,
      councilId: true,
      caseSeries: { select: { format: true } },
      council: { select: { name: true } },
    },
  },
  minutes: {
    select: {
      id: true,
      status: true,
      version: true,
      documentTitle: true,
      introduction: true,
      approvedAt: true,
      approvalMethod: true,
      approvedVersion: true,
      approvedByName: true,
      contentHash: true,
      publishedAt: true,
      chairSignatureLabel: true,
      secretarySignatureLabel: true,
      signedByChairId: true,
      signedBySecretaryId: true,
      errata: { orderBy: { createdAt: "asc" }, select: { text: true, createdAt: true } },
      approvedBy: {
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { ...itemLabelSelect, meeting: { select: { startsAt: true, body: { select: { name: true } } } } },
      },
    },
  },
  attendances: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      status: true,
      roleLabel: true,
      isGuest: true,
      isSecretariat: true,
      note: true,
      person: { select: { name: true, title: true } },
      organization: { select: { name: true } },
      substituteFor: { select: { name: true } },
      arrivedAtItem: { select: itemLabelSelect },
      leftAfterItem: { select: itemLabelSelect },
    },
  },
  // Follow-up tied to a case of this meeting but to no decision (an "Eventuelt" without one, or
  // imported so): printed under its item all the same, not lost between the minutes and the list.
  actionItems: { where: { decisionId: null, caseId: { not: null } }, orderBy: { createdAt: "asc" }, select: { ...minutesActionSelect, caseId: true } },
  items: {
    where: { status: "ACTIVE" },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      caseId: true,
      number: true,
      year: true,
      title: true,
      type: true,
      presenter: true,
      isClosed: true,
      closedBasis: true,
      noticeText: true,
      minutesNotes: true,
      isFollowUpList: true,
      followUpSnapshot: true,
      followUpAsOf: true,
      series: { select: { format: true } },
      case: { select: { isExempt: true, exemptionBasis: true } },
      approvesMinutesOf: { select: { meeting: { select: { startsAt: true, body: { select: { name: true } } } } } },
      decision: {
        select: {
          kind: true,
          text: true,
          voting: true,
          proposals: {
            orderBy: { position: "asc" },
            select: { proposedBy: true, text: true, votesFor: true, votesAgainst: true, votersFor: true, adopted: true },
          },
          actionItems: { orderBy: { createdAt: "asc" }, select: minutesActionSelect },
        },
      },
      disqualifications: { orderBy: { id: "asc" }, select: { basis: true, person: { select: { name: true } } } },
      roundTable: { select: { text: true, submittedInAdvance: true, organizationId: true, organization: { select: { name: true } } } },
      proposedItems: {
        where: { status: { not: "WITHDRAWN" } },
        orderBy: { position: "asc" },
        select: { title: true, meeting: { select: { startsAt: true, body: { select: { name: true } } } } },
      },
    },
  },
} satisfies Prisma.MeetingSelect;

export type MinutesMeetingRow = Prisma.MeetingGetPayload<{ select: typeof minutesMeetingSelect }>;

type LabelRow = { number: number | null; year: number | null; title: string; series: { format: string } | null };

export function itemNumberLabel(row: LabelRow, fallbackFormat: string): string | null {
  if (row.number === null || row.year === null) return null;
  return formatCaseNumber(row.series?.format ?? fallbackFormat, row.number, row.year);
}

function meetingLabel(m: { startsAt: Date; body: { name: string } }): string {
  return `${m.body.name} ${formatDate(m.startsAt)}`;
}

/** The member organisations of the council on the meeting day: who should speak in a round-table item. */
async function councilOrganizationsAt(db: Db | Tx, councilId: string, startsAt: Date) {
  const day = osloCalendarDay(startsAt);
  const rows = await db.councilMember.findMany({
    where: { councilId, validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] },
    orderBy: { organization: { name: "asc" } },
    select: { organization: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.organization);
}

export async function loadMinutesMeeting(db: Db | Tx, meetingId: string): Promise<MinutesMeetingRow | null> {
  return db.meeting.findUnique({ where: { id: meetingId }, select: minutesMeetingSelect });
}

/** The minutes of a meeting as `audience` may read them; null when the meeting has no minutes. */
export async function buildMinutesDocument(db: Db | Tx, meetingId: string, audience: MinutesAudience): Promise<MinutesDocument | null> {
  const m = await loadMinutesMeeting(db, meetingId);
  if (!m?.minutes) return null;
  const hasRoundTable = m.items.some((i) => i.type === "RUNDE_RUNDT_BORDET");
  const signerIds = [m.minutes.signedByChairId, m.minutes.signedBySecretaryId].filter((x): x is string => !!x);
  const [organizations, signers] = await Promise.all([
    hasRoundTable ? councilOrganizationsAt(db, m.body.councilId, m.startsAt) : Promise.resolve([]),
    signerIds.length ? db.person.findMany({ where: { id: { in: signerIds } }, select: { id: true, name: true } }) : Promise.resolve([]),
  ]);
  const followUpLists: Record<string, FollowUpList> = {};
  for (const item of m.items) {
    const list = await followUpListFor(db, item, m.id);
    if (list) followUpLists[item.id] = list;
  }
  return minutesDocumentFromRow(m, audience, { organizations, signers, followUpLists });
}

export function minutesDocumentFromRow(
  m: MinutesMeetingRow,
  audience: MinutesAudience,
  extra: { organizations: { id: string; name: string }[]; signers: { id: string; name: string }[]; followUpLists?: Record<string, FollowUpList> },
): MinutesDocument | null {
  const minutes = m.minutes;
  if (!minutes) return null;
  const format = m.body.caseSeries?.format ?? "Sak {n}/{yy}";
  const label = (row: LabelRow | null) => (row ? (itemNumberLabel(row, format) ?? row.title) : null);
  const people = new Map(extra.signers.map((p) => [p.id, p.name]));

  const items: MinutesItem[] = m.items.map((i) => {
    const isExempt = i.case?.isExempt ?? false;
    const redacted = audience === "public" && (isExempt || i.isClosed);
    const base = {
      id: i.id,
      numberLabel: itemNumberLabel(i, format),
      title: i.title,
      type: i.type,
      typeLabel: CASE_TYPE_LABELS[i.type] ?? i.type,
      // The presenter of a withheld item could hint at its content, as on the notice.
      presenter: redacted ? null : i.presenter,
      redacted,
      exemptionBasis: i.case?.exemptionBasis ?? null,
      isClosed: i.isClosed,
      closedBasis: i.closedBasis,
    };
    if (redacted) {
      return {
        ...base,
        noticeText: null,
        notes: null,
        decision: null,
        disqualifications: [],
        roundTable: [],
        roundTableMissing: [],
        actionItems: [],
        proposedItems: [],
        approvesMinutesOf: null,
      };
    }
    const reported = new Set(i.roundTable.map((r) => r.organizationId));
    return {
      ...base,
      noticeText: i.noticeText || null,
      notes: i.minutesNotes || null,
      decision:
        i.decision && (i.decision.text.trim() || i.decision.voting !== "NONE")
        ? {
            kind: i.decision.kind,
            heading: DECISION_HEADINGS[i.decision.kind],
            text: i.decision.text,
            voting: i.decision.voting,
            proposals: i.decision.voting === "VOTERING" ? i.decision.proposals : [],
          }
        : null,
      disqualifications: i.disqualifications.map((d) => ({ name: d.person.name, basis: d.basis })),
      roundTable:
        i.type === "RUNDE_RUNDT_BORDET"
          ? [...i.roundTable]
              .sort((a, b) => compareNb(a.organization.name, b.organization.name))
              .map((r) => ({ organization: r.organization.name, text: r.text, submittedInAdvance: r.submittedInAdvance }))
          : [],
      roundTableMissing: i.type === "RUNDE_RUNDT_BORDET" ? extra.organizations.filter((o) => !reported.has(o.id)).map((o) => o.name) : [],
      actionItems: [...(i.decision?.actionItems ?? []), ...m.actionItems.filter((a) => i.caseId !== null && a.caseId === i.caseId)].map((a) => ({
        title: a.title,
        responsible: responsibleLabel(a),
        dueDate: a.dueDate,
      })),
      proposedItems: i.proposedItems.map((p) => ({ title: p.title, meetingLabel: meetingLabel(p.meeting) })),
      approvesMinutesOf: i.approvesMinutesOf ? { meetingLabel: meetingLabel(i.approvesMinutesOf.meeting) } : null,
      ...(extra.followUpLists?.[i.id] ? { followUpList: followUpListForAudience(extra.followUpLists[i.id], audience) } : {}),
    };
  });

  const approvingItem = minutes.approvedBy[0] ?? null;
  const approval =
    minutes.status === "APPROVED" && minutes.approvedAt
      ? {
          approvedAt: minutes.approvedAt,
          method: minutes.approvalMethod,
          label:
            minutes.approvalMethod === "NEXT_MEETING" && approvingItem
              ? `Godkjent i ${label(approvingItem)} i møtet i ${meetingLabel(approvingItem.meeting)}`
              : minutes.approvalMethod === "ELECTRONIC"
                ? `Godkjent elektronisk${minutes.approvedByName ? ` av ${minutes.approvedByName}` : ""} ${formatDate(minutes.approvedAt)}`
                : `Godkjent ${formatDate(minutes.approvedAt)}`,
          approvedVersion: minutes.approvedVersion,
          contentHash: minutes.contentHash,
        }
      : null;

  const signatures: { name: string; label: string }[] = [];
  for (const [id, lbl] of [
    [minutes.signedByChairId, minutes.chairSignatureLabel],
    [minutes.signedBySecretaryId, minutes.secretarySignatureLabel],
  ] as const) {
    const name = id ? people.get(id) : undefined;
    if (name) signatures.push({ name, label: lbl ?? "" });
  }

  return {
    meetingId: m.id,
    minutesId: minutes.id,
    audience,
    councilName: m.body.council.name,
    bodyName: m.body.name,
    isPolitical: m.body.isPolitical,
    documentTitle: minutes.documentTitle,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    timeLabel: formatMeetingTime(m.startsAt, m.endsAt),
    location: m.location,
    remoteUrl: audience === "public" ? null : m.remoteUrl,
    participants: m.attendances.map((a) => ({
      organization: a.organization?.name ?? null,
      name: a.person.name,
      role: a.roleLabel ?? a.person.title ?? "",
      status: a.status,
      substituteFor: a.substituteFor?.name ?? null,
      isGuest: a.isGuest,
      isSecretariat: a.isSecretariat,
      arrivedAt: label(a.arrivedAtItem),
      leftAfter: label(a.leftAfterItem),
      note: a.note,
    })),
    introduction: minutes.introduction,
    items,
    signatures,
    status: minutes.status,
    version: minutes.version,
    approval,
    errata: minutes.errata,
    publishedAt: minutes.publishedAt,
  };
}
