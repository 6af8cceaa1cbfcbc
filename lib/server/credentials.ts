import "server-only";
import type { Db } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";
import { dummyPasswordHash, verifyPassword } from "@/lib/server/password";
import { blockedUntil, clearFailures, recordFailure, throttleKeys, type ThrottleConfig } from "@/lib/server/login-throttle";

export type AuthenticatedUser = { id: string; name: string; email: string; sessionVersion: number };
export type CredentialsResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" | "rate_limited"; retryAt?: Date };

// The one place a password is checked. Wrong e-mail and wrong password take the same time and
// give the same answer; every outcome is audited.
export async function authenticateCredentials(
  db: Db,
  input: { email: string; password: string; ip: string | null },
  cfg: ThrottleConfig,
): Promise<CredentialsResult> {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.ip);
  const audit = (action: string, userId: string | null, after?: unknown) =>
    writeAudit(db, { userId, actor: email, action, entityType: "User", entityId: userId, after, ip: input.ip });

  const blocked = await blockedUntil(db, keys);
  if (blocked) {
    await audit("auth.login.blocked", null, { retryAt: blocked });
    return { ok: false, reason: "rate_limited", retryAt: blocked };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, isDisabled: true, sessionVersion: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !user.passwordHash || !valid || user.isDisabled) {
    await recordFailure(db, keys, cfg);
    await audit("auth.login.failure", user?.id ?? null, { reason: user?.isDisabled ? "disabled" : "invalid" });
    return { ok: false, reason: "invalid" };
  }

  await clearFailures(db, email);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await audit("auth.login.success", user.id);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } };
}
