import type { PrismaClient } from "@/lib/generated/prisma/client";

// The facts search reads from copies the triggers keep (decision 015), worked out here from the rows
// they come from, so that tests can compare the two. Written independently of the migrations on purpose.

/** Cases whose "searchNoticed" or "searchClosed" differs from what their items say. */
export async function staleCaseFacts(db: PrismaClient): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Case" c WHERE
      c."searchNoticed" IS DISTINCT FROM EXISTS (SELECT 1 FROM "AgendaItem" i JOIN "Meeting" m ON m."id" = i."meetingId"
        WHERE i."caseId" = c."id" AND i."status" = 'ACTIVE' AND m."noticeSentAt" IS NOT NULL)
      OR c."searchClosed" IS DISTINCT FROM EXISTS (SELECT 1 FROM "AgendaItem" i WHERE i."caseId" = c."id" AND i."isClosed")`;
  return n;
}

/** Decisions whose copies differ from what their item, meeting and minutes say. */
export async function staleDecisionFacts(db: PrismaClient): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Decision" d
      JOIN "AgendaItem" i ON i."id" = d."agendaItemId" JOIN "Meeting" m ON m."id" = i."meetingId"
      LEFT JOIN "Minutes" mi ON mi."meetingId" = m."id"
    WHERE (d."searchAt", d."searchBodyId", d."searchItemActive", d."searchRedacted", d."searchMinutes") IS DISTINCT FROM
      (m."startsAt", m."bodyId", i."status" = 'ACTIVE', i."searchCaseExempt" OR i."isClosed",
       CASE WHEN mi."id" IS NULL THEN NULL WHEN mi."status" = 'APPROVED' AND mi."publishedAt" IS NOT NULL THEN 'PUBLISHED' ELSE mi."status"::text END)`;
  return n;
}
