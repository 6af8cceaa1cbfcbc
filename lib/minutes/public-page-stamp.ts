import "server-only";
import { getDb } from "@/lib/server/db";
import { registerPageStamper } from "@/lib/security/page-cache";

// The public meeting page may be served from the proxy's page cache only while it shows approved,
// published minutes, and only as long as nothing on the referat has moved: publishing and errata
// touch the Minutes row (its updatedAt) and the errata count, an edit of the meeting its updatedAt,
// and a case of the meeting made exempt later (in another meeting) its own updatedAt.
// One indexed statement, so a cached view costs one small query.
registerPageStamper("published-minutes", async ([councilSlug, meetingId]) => {
  const db = await getDb();
  const rows = await db.$queryRaw<{ minutes: Date; meeting: Date; errata: number; cases: Date | null }[]>`
    SELECT mi."updatedAt" AS minutes, m."updatedAt" AS meeting,
           (SELECT count(*)::int FROM "MinutesErratum" e WHERE e."minutesId" = mi.id) AS errata,
           (SELECT max(k."updatedAt") FROM "AgendaItem" i JOIN "Case" k ON k.id = i."caseId" WHERE i."meetingId" = m.id) AS cases
    FROM "Meeting" m
    JOIN "Minutes" mi ON mi."meetingId" = m.id
    JOIN "Body" b ON b.id = m."bodyId"
    JOIN "Council" c ON c.id = b."councilId"
    WHERE m.id = ${meetingId} AND c.slug = ${councilSlug}
      AND mi.status = 'APPROVED' AND mi."publishedAt" IS NOT NULL`;
  const r = rows[0];
  return r ? `${new Date(r.minutes).getTime()}|${new Date(r.meeting).getTime()}|${r.errata}|${r.cases ? new Date(r.cases).getTime() : 0}` : null;
});
