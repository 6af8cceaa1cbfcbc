import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// What "public" means for the API, as where-clauses. The rules are those of the public pages
// (lib/authz/policy.ts, lib/meetings/queries.ts, lib/attachments/queries.ts) for a visitor who is
// not signed in: a meeting once its notice is sent (isNoticePublished) or its minutes are approved
// and published (as /r/<råd>/moter/<id> shows it), only ACTIVE items, never exempt attachments, and
// people only as the public council page shows them.

const noticeSent = {
  OR: [{ noticeSentAt: { not: null } }, { minutes: { status: "APPROVED", publishedAt: { not: null } } }],
} satisfies Prisma.MeetingWhereInput;

export function publicMeetingWhere(councilId?: string): Prisma.MeetingWhereInput {
  return councilId ? { ...noticeSent, body: { councilId } } : noticeSent;
}

export const publicItemWhere = { status: "ACTIVE", meeting: noticeSent } satisfies Prisma.AgendaItemWhereInput;
// Treated in an open meeting: what a closed item (kommuneloven § 11-5) is not.
const openPublicItemWhere = { ...publicItemWhere, isClosed: false } satisfies Prisma.AgendaItemWhereInput;
export const closedActiveItemWhere = { status: "ACTIVE", isClosed: true } satisfies Prisma.AgendaItemWhereInput;

export function publicCaseWhere(councilId?: string): Prisma.CaseWhereInput {
  return { ...(councilId ? { councilId } : {}), items: { some: publicItemWhere } };
}

/**
 * Attachments a visitor may both find and download. The last clause is the download route's own
 * rule (getAttachmentForDownload with no viewer), so every accessUrl we hand out works; the others
 * keep files of exempt cases, closed items and unpublished items out of the listing altogether.
 */
export function publicFileWhere(councilId?: string): Prisma.AttachmentWhereInput {
  return {
    ...(councilId ? { councilId } : {}),
    actionItemId: null,
    isExempt: false,
    AND: [
      // A case treated behind closed doors in any meeting keeps its papers, as its public page does.
      { OR: [{ caseId: null }, { case: { isExempt: false, items: { some: openPublicItemWhere, none: closedActiveItemWhere } } }] },
      { OR: [{ agendaItemId: null }, { agendaItem: openPublicItemWhere }] },
      // A case's file is public once the meeting it was uploaded for is (lib/attachments/reach.ts): not
      // through an earlier meeting of the case that went out before it was added.
      { OR: [{ meeting: noticeSent }, { meetingId: null, case: { items: { some: { meeting: noticeSent } } } }] },
    ],
  };
}

// As getCouncilAbout: bodies active and memberships valid on `today`, Oslo's calendar day
// (osloCalendarDay), both ends inclusive: a member is one on their last day, not before their first.
export function activeBodyWhere(today: Date, councilId?: string): Prisma.BodyWhereInput {
  return {
    ...(councilId ? { councilId } : {}),
    AND: [{ OR: [{ activeFrom: null }, { activeFrom: { lte: today } }] }, { OR: [{ activeTo: null }, { activeTo: { gte: today } }] }],
  };
}

const validOn = (today: Date) => ({ validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gte: today } }] }) satisfies Prisma.BodyMembershipWhereInput;

export function currentMembershipWhere(today: Date, councilId?: string): Prisma.BodyMembershipWhereInput {
  return { ...validOn(today), body: activeBodyWhere(today, councilId) };
}

export const councilSelect = {
  id: true,
  slug: true,
  name: true,
  shortName: true,
  websiteUrl: true,
  email: true,
  legalBasis: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CouncilSelect;

export const fileSelect = {
  id: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  createdAt: true,
  meetingId: true,
  caseId: true,
  agendaItemId: true,
  meeting: { select: { noticeSentAt: true } },
} satisfies Prisma.AttachmentSelect;

const minutesStateSelect = { select: { status: true, publishedAt: true, updatedAt: true, documentTitle: true } } as const;

const itemSelect = {
  id: true,
  position: true,
  number: true,
  year: true,
  title: true,
  isClosed: true,
  closedBasis: true,
  noticeText: true,
  outcome: true,
  createdAt: true,
  updatedAt: true,
  meetingId: true,
  caseId: true,
  series: { select: { format: true } },
  case: { select: { isExempt: true, exemptionBasis: true } },
  decision: { select: { kind: true, text: true } },
  attachments: { where: publicFileWhere(), orderBy: { id: "asc" }, select: fileSelect },
} satisfies Prisma.AgendaItemSelect;

const meetingContextSelect = {
  id: true,
  bodyId: true,
  noticeSentAt: true,
  body: { select: { councilId: true, caseSeries: { select: { format: true } }, council: { select: { slug: true } } } },
  minutes: minutesStateSelect,
} satisfies Prisma.MeetingSelect;

export const meetingSelect = {
  ...meetingContextSelect,
  title: true,
  startsAt: true,
  endsAt: true,
  location: true,
  status: true,
  noticeSentAt: true,
  createdAt: true,
  updatedAt: true,
  body: { select: { ...meetingContextSelect.body.select, name: true } },
  items: { where: { status: "ACTIVE" }, orderBy: [{ position: "asc" }, { id: "asc" }], select: itemSelect },
  // Files on the meeting itself; case and item files are listed with their paper and item.
  attachments: { where: { ...publicFileWhere(), caseId: null, agendaItemId: null }, orderBy: { id: "asc" }, select: fileSelect },
} satisfies Prisma.MeetingSelect;

export const agendaItemSelect = { ...itemSelect, meeting: { select: meetingContextSelect } } satisfies Prisma.AgendaItemSelect;

export const consultationSelect = {
  id: true,
  caseId: true,
  meetingId: true,
  isClosed: true,
  createdAt: true,
  updatedAt: true,
  case: { select: { isExempt: true } },
  decision: { select: { kind: true } },
  meeting: { select: { bodyId: true, body: { select: { councilId: true } }, minutes: minutesStateSelect } },
} satisfies Prisma.AgendaItemSelect;

export const paperSelect = {
  id: true,
  title: true,
  type: true,
  number: true,
  year: true,
  isExempt: true,
  exemptionBasis: true,
  background: true,
  proposedDecision: true,
  createdAt: true,
  updatedAt: true,
  councilId: true,
  council: { select: { slug: true } },
  series: { select: { format: true } },
  items: { where: publicItemWhere, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: consultationSelect },
  attachments: { where: publicFileWhere(), orderBy: { id: "asc" }, select: fileSelect },
  // Closed items in meetings not public yet count too: the case page withholds the papers as soon as one exists.
  _count: { select: { items: { where: closedActiveItemWhere } } },
} satisfies Prisma.CaseSelect;

export const organizationSelect = (today: Date) => ({
  id: true,
  name: true,
  abbreviation: true,
  kind: true,
  isPolitical: true,
  parentBodyId: true,
  activeFrom: true,
  activeTo: true,
  createdAt: true,
  updatedAt: true,
  council: { select: { slug: true } },
  // Which of them are shown is decided with the body's own activity, as on the public page.
  memberships: { where: validOn(today), orderBy: { id: "asc" }, select: { id: true } },
}) satisfies Prisma.BodySelect;

export const membershipSelect = {
  id: true,
  role: true,
  roleLabel: true,
  validFrom: true,
  validTo: true,
  bodyId: true,
  personId: true,
  organization: { select: { name: true } },
  body: { select: { createdAt: true, updatedAt: true } },
  person: { select: { createdAt: true, updatedAt: true } },
} satisfies Prisma.BodyMembershipSelect;

// Names only: the public council page shows a person's name and roles, never contact details.
export function personSelect(today: Date) {
  return {
    id: true,
    name: true,
    createdAt: true,
    updatedAt: true,
    bodyMemberships: { where: currentMembershipWhere(today), orderBy: { id: "asc" }, select: membershipSelect },
  } satisfies Prisma.PersonSelect;
}

export const locationSelect = { id: true, location: true, createdAt: true, updatedAt: true } satisfies Prisma.MeetingSelect;

export type FileRow = Prisma.AttachmentGetPayload<{ select: typeof fileSelect }>;
export type MeetingRow = Prisma.MeetingGetPayload<{ select: typeof meetingSelect }>;
export type AgendaItemRow = Prisma.AgendaItemGetPayload<{ select: typeof agendaItemSelect }>;
export type ItemRow = Omit<AgendaItemRow, "meeting">;
export type MeetingContext = Prisma.MeetingGetPayload<{ select: typeof meetingContextSelect }>;
export type ConsultationRow = Prisma.AgendaItemGetPayload<{ select: typeof consultationSelect }>;
export type PaperRow = Prisma.CaseGetPayload<{ select: typeof paperSelect }>;
export type OrganizationRow = Prisma.BodyGetPayload<{ select: ReturnType<typeof organizationSelect> }>;
export type MembershipRow = Prisma.BodyMembershipGetPayload<{ select: typeof membershipSelect }>;
export type PersonRow = Prisma.PersonGetPayload<{ select: ReturnType<typeof personSelect> }>;
export type CouncilRow = Prisma.CouncilGetPayload<{ select: typeof councilSelect }>;
export type LocationRow = Prisma.MeetingGetPayload<{ select: typeof locationSelect }>;
