import "server-only";
import { z } from "zod";
import type { Db, Tx } from "@/lib/server/db";
import { formatCaseNumber } from "@/lib/cases/case-number";
import { formatDate } from "@/lib/format/dates";
import { responsibleLabel } from "@/lib/follow-up/responsible";

// The standing item "Oppfølging av vedtak": the body's open items and those closed since the body
// last got the list, as of a moment. Sending the notice freezes the list on the agenda item, so the
// notice and the minutes show the statuses the members were told, not today's.

export const followUpRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  caseLabel: z.string().nullable(),
  meetingLabel: z.string().nullable(),
  responsible: z.string(),
  dueDate: z.string().nullable(), // "2022-03-14"
  status: z.enum(["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"]),
  outcomeNote: z.string().nullable(),
  // From an exempt case or a closed item: left out of the public notice and minutes.
  exempt: z.boolean().default(false),
});
export type FollowUpRow = z.infer<typeof followUpRowSchema>;

export function parseFollowUpSnapshot(value: unknown): FollowUpRow[] | null {
  const parsed = z.array(followUpRowSchema).safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** How far back "recently closed" reaches when the body has never been given a follow-up list. */
const RECENT_DAYS_FALLBACK = 90;

export async function followUpRowsForMeeting(db: Db | Tx, meetingId: string, asOf: Date): Promise<FollowUpRow[]> {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { bodyId: true } });
  // "Recently closed" means closed since the body was last told: the latest list frozen for one
  // of its other meetings. (A meeting date would not do: items are often closed before the next
  // meeting's date, and meetings are planned a year ahead.)
  const lastTold = await db.agendaItem.findFirst({
    where: { isFollowUpList: true, meetingId: { not: meetingId }, meeting: { bodyId: meeting.bodyId }, followUpAsOf: { not: null, lt: asOf } },
    orderBy: { followUpAsOf: "desc" },
    select: { followUpAsOf: true },
  });
  const since = lastTold?.followUpAsOf ?? new Date(asOf.getTime() - RECENT_DAYS_FALLBACK * 86_400_000);
  const rows = await db.actionItem.findMany({
    where: {
      OR: [{ meeting: { bodyId: meeting.bodyId } }, { responsibleBodyId: meeting.bodyId }],
      createdAt: { lte: asOf },
      AND: [{ OR: [{ status: { in: ["OPEN", "IN_PROGRESS"] } }, { closedAt: { gte: since } }] }],
    },
    orderBy: [{ meeting: { startsAt: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      title: true,
      status: true,
      dueDate: true,
      outcomeNote: true,
      responsibleText: true,
      responsibleBody: { select: { name: true } },
      meeting: { select: { startsAt: true, body: { select: { name: true } } } },
      decision: { select: { agendaItem: { select: { number: true, year: true, isClosed: true, series: { select: { format: true } } } } } },
      case: { select: { number: true, year: true, isExempt: true, series: { select: { format: true } } } },
      assignees: { orderBy: [{ isLead: "desc" }, { id: "asc" }], select: { person: { select: { name: true } }, organization: { select: { name: true } } } },
    },
  });
  return rows.map((r) => {
    const item = r.decision?.agendaItem?.number ? r.decision.agendaItem : r.case;
    return {
      id: r.id,
      title: r.title,
      caseLabel: item?.number && item.year ? formatCaseNumber(item.series?.format ?? "Sak {n}/{yy}", item.number, item.year) : null,
      meetingLabel: r.meeting ? `${r.meeting.body.name} ${formatDate(r.meeting.startsAt)}` : null,
      responsible: responsibleLabel(r),
      dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null,
      status: r.status as FollowUpRow["status"],
      outcomeNote: r.outcomeNote,
      exempt: !!(r.decision?.agendaItem?.isClosed || r.case?.isExempt),
    };
  });
}

/** The rows a reader may see: the public version leaves out items from exempt or closed treatment. */
export function followUpListForAudience<T extends { rows: FollowUpRow[] }>(list: T, audience: "public" | "internal"): T {
  return audience === "public" ? { ...list, rows: list.rows.filter((r) => !r.exempt) } : list;
}

/** Freezes the list on every "Oppfølging av vedtak" item of the meeting (called when the notice is sent). */
export async function freezeFollowUpLists(tx: Tx, meetingId: string, asOf: Date): Promise<number> {
  const items = await tx.agendaItem.findMany({ where: { meetingId, isFollowUpList: true, status: "ACTIVE" }, select: { id: true } });
  if (items.length === 0) return 0;
  const rows = await followUpRowsForMeeting(tx, meetingId, asOf);
  await tx.agendaItem.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { followUpSnapshot: rows, followUpAsOf: asOf } });
  return items.length;
}

/** The list to show for an item: frozen if the notice is out, otherwise as of now (a preview). */
export async function followUpListFor(
  db: Db | Tx,
  item: { isFollowUpList: boolean; followUpSnapshot: unknown; followUpAsOf: Date | null },
  meetingId: string,
  now = new Date(),
): Promise<{ asOf: Date; frozen: boolean; rows: FollowUpRow[] } | undefined> {
  if (!item.isFollowUpList) return undefined;
  const frozen = item.followUpAsOf ? parseFollowUpSnapshot(item.followUpSnapshot) : null;
  if (frozen && item.followUpAsOf) return { asOf: item.followUpAsOf, frozen: true, rows: frozen };
  return { asOf: now, frozen: false, rows: await followUpRowsForMeeting(db, meetingId, now) };
}
