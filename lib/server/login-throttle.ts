import "server-only";
import type { Db } from "@/lib/server/db";

// Failed sign-ins are counted in the database, so every app instance sees the same counts. After a
// key's limit within the window it is blocked with a doubling backoff (1, 2, 4 … minutes, at most 60).
//
// Three keys, so that one outsider cannot lock the real user out: the account from one address
// stops that address after `maxFailures`; the address alone (a municipality's office shares one) and
// the account alone (guessed at from many addresses) take SHARED_FACTOR times as many. Once an
// address is blocked its attempts are refused before they are counted, so it adds no more to the
// account's count.

export type ThrottleConfig = { maxFailures: number; windowMinutes: number };
export type ThrottleKey = { key: string; maxFailures: number };

export const SHARED_FACTOR = 4;

export function throttleKeys(email: string, ip: string | null, cfg: ThrottleConfig): ThrottleKey[] {
  const account = email.trim().toLowerCase();
  // Without an address every attempt is one source: the account's own limit.
  if (!ip) return [{ key: `account:${account}`, maxFailures: cfg.maxFailures }];
  return [
    { key: `account-ip:${account}|${ip}`, maxFailures: cfg.maxFailures },
    { key: `ip:${ip}`, maxFailures: cfg.maxFailures * SHARED_FACTOR },
    { key: `account:${account}`, maxFailures: cfg.maxFailures * SHARED_FACTOR },
  ];
}

export async function blockedUntil(db: Db, keys: ThrottleKey[], now = new Date()): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys.map((k) => k.key) }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const until = rows.map((r) => r.blockedUntil!.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

export async function recordFailure(db: Db, keys: ThrottleKey[], cfg: ThrottleConfig, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - cfg.windowMinutes * 60_000);
  for (const { key, maxFailures } of keys) {
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
          -- The exponent is capped before the cast: from 2^31 on it would not fit, the statement
          -- would fail, and the key would never be blocked again.
          + make_interval(mins => LEAST(60, power(2, LEAST("failures" - ${maxFailures}, 6))::int))
      WHERE "key" = ${key} AND "failures" >= ${maxFailures}`;
  }
}

/** After a right password: the account's counts go; the address's stays, as it may be guessing at others. */
export async function clearFailures(db: Db, keys: ThrottleKey[]): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: keys.map((k) => k.key).filter((k) => !k.startsWith("ip:")) } } });
}
