// The demo data without some of its meetings, for tests that re-create a meeting through the UI
// (the end-to-end replay of 17 January 2022 seeds with DEMO_OMIT_MEETINGS=au-2022-01-17).
// A pure function over the data in demo-data.ts; prisma/seed/seed.ts writes the result.
import type { DemoActionItem, DemoAgendaItem, DemoMeeting, DemoMinutes, MeetingKey } from "./demo-data";

export type DemoMeetingData = { meetings: DemoMeeting[]; actionItems: DemoActionItem[] };

/**
 * Leaves out the meetings with the given keys, and with them everything that only exists because
 * of them, so that the rest reads as if they had not been held yet:
 * - their items, attendance and minutes (they are part of the meeting);
 * - action items that came from them;
 * - items in other meetings proposed by them ("Forslag til saker til …", status PROPOSED), which
 *   the re-created meeting proposes again; other items keep their place but lose the link;
 * - links from other meetings' items to their minutes ("Godkjenning av referat");
 * - the approval of minutes that an item of theirs approved: those minutes are back to
 *   "sent for comment", waiting for the re-created meeting to approve them.
 * Throws on an unknown key, so that a misspelt DEMO_OMIT_MEETINGS does not go unnoticed.
 */
export function withoutMeetings<T extends DemoMeetingData>(data: T, keys: readonly string[]): T {
  if (!keys.length) return data;
  assertKnownMeetings(data.meetings, keys);
  const omitted = new Set<string>(keys);
  const isOmitted = (key: MeetingKey | undefined) => key !== undefined && omitted.has(key);

  // Minutes approved by an item of an omitted meeting.
  const approvedByOmitted = new Set<MeetingKey>(
    data.meetings.filter((m) => omitted.has(m.key)).flatMap((m) => m.items.flatMap((i) => (i.approvesMinutesOf ? [i.approvesMinutesOf] : []))),
  );

  const meetings = data.meetings
    .filter((m) => !omitted.has(m.key))
    .map((m): DemoMeeting => {
      const items = m.items
        .filter((i) => !(i.status === "PROPOSED" && isOmitted(i.proposedFrom)))
        .map((i): DemoAgendaItem => {
          if (!isOmitted(i.proposedFrom) && !isOmitted(i.approvesMinutesOf)) return i;
          const { proposedFrom, approvesMinutesOf, ...rest } = i;
          return {
            ...rest,
            ...(isOmitted(proposedFrom) ? {} : { proposedFrom }),
            ...(isOmitted(approvesMinutesOf) ? {} : { approvesMinutesOf }),
          };
        });
      const reopen = m.minutes?.status === "APPROVED" && approvedByOmitted.has(m.key);
      if (!reopen && items.length === m.items.length && items.every((i, n) => i === m.items[n])) return m;
      return {
        ...m,
        items,
        ...(reopen ? { status: m.status === "MINUTES_APPROVED" ? "MINUTES_DRAFT" : m.status, minutes: unapproved(m.minutes!) } : {}),
      };
    });

  const actionItems = data.actionItems.filter((a) => !isOmitted(a.origin?.meeting));
  return { ...data, meetings, actionItems };
}

export function assertKnownMeetings(meetings: readonly DemoMeeting[], keys: readonly string[]): void {
  const known = new Set<string>(meetings.map((m) => m.key));
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`Demodata: ukjent møte ${unknown.map((k) => `«${k}»`).join(", ")} (kjente: ${[...known].join(", ")})`);
}

function unapproved(minutes: DemoMinutes): DemoMinutes {
  const { approvedAt: _at, approvalMethod: _method, publishedAt: _published, ...rest } = minutes;
  return { ...rest, status: "SENT_FOR_COMMENT" };
}

/** DEMO_OMIT_MEETINGS="au-2022-01-17,…" → the keys; empty or unset → none. */
export function parseOmitMeetings(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
