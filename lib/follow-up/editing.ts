import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/server/db";
import type { updateStatusSchema } from "@/lib/follow-up/schemas";

export type StatusUpdate = z.output<typeof updateStatusSchema>;

/**
 * A status change and/or progress note, written only if the item is still at the version the
 * form was loaded with (the version sits in the UPDATE's WHERE): a stale form changes nothing and
 * the caller shows a conflict instead of overwriting the other person's change.
 */
export async function applyStatusUpdate(
  tx: Tx,
  d: StatusUpdate,
  userId: string,
  now = new Date(),
): Promise<{ ok: true; before: { status: string; outcomeNote: string | null } } | { ok: false; reason: "conflict" | "outcome-required" }> {
  const before = await tx.actionItem.findUniqueOrThrow({ where: { id: d.actionItemId }, select: { status: true, outcomeNote: true } });
  const closing = d.status === "DONE" || d.status === "CANCELLED";
  const statusChanged = before.status !== d.status;
  // The form's idea of the current status is only a hint; the rule holds against the stored one.
  if (d.status === "DONE" && statusChanged && d.outcomeNote.length < 3) return { ok: false, reason: "outcome-required" };
  const updated = await tx.actionItem.updateMany({
    where: { id: d.actionItemId, version: d.version },
    data: {
      status: d.status,
      version: { increment: 1 },
      ...(statusChanged ? { closedAt: closing ? now : null } : {}),
      // Reopened: the old outcome no longer describes the item (it stays in the history).
      ...(d.status === "DONE" && d.outcomeNote ? { outcomeNote: d.outcomeNote } : d.status !== "DONE" && statusChanged ? { outcomeNote: null } : {}),
    },
  });
  if (updated.count === 0) return { ok: false, reason: "conflict" };
  const comment = [d.status === "DONE" && d.outcomeNote ? `Resultat: ${d.outcomeNote}` : "", d.comment].filter(Boolean).join("\n\n");
  await tx.actionItemEvent.create({
    data: { actionItemId: d.actionItemId, userId, at: now, fromStatus: statusChanged ? before.status : null, toStatus: statusChanged ? d.status : null, comment: comment || null },
  });
  return { ok: true, before };
}
