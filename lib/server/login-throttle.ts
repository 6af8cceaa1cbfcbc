import "server-only";
import type { Db } from "@/lib/server/db";

// Failed sign-ins are counted per account and per IP in the database, so every app instance
// sees the same counts. After `maxFailures` within the window, the key is blocked with a
// doubling backoff (1, 2, 4 … minutes, at most 60).

export type ThrottleConfig = { maxFailures: number; windowMinutes: number };

export function throttleKeys(email: string, ip: string | null): string[] {
  const keys = [`account:${email.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

export async function blockedUntil(db: Db, keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const until = rows.map((r) => r.blockedUntil!.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

export async function recordFailure(db: Db, keys: string[], cfg: ThrottleConfig, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - cfg.windowMinutes * 60_000);
  for (const key of keys) {
    // One statement per key: the counter and the block are computed atomically in Postgres,
    // so concurrent attempts on several instances cannot lose a failure.
    await db.$executeRaw`
      INSERT INTO "LoginThrottle" ("key", "failures", "firstFailureAt", "blockedUntil")
      VALUES (${key}, 1, ${now}, NULL)
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."firstFailureAt" < ${windowStart}
                          AND ("LoginThrottle"."blockedUntil" IS NULL OR "LoginThrottle"."blockedUntil" < ${now})
                     THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
        "firstFailureAt" = CASE WHEN "LoginThrottle"."firstFailureAt" < ${windowStart}
                          AND ("LoginThrottle"."blockedUntil" IS NULL OR "LoginThrottle"."blockedUntil" < ${now})
                     THEN ${now} ELSE "LoginThrottle"."firstFailureAt" END`;
    await db.$executeRaw`
      UPDATE "LoginThrottle"
      SET "blockedUntil" = ${now}::timestamptz
          + make_interval(mins => LEAST(60, power(2, "failures" - ${cfg.maxFailures})::int))
      WHERE "key" = ${key} AND "failures" >= ${cfg.maxFailures}`;
  }
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `account:${email.trim().toLowerCase()}` } });
}
