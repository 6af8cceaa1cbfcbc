// iCalendar (RFC 5545) for meetings: one event for an e-mailed innkalling, or a subscribable feed.
// Written by hand rather than with the `ics` package because the feed needs calendar-level
// properties (X-WR-TIMEZONE, REFRESH-INTERVAL, X-PUBLISHED-TTL) that the package cannot emit,
// and because folding must count UTF-8 octets, not characters, for æøå to survive.
//
// All times are written in UTC ("Z"): an instant is unambiguous across DST changes and needs no
// VTIMEZONE block, which Outlook and Google otherwise tend to interpret each in their own way.

export type IcsMeeting = {
  uid: string;
  title: string;
  description?: string;
  startsAt: Date;
  endsAt: Date | null;
  location?: string | null;
  url?: string | null;
  sequence?: number;
  cancelled?: boolean;
  method?: "PUBLISH" | "REQUEST" | "CANCEL";
  organizer?: { name: string; email: string };
  // DTSTAMP; defaults to the time of generation. Callers may pin it to keep output reproducible.
  stamp?: Date;
};

const CRLF = "\r\n";
const PRODID = "-//IPR-portalen//IPR-portalen//NO";
const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;
const MAX_LINE_OCTETS = 75;

/** A single VEVENT wrapped in its own VCALENDAR, e.g. for an e-mail attachment. */
export function meetingToIcs(m: IcsMeeting): string {
  const method = m.method ?? "PUBLISH";
  return serialize([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    ...eventLines(m, method),
    "END:VCALENDAR",
  ]);
}

/** A calendar feed for subscription (Outlook «Legg til kalender fra Internett», Google, Apple). */
export function calendarFeed(name: string, meetings: IcsMeeting[]): string {
  const stamp = new Date();
  return serialize([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${escapeText(name)}`,
    `X-WR-CALNAME:${escapeText(name)}`,
    "X-WR-TIMEZONE:Europe/Oslo",
    // RFC 7986 for modern clients, X-PUBLISHED-TTL for Outlook; without them Outlook polls rarely.
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    // A feed is always PUBLISH; a per-meeting method belongs to e-mailed invitations only.
    ...meetings.flatMap((m) => eventLines({ stamp, ...m }, "PUBLISH")),
    "END:VCALENDAR",
  ]);
}

function eventLines(m: IcsMeeting, method: "PUBLISH" | "REQUEST" | "CANCEL"): string[] {
  const start = m.startsAt;
  assertValidDate(start, "startsAt");
  // A missing or impossible end would make clients drop the event (or the whole feed), so fall back.
  const end =
    m.endsAt && !Number.isNaN(m.endsAt.getTime()) && m.endsAt.getTime() > start.getTime()
      ? m.endsAt
      : new Date(start.getTime() + DEFAULT_DURATION_MS);
  const cancelled = m.cancelled === true || method === "CANCEL";
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(m.uid)}`,
    `DTSTAMP:${formatUtc(m.stamp ?? new Date())}`,
    `DTSTART:${formatUtc(start)}`,
    `DTEND:${formatUtc(end)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(m.sequence ?? 0))}`,
    `STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`,
    `SUMMARY:${escapeText(m.title)}`,
  ];
  if (m.description) lines.push(`DESCRIPTION:${escapeText(m.description)}`);
  if (m.location) lines.push(`LOCATION:${escapeText(m.location)}`);
  // URL is of type URI, where backslash escapes are not allowed; only line breaks must go.
  if (m.url) lines.push(`URL:${stripControl(m.url)}`);
  if (m.organizer) {
    lines.push(`ORGANIZER;CN=${quoteParam(m.organizer.name)}:mailto:${stripControl(m.organizer.email)}`);
  }
  lines.push("TRANSP:OPAQUE", "END:VEVENT");
  return lines;
}

function assertValidDate(d: Date, field: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new Error(`Ugyldig tidspunkt i ${field}`);
}

/** 2022-01-17T13:00:00.000Z → 20220117T130000Z */
export function formatUtc(d: Date): string {
  assertValidDate(d, "dato");
  return d.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

function stripControl(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, "");
}

// Parameter values may not contain DQUOTE at all (RFC 5545 §3.1), so they are dropped.
function quoteParam(s: string): string {
  return `"${stripControl(s).replace(/"/g, "")}"`;
}

/** Folds a content line to at most 75 octets per physical line, never splitting a UTF-8 sequence. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  // An escape like "\;" is kept whole: legal to split, but some importers unfold it wrongly.
  for (const ch of line.match(/\\.|[\s\S]/gu) ?? []) {
    const size = [...ch].reduce((n, c) => n + utf8Length(c), 0);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      // The leading space of a continuation line counts towards its 75 octets.
      current = " ";
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

// Computed from the code point so the module also runs where Buffer does not exist (the browser).
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function serialize(lines: string[]): string {
  return lines.map(foldLine).join(CRLF) + CRLF;
}
