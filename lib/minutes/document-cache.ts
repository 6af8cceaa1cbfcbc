import "server-only";
import { LRUCache } from "lru-cache";
import type { MinutesAudience, MinutesDocument } from "@/lib/minutes/minutes-model";

// Approved minutes never change (a database trigger refuses it); only publishing and errata touch
// the Minutes row afterwards, and both move its stamp. Keying on the stamp, not on an invalidation
// message, keeps every app instance correct without a shared cache: a stale entry is never read
// again, and the LRU bound drops it. See docs/decisions/010-performance.md.
const documents = new LRUCache<string, MinutesDocument>({ max: Number(process.env.MINUTES_CACHE_ENTRIES ?? 500) });

// The referat is redacted by its cases' exemption as it is now: a case made exempt later, in a later
// meeting, withdraws its text from these minutes too, so the cases' last change is part of the stamp.
export type ApprovedStamp = { meetingId: string; audience: MinutesAudience; updatedAt: Date; errata: number; casesChangedAt: Date | null };

const keyOf = (s: ApprovedStamp) => `${s.meetingId}|${s.audience}|${s.updatedAt.getTime()}|${s.errata}|${s.casesChangedAt?.getTime() ?? 0}`;

export async function cachedApprovedDocument(stamp: ApprovedStamp, build: () => Promise<MinutesDocument | null>): Promise<MinutesDocument | null> {
  const key = keyOf(stamp);
  const hit = documents.get(key);
  if (hit) return hit;
  const doc = await build();
  if (doc && doc.status === "APPROVED") documents.set(key, doc);
  return doc;
}

/** Publishing and errata call this so this instance lets go of the old entry at once. */
export function forgetMinutesDocuments(meetingId: string): void {
  for (const key of documents.keys()) if (key.startsWith(`${meetingId}|`)) documents.delete(key);
}
