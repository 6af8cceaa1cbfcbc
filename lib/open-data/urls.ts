import "server-only";

// Every URL the API hands out is built here, so the scheme documented in the README has one source.
// Paths use our database ids (cuids); a Body is a council and is addressed by its slug.

export const OPARL_VERSION = "https://schema.oparl.org/1.1/";
export const API_PATH = "/api/oparl/v1";

export const OPARL_TYPES = [
  "System",
  "Body",
  "Organization",
  "Person",
  "Membership",
  "Meeting",
  "AgendaItem",
  "Paper",
  "Consultation",
  "File",
  "Location",
] as const;
export type OparlType = (typeof OPARL_TYPES)[number];

export const typeUri = (t: OparlType | "Error") => `${OPARL_VERSION}${t}`;

/** The lists a Body links to, by the path segment under /body/<slug>/. */
export const BODY_LISTS = ["organization", "person", "membership", "meeting", "agenda-item", "paper", "consultation", "file", "location"] as const;
export type BodyList = (typeof BODY_LISTS)[number];

export type Urls = ReturnType<typeof oparlUrls>;

export function oparlUrls(baseUrl: string) {
  const api = `${baseUrl}${API_PATH}`;
  return {
    base: baseUrl,
    system: api,
    bodies: `${api}/body`,
    body: (slug: string) => `${api}/body/${encodeURIComponent(slug)}`,
    bodyList: (slug: string, list: BodyList) => `${api}/body/${encodeURIComponent(slug)}/${list}`,
    organization: (id: string) => `${api}/organization/${id}`,
    organizationMeetings: (id: string) => `${api}/organization/${id}/meeting`,
    person: (id: string) => `${api}/person/${id}`,
    membership: (id: string) => `${api}/membership/${id}`,
    meeting: (id: string) => `${api}/meeting/${id}`,
    agendaItem: (id: string) => `${api}/agenda-item/${id}`,
    paper: (id: string) => `${api}/paper/${id}`,
    // One consultation per agenda item that treats a case, so it shares the item's id.
    consultation: (agendaItemId: string) => `${api}/consultation/${agendaItemId}`,
    file: (id: string) => `${api}/file/${id}`,
    // A meeting's place is free text; its Location lives and dies with the meeting.
    location: (meetingId: string) => `${api}/location/${meetingId}`,
    // The existing download route applies its own access rules; the API only links to it.
    download: (attachmentId: string) => `${baseUrl}/filer/${attachmentId}`,
    noticePdf: (slug: string, meetingId: string) => `${baseUrl}/dokumenter/${encodeURIComponent(slug)}/moter/${meetingId}/innkalling.pdf?offentlig=1`,
    minutesPdf: (slug: string, meetingId: string) => `${baseUrl}/dokumenter/${encodeURIComponent(slug)}/moter/${meetingId}/referat.pdf?offentlig=1`,
    councilPage: (slug: string) => `${baseUrl}/r/${encodeURIComponent(slug)}`,
    meetingPage: (slug: string, meetingId: string) => `${baseUrl}/r/${encodeURIComponent(slug)}/moter/${meetingId}`,
  };
}

// The notice and the minutes are generated documents, not uploads; their File ids carry a prefix
// that no cuid can have (cuids have no hyphen).
export const NOTICE_FILE_PREFIX = "innkalling-";
export const MINUTES_FILE_PREFIX = "referat-";
