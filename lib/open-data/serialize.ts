import "server-only";
import { canReadExemptContent, canReadMinutes } from "@/lib/authz/policy";
import { CASE_TYPE_LABELS, formatCaseNumber } from "@/lib/cases/case-number";
import { BODY_KIND_LABELS, MEMBERSHIP_ROLE_LABELS } from "@/lib/councils/queries";
import { formatDate } from "@/lib/format/dates";
import { MEETING_STATUS_LABELS } from "@/lib/meetings/queries";
import { MINUTES_FILE_PREFIX, NOTICE_FILE_PREFIX, OPARL_VERSION, typeUri, type Urls } from "@/lib/open-data/urls";
import type {
  ConsultationRow,
  CouncilRow,
  FileRow,
  ItemRow,
  LocationRow,
  MeetingContext,
  MeetingRow,
  MembershipRow,
  OrganizationRow,
  PaperRow,
  PersonRow,
} from "@/lib/open-data/selects";

// Rows (already limited to public data by lib/open-data/selects.ts) to OParl 1.1 objects. Field
// names are OParl's; our own additions carry the vendor prefix "ipr:", as OParl allows. Exempt and
// closed content is dropped here as well, so a select that grew a field cannot leak it.

type Json = Record<string, unknown>;

const iso = (d: Date) => d.toISOString();
// @db.Date columns are UTC midnight; the calendar day is the UTC day.
const day = (d: Date) => d.toISOString().slice(0, 10);
const later = (a: Date, b: Date) => (a > b ? a : b);
const DEFAULT_FORMAT = "Sak {n}/{yy}";
const isHttpUrl = (s: string | null | undefined): s is string => !!s && /^https?:\/\/\S+$/.test(s);
// The public view: no viewer, so exempt content never shows (kept as a call so the policy decides).
const showExempt = (councilId: string) => canReadExemptContent(null, councilId);

type MinutesState = { status: string; publishedAt: Date | null; updatedAt: Date; documentTitle: string } | null;
const minutesPublic = (councilId: string, minutes: MinutesState) => (minutes ? canReadMinutes(null, councilId, minutes) : false);

export function serializeSystem(u: Urls, created: Date, modified: Date): Json {
  return {
    id: u.system,
    type: typeUri("System"),
    oparlVersion: OPARL_VERSION,
    body: u.bodies,
    name: "IPR-portalen",
    website: u.base,
    created: iso(created),
    modified: iso(modified),
  };
}

export function serializeBody(u: Urls, c: CouncilRow): Json {
  return {
    id: u.body(c.slug),
    type: typeUri("Body"),
    system: u.system,
    name: c.name,
    ...(c.shortName ? { shortName: c.shortName } : {}),
    ...(isHttpUrl(c.websiteUrl) ? { website: c.websiteUrl } : {}),
    ...(c.email ? { contactEmail: c.email } : {}),
    classification: "Interkommunalt politisk råd",
    organization: u.bodyList(c.slug, "organization"),
    person: u.bodyList(c.slug, "person"),
    meeting: u.bodyList(c.slug, "meeting"),
    paper: u.bodyList(c.slug, "paper"),
    // Councils have no legislative terms of their own; OParl requires the list, so it is empty.
    legislativeTerm: [],
    agendaItem: u.bodyList(c.slug, "agenda-item"),
    consultation: u.bodyList(c.slug, "consultation"),
    file: u.bodyList(c.slug, "file"),
    locationList: u.bodyList(c.slug, "location"),
    membership: u.bodyList(c.slug, "membership"),
    "ipr:legalBasis": c.legalBasis,
    web: u.councilPage(c.slug),
    created: iso(c.createdAt),
    modified: iso(c.updatedAt),
  };
}

export function serializeOrganization(u: Urls, b: OrganizationRow, today: Date): Json {
  const active = (!b.activeFrom || b.activeFrom <= today) && (!b.activeTo || b.activeTo >= today);
  return {
    id: u.organization(b.id),
    type: typeUri("Organization"),
    body: u.body(b.council.slug),
    name: b.name,
    shortName: b.abbreviation,
    membership: active ? b.memberships.map((m) => u.membership(m.id)) : [],
    meeting: u.organizationMeetings(b.id),
    ...(b.parentBodyId ? { subOrganizationOf: u.organization(b.parentBodyId) } : {}),
    organizationType: b.isPolitical ? "Politisk organ" : "Administrativt organ",
    classification: BODY_KIND_LABELS[b.kind] ?? b.kind,
    ...(b.activeFrom ? { startDate: day(b.activeFrom) } : {}),
    ...(b.activeTo ? { endDate: day(b.activeTo) } : {}),
    created: iso(b.createdAt),
    modified: iso(b.updatedAt),
  };
}

// Who may vote in the body's decisions; a varamedlem only when meeting for a member.
const VOTING_ROLES = new Set(["LEDER", "NESTLEDER", "MEDLEM"]);

export function serializeMembership(u: Urls, m: MembershipRow, opts: { embedded: boolean }): Json {
  return {
    id: u.membership(m.id),
    type: typeUri("Membership"),
    // Inside a Person the back reference is left out, as in the specification's examples.
    ...(opts.embedded ? {} : { person: u.person(m.personId) }),
    organization: u.organization(m.bodyId),
    role: m.roleLabel ?? MEMBERSHIP_ROLE_LABELS[m.role] ?? m.role,
    votingRight: VOTING_ROLES.has(m.role),
    startDate: day(m.validFrom),
    ...(m.validTo ? { endDate: day(m.validTo) } : {}),
    ...(m.organization ? { "ipr:onBehalfOfName": m.organization.name } : {}),
    // Memberships have no timestamps of their own; they cannot be older or newer than their parts.
    created: iso(later(m.body.createdAt, m.person.createdAt)),
    modified: iso(later(m.body.updatedAt, m.person.updatedAt)),
  };
}

export function serializePerson(u: Urls, p: PersonRow): Json {
  return {
    id: u.person(p.id),
    type: typeUri("Person"),
    name: p.name,
    membership: p.bodyMemberships.map((m) => serializeMembership(u, m, { embedded: true })),
    created: iso(p.createdAt),
    modified: iso(p.updatedAt),
  };
}

export function serializeFile(u: Urls, f: FileRow): Json {
  return {
    id: u.file(f.id),
    type: typeUri("File"),
    name: f.fileName,
    fileName: f.fileName,
    mimeType: f.contentType,
    size: f.sizeBytes,
    accessUrl: u.download(f.id),
    downloadUrl: u.download(f.id),
    ...(f.meetingId && f.meeting?.noticeSentAt ? { meeting: [u.meeting(f.meetingId)] } : {}),
    ...(f.agendaItemId ? { agendaItem: [u.agendaItem(f.agendaItemId)] } : {}),
    ...(f.caseId ? { paper: [u.paper(f.caseId)] } : {}),
    // OParl knows sha1 and sha512; we store SHA-256.
    "ipr:sha256Checksum": f.sha256,
    created: iso(f.createdAt),
    // Uploads are never changed, only replaced.
    modified: iso(f.createdAt),
  };
}

type DocumentMeeting = { id: string; updatedAt: Date; noticeSentAt: Date | null; body: { councilId: string; council: { slug: string } }; minutes: MinutesState };

/** The public innkalling as a File; null before the notice is sent. */
export function noticeFile(u: Urls, m: DocumentMeeting): Json | null {
  if (!m.noticeSentAt) return null;
  return {
    id: u.file(`${NOTICE_FILE_PREFIX}${m.id}`),
    type: typeUri("File"),
    name: "Innkalling",
    fileName: "innkalling.pdf",
    mimeType: "application/pdf",
    accessUrl: u.noticePdf(m.body.council.slug, m.id),
    meeting: [u.meeting(m.id)],
    created: iso(m.noticeSentAt),
    modified: iso(later(m.noticeSentAt, m.updatedAt)),
  };
}

/** The public referat as a File; null until the minutes are approved and published. */
export function minutesFile(u: Urls, m: DocumentMeeting): Json | null {
  if (!m.minutes || !m.minutes.publishedAt || !minutesPublic(m.body.councilId, m.minutes)) return null;
  return {
    id: u.file(`${MINUTES_FILE_PREFIX}${m.id}`),
    type: typeUri("File"),
    name: m.minutes.documentTitle,
    fileName: "referat.pdf",
    mimeType: "application/pdf",
    accessUrl: u.minutesPdf(m.body.council.slug, m.id),
    meeting: [u.meeting(m.id)],
    created: iso(m.minutes.publishedAt),
    modified: iso(later(m.minutes.publishedAt, m.minutes.updatedAt)),
  };
}

export function serializeLocation(u: Urls, m: LocationRow): Json {
  return {
    id: u.location(m.id),
    type: typeUri("Location"),
    description: m.location ?? "",
    created: iso(m.createdAt),
    modified: iso(m.updatedAt),
  };
}

export function serializeAgendaItem(u: Urls, i: ItemRow, ctx: MeetingContext, opts: { embedded: boolean }): Json {
  const councilId = ctx.body.councilId;
  const redacted = (i.isClosed || (i.case?.isExempt ?? false)) && !showExempt(councilId);
  const minutes = minutesPublic(councilId, ctx.minutes);
  const format = i.series?.format ?? ctx.body.caseSeries?.format ?? DEFAULT_FORMAT;
  const files = redacted ? [] : i.attachments.map((f) => serializeFile(u, f));
  return {
    id: u.agendaItem(i.id),
    type: typeUri("AgendaItem"),
    ...(opts.embedded ? {} : { meeting: u.meeting(i.meetingId) }),
    ...(i.number !== null && i.year !== null ? { number: formatCaseNumber(format, i.number, i.year) } : {}),
    order: i.position,
    name: i.title,
    public: !i.isClosed,
    ...(i.caseId ? { consultation: u.consultation(i.id) } : {}),
    // As the public meeting page: the outcome with published minutes, the decision only if not exempt.
    ...(minutes && i.outcome ? { result: i.outcome } : {}),
    ...(minutes && !redacted && i.decision ? { resolutionText: i.decision.text } : {}),
    ...(files.length ? { auxiliaryFile: files } : {}),
    // The notice text was published only if the notice was sent (minutes alone do not publish it).
    ...(!redacted && i.noticeText && ctx.noticeSentAt ? { "ipr:noticeText": i.noticeText } : {}),
    ...(i.isClosed && i.closedBasis ? { "ipr:closedBasis": i.closedBasis } : {}),
    ...(i.case?.isExempt && i.case.exemptionBasis ? { "ipr:exemptionBasis": i.case.exemptionBasis } : {}),
    created: iso(i.createdAt),
    modified: iso(i.updatedAt),
  };
}

export function serializeMeeting(u: Urls, m: MeetingRow): Json {
  const invitation = noticeFile(u, m);
  const resultsProtocol = minutesFile(u, m);
  return {
    id: u.meeting(m.id),
    type: typeUri("Meeting"),
    name: m.title ?? `${m.body.name} ${formatDate(m.startsAt)}`,
    meetingState: MEETING_STATUS_LABELS[m.status] ?? m.status,
    cancelled: m.status === "CANCELLED",
    start: iso(m.startsAt),
    ...(m.endsAt ? { end: iso(m.endsAt) } : {}),
    ...(m.location ? { location: serializeLocation(u, m) } : {}),
    organization: [u.organization(m.bodyId)],
    ...(invitation ? { invitation } : {}),
    ...(resultsProtocol ? { resultsProtocol } : {}),
    ...(m.attachments.length ? { auxiliaryFile: m.attachments.map((f) => serializeFile(u, f)) } : {}),
    agendaItem: m.items.map((i) => serializeAgendaItem(u, i, m, { embedded: true })),
    web: u.meetingPage(m.body.council.slug, m.id),
    created: iso(m.createdAt),
    modified: iso(m.updatedAt),
  };
}

const CONSULTATION_ROLES: Record<string, string> = { VEDTAK: "Vedtak", INNSTILLING: "Innstilling", KONKLUSJON: "Drøfting" };

export function serializeConsultation(u: Urls, paperId: string, i: ConsultationRow, opts: { embedded: boolean }): Json {
  const councilId = i.meeting.body.councilId;
  const redacted = (i.isClosed || (i.case?.isExempt ?? false)) && !showExempt(councilId);
  const kind = minutesPublic(councilId, i.meeting.minutes) && !redacted ? i.decision?.kind : undefined;
  return {
    id: u.consultation(i.id),
    type: typeUri("Consultation"),
    ...(opts.embedded ? {} : { paper: u.paper(paperId) }),
    agendaItem: u.agendaItem(i.id),
    meeting: u.meeting(i.meetingId),
    organization: [u.organization(i.meeting.bodyId)],
    ...(kind ? { authoritative: kind === "VEDTAK", role: CONSULTATION_ROLES[kind] ?? kind } : {}),
    created: iso(i.createdAt),
    modified: iso(i.updatedAt),
  };
}

export function serializePaper(u: Urls, c: PaperRow): Json {
  // Exempt cases, and cases treated behind closed doors in any meeting, show their title and basis only, as on the case page.
  const redacted = (c.isExempt || c._count.items > 0) && !showExempt(c.councilId);
  const files = redacted ? [] : c.attachments.map((f) => serializeFile(u, f));
  return {
    id: u.paper(c.id),
    type: typeUri("Paper"),
    body: u.body(c.council.slug),
    name: c.title,
    ...(c.number !== null ? { reference: formatCaseNumber(c.series?.format ?? DEFAULT_FORMAT, c.number, c.year) } : {}),
    paperType: CASE_TYPE_LABELS[c.type] ?? c.type,
    ...(files.length ? { auxiliaryFile: files } : {}),
    consultation: c.items.map((i) => serializeConsultation(u, c.id, i, { embedded: true })),
    ...(!redacted && c.background ? { "ipr:background": c.background } : {}),
    ...(!redacted && c.proposedDecision ? { "ipr:proposedDecision": c.proposedDecision } : {}),
    ...(c.isExempt && c.exemptionBasis ? { "ipr:exemptionBasis": c.exemptionBasis } : {}),
    created: iso(c.createdAt),
    modified: iso(c.updatedAt),
  };
}
