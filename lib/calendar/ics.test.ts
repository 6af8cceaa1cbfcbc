import { TZDate } from "@date-fns/tz";
import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { calendarFeed, escapeText, foldLine, meetingToIcs, type IcsMeeting } from "@/lib/calendar/ics";

// Oslo wall clock → plain Date (TZDate would print its offset form in toISOString).
const oslo = (y: number, mo: number, d: number, h: number, mi: number) =>
  new Date(new TZDate(y, mo - 1, d, h, mi, "Europe/Oslo").getTime());

function base(overrides: Partial<IcsMeeting> = {}): IcsMeeting {
  return {
    uid: "meeting-1@ipr-portalen.no",
    title: "Møte i IPR",
    startsAt: new Date("2022-01-17T13:00:00Z"),
    endsAt: new Date("2022-01-17T14:30:00Z"),
    stamp: new Date("2022-01-11T08:00:00Z"),
    ...overrides,
  };
}

function parseEvents(ics: string): VEvent[] {
  const parsed = ical.sync.parseICS(ics);
  return Object.values(parsed).filter((c): c is VEvent => !!c && (c as { type?: string }).type === "VEVENT");
}

function parseOne(ics: string): VEvent {
  const events = parseEvents(ics);
  expect(events).toHaveLength(1);
  return events[0];
}

// Parameter values come back either as a string or as { val, params }, depending on the parser version.
const text = (v: unknown) => (typeof v === "string" ? v : (v as { val?: string } | undefined)?.val);

function physicalLines(ics: string): string[] {
  expect(ics.endsWith("\r\n")).toBe(true);
  // No bare LF anywhere: every line ends in CRLF.
  expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  return ics.slice(0, -2).split("\r\n");
}

describe("meetingToIcs", () => {
  it("writes the seed meeting, Monday 17 January 2022 14:00–15:30 in Oslo, as 13:00Z–14:30Z", () => {
    const start = oslo(2022, 1, 17, 14, 0);
    const end = oslo(2022, 1, 17, 15, 30);
    const ics = meetingToIcs(base({ startsAt: start, endsAt: end }));
    expect(ics).toContain("\r\nDTSTART:20220117T130000Z\r\n");
    expect(ics).toContain("\r\nDTEND:20220117T143000Z\r\n");
    const ev = parseOne(ics);
    expect(ev.start.toISOString()).toBe("2022-01-17T13:00:00.000Z");
    expect(ev.end?.toISOString()).toBe("2022-01-17T14:30:00.000Z");
    expect(ev.uid).toBe("meeting-1@ipr-portalen.no");
    expect(ev.status).toBe("CONFIRMED");
  });

  it.each([
    ["before spring-forward (Friday 27 March 2026)", oslo(2026, 3, 27, 10, 0), "2026-03-27T09:00:00.000Z"],
    ["after spring-forward (Monday 30 March 2026)", oslo(2026, 3, 30, 10, 0), "2026-03-30T08:00:00.000Z"],
    ["before fall-back (Friday 23 October 2026)", oslo(2026, 10, 23, 10, 0), "2026-10-23T08:00:00.000Z"],
    ["after fall-back (Monday 26 October 2026)", oslo(2026, 10, 26, 10, 0), "2026-10-26T09:00:00.000Z"],
    ["on spring-forward night, 01:30 (still CET)", oslo(2026, 3, 29, 1, 30), "2026-03-29T00:30:00.000Z"],
    ["on spring-forward night, 03:30 (already CEST)", oslo(2026, 3, 29, 3, 30), "2026-03-29T01:30:00.000Z"],
  ])("keeps the right UTC instant %s", (_label, start, expected) => {
    expect(start.toISOString()).toBe(expected);
    const ev = parseOne(meetingToIcs(base({ startsAt: start, endsAt: null })));
    expect(ev.start.toISOString()).toBe(expected);
    // Default duration is two hours, counted in real time (not wall clock).
    expect(ev.end!.getTime() - ev.start.getTime()).toBe(2 * 60 * 60 * 1000);
  });

  it("keeps the two 02:30s of fall-back night (25 October 2026) apart", () => {
    // 02:30 occurs twice in Oslo that night: first in CEST (00:30Z), then an hour later in CET (01:30Z).
    const first = new Date("2026-10-25T00:30:00Z");
    const second = new Date("2026-10-25T01:30:00Z");
    const events = parseEvents(
      calendarFeed("Test", [
        base({ uid: "first@x", startsAt: first, endsAt: null }),
        base({ uid: "second@x", startsAt: second, endsAt: null }),
      ]),
    );
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.get("first@x")!.start.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(byUid.get("second@x")!.start.toISOString()).toBe("2026-10-25T01:30:00.000Z");
    expect(byUid.get("second@x")!.start.getTime() - byUid.get("first@x")!.start.getTime()).toBe(60 * 60 * 1000);
    // Both are 02:30 on the wall clock, which is exactly why the feed writes UTC.
    const wall = (d: Date) => new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", timeStyle: "short" }).format(d);
    expect(wall(first)).toBe("02:30");
    expect(wall(second)).toBe("02:30");
  });

  it("keeps Norwegian characters and escapes commas, semicolons, backslashes and newlines", () => {
    const ics = meetingToIcs(
      base({
        title: "Rådsmøte; Ørland, Åfjord og Bærum",
        location: "Kommunestyresalen, Rådhuset; 2. etasje",
        description: "Sak 1/22: Økonomi\nSak 2/22: Høring, «Trøndelag» \\ vedlegg",
      }),
    );
    expect(ics).toContain("SUMMARY:Rådsmøte\\; Ørland\\, Åfjord og Bærum\r\n");
    expect(ics).toContain("LOCATION:Kommunestyresalen\\, Rådhuset\\; 2. etasje\r\n");
    const ev = parseOne(ics);
    expect(text(ev.summary)).toBe("Rådsmøte; Ørland, Åfjord og Bærum");
    expect(text(ev.location)).toBe("Kommunestyresalen, Rådhuset; 2. etasje");
    expect(text(ev.description)).toBe("Sak 1/22: Økonomi\nSak 2/22: Høring, «Trøndelag» \\ vedlegg");
  });

  it("folds long lines to at most 75 octets without splitting æ, ø or å", () => {
    const long = "Behandling av regional plan for kystsonen – høringsuttalelse fra Ørland, Åfjord, Indre Fosen og Frøya ".repeat(6);
    const ics = meetingToIcs(base({ title: long.trim(), description: `${"ø".repeat(200)}\n${"x".repeat(150)}` }));
    const lines = physicalLines(ics);
    for (const line of lines) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      // A split multi-byte sequence would show up as U+FFFD after a round trip through bytes.
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
    }
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    const ev = parseOne(ics);
    expect(text(ev.summary)).toBe(long.trim());
    expect(text(ev.description)).toBe(`${"ø".repeat(200)}\n${"x".repeat(150)}`);
  });

  it("does not fold in the middle of an escape sequence", () => {
    const title = "a,b;c\\d,".repeat(40);
    const ics = meetingToIcs(base({ title }));
    for (const line of physicalLines(ics)) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      // An odd number of trailing backslashes would mean an escape was cut in two.
      expect(line).not.toMatch(/(^|[^\\])(\\\\)*\\$/);
    }
    expect(text(parseOne(ics).summary)).toBe(title);
  });

  it("folding counts octets, and an exactly 75-octet line is left alone", () => {
    expect(foldLine("a".repeat(75))).toBe("a".repeat(75));
    const folded = foldLine("å".repeat(40)); // 80 octets
    const parts = folded.split("\r\n");
    expect(parts).toHaveLength(2);
    expect(Buffer.byteLength(parts[0], "utf8")).toBe(74); // 37 × 2; a 38th would make 76
    expect(parts[1]).toBe(" " + "å".repeat(3));
  });

  it("marks a cancelled meeting STATUS:CANCELLED and carries SEQUENCE and METHOD", () => {
    const ics = meetingToIcs(base({ cancelled: true, sequence: 3, method: "CANCEL" }));
    expect(ics).toContain("\r\nMETHOD:CANCEL\r\n");
    expect(ics).toContain("\r\nSTATUS:CANCELLED\r\n");
    const ev = parseOne(ics);
    expect(ev.status).toBe("CANCELLED");
    expect(Number(ev.sequence)).toBe(3); // node-ical returns the raw value as a string in older versions
  });

  it("writes ORGANIZER and URL for an invitation sent as METHOD:REQUEST", () => {
    const ics = meetingToIcs(
      base({
        method: "REQUEST",
        organizer: { name: "Sekretariatet, IPR \"Trøndelag\"", email: "post@ipr.no" },
        url: "https://ipr.example/moter/1?a=1,2;b",
      }),
    );
    expect(ics).toContain("\r\nMETHOD:REQUEST\r\n");
    expect(ics).toContain('ORGANIZER;CN="Sekretariatet, IPR Trøndelag":mailto:post@ipr.no');
    const ev = parseOne(ics);
    expect(ev.url).toBe("https://ipr.example/moter/1?a=1,2;b");
    expect(ev.organizer).toBeTruthy();
  });

  it("falls back to two hours when the end is before the start", () => {
    const ev = parseOne(meetingToIcs(base({ endsAt: new Date("2022-01-17T12:00:00Z") })));
    expect(ev.end?.toISOString()).toBe("2022-01-17T15:00:00.000Z");
  });

  it("rejects an invalid start", () => {
    expect(() => meetingToIcs(base({ startsAt: new Date(Number.NaN) }))).toThrow();
  });

  it("strips control characters from text", () => {
    // Tab is allowed in TEXT; other C0 controls are not.
    expect(escapeText("a\u0007b\u0001c\td")).toBe("abc\td");
  });
});

describe("calendarFeed", () => {
  it("is a PUBLISH calendar with name, Oslo time zone, refresh hints and one VEVENT per meeting", () => {
    const meetings = [
      base({ uid: "a@x", title: "Arbeidsutvalg", startsAt: oslo(2026, 3, 27, 9, 0), method: "REQUEST" }),
      base({ uid: "b@x", title: "Rådsmøte", startsAt: oslo(2026, 3, 30, 10, 0), endsAt: oslo(2026, 3, 30, 15, 0) }),
      base({ uid: "c@x", title: "Avlyst møte", startsAt: oslo(2026, 10, 26, 10, 0), endsAt: null, cancelled: true }),
    ];
    const ics = calendarFeed("IPR Trøndelag – møter", meetings);
    for (const line of physicalLines(ics)) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(ics).toContain("\r\nMETHOD:PUBLISH\r\n");
    expect(ics).not.toContain("METHOD:REQUEST");
    expect(ics).toContain("\r\nX-WR-CALNAME:IPR Trøndelag – møter\r\n");
    expect(ics).toContain("\r\nX-WR-TIMEZONE:Europe/Oslo\r\n");
    expect(ics).toContain("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
    expect(ics).toContain("\r\nX-PUBLISHED-TTL:PT1H\r\n");

    const parsed = ical.sync.parseICS(ics);
    expect(parsed.vcalendar?.["WR-CALNAME" as never]).toBe("IPR Trøndelag – møter");
    const events = new Map(parseEvents(ics).map((e) => [e.uid, e]));
    expect(events.size).toBe(3);
    expect(events.get("a@x")!.start.toISOString()).toBe("2026-03-27T08:00:00.000Z");
    expect(events.get("b@x")!.start.toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(events.get("b@x")!.end!.toISOString()).toBe("2026-03-30T13:00:00.000Z");
    expect(events.get("c@x")!.start.toISOString()).toBe("2026-10-26T09:00:00.000Z");
    expect(events.get("c@x")!.status).toBe("CANCELLED");
    expect(events.get("b@x")!.status).toBe("CONFIRMED");
  });

  it("is a valid calendar with no meetings", () => {
    const ics = calendarFeed("Tom", []);
    expect(ics).toContain("BEGIN:VCALENDAR\r\n");
    expect(ics).toMatch(/END:VCALENDAR\r\n$/);
    expect(parseEvents(ics)).toHaveLength(0);
  });
});
