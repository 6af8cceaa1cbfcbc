import "server-only";
import type { Tx } from "@/lib/server/db";

// Case numbers follow the sakskart: when an item gets a number, every unnumbered item above it in
// the same meeting is numbered first, in order. So "Godkjenning av innkalling" is Sak 1/22 when the
// first real case is added, "Eventuelt" gets its number last (when the notice is sent), and meetings
// planned months ahead consume no numbers. See docs/decisions/005-case-numbering.md.

/** Serialises all numbering and reordering of one meeting's agenda. Call first in the transaction. */
export async function lockMeeting(tx: Tx, meetingId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
}

/** Takes `count` numbers from a yearly series atomically; returns the first. The row lock on the
 *  counter makes parallel transactions wait for each other, so nothing is duplicated or skipped. */
export async function takeNumbers(tx: Tx, seriesId: string, year: number, count: number): Promise<number> {
  const rows = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "CaseSeriesCounter" ("seriesId", "year", "lastNumber")
    VALUES (${seriesId}, ${year}, ${count})
    ON CONFLICT ("seriesId", "year") DO UPDATE SET "lastNumber" = "CaseSeriesCounter"."lastNumber" + ${count}
    RETURNING "lastNumber"`;
  return rows[0].lastNumber - count + 1;
}

/**
 * Numbers every unnumbered active item of the meeting at or above `uptoPosition` (all when omitted).
 * Requires lockMeeting() earlier in the same transaction. Returns how many were numbered.
 */
export async function numberItems(tx: Tx, meetingId: string, uptoPosition?: number): Promise<number> {
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { startsAt: true, body: { select: { caseSeries: { select: { id: true, scope: true } } } } },
  });
  const series = meeting.body.caseSeries;
  if (!series) return 0;
  const pending = await tx.agendaItem.findMany({
    where: {
      meetingId,
      status: "ACTIVE",
      number: null,
      ...(uptoPosition !== undefined ? { position: { lte: uptoPosition } } : {}),
    },
    orderBy: { position: "asc" },
    select: { id: true, caseId: true },
  });
  if (pending.length === 0) return 0;
  const year = osloYear(meeting.startsAt);

  let first: number;
  if (series.scope === "YEARLY") {
    first = await takeNumbers(tx, series.id, year, pending.length);
  } else {
    // Per-meeting numbering ("1.", "2."): continues after the highest number in this meeting.
    const max = await tx.agendaItem.aggregate({ where: { meetingId }, _max: { number: true } });
    first = (max._max.number ?? 0) + 1;
  }

  for (const [i, item] of pending.entries()) {
    const number = first + i;
    await tx.agendaItem.update({
      where: { id: item.id },
      // Per-meeting numbers repeat across meetings, so only yearly numbers join the unique series key.
      data: series.scope === "YEARLY" ? { seriesId: series.id, year, number } : { number, year },
    });
    if (item.caseId && series.scope === "YEARLY") {
      // A case keeps the number it got where it was first registered.
      await tx.case.updateMany({
        where: { id: item.caseId, number: null },
        data: { seriesId: series.id, year, number },
      });
    }
  }
  return pending.length;
}

// The case year is the meeting's year in Norway: a meeting at 00:30 on 1 January Oslo time is next year's.
const osloYearFormat = new Intl.DateTimeFormat("en", { timeZone: "Europe/Oslo", year: "numeric" });

export function osloYear(d: Date): number {
  return Number(osloYearFormat.format(d));
}
