import "server-only";
import type { Db } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";
import { dummyPasswordHash, hashPassword, verifyPassword } from "@/lib/server/password";
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
  const keys = throttleKeys(email, input.ip, cfg);
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

  await clearFailures(db, keys);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await audit("auth.login.success", user.id);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } };
}

export type PasswordChangeResult =
  | { ok: true; sessionVersion: number }
  | { ok: false; reason: "no_password" | "wrong_password" | "rate_limited" | "same_password" | "conflict"; retryAt?: Date };

// What the audit log keeps about a password: when it was set and which session version ended.
// Never the hash, which could be attacked offline.
type PasswordFacts = { passwordChangedAt: Date | null; sessionVersion: number };

/**
 * A signed-in user changes their own password. The current password is checked like a sign-in
 * (same throttle, so the form cannot be used to guess it), and the session version moves on, so
 * every session of the user ends, this one included. `newPassword` must already have passed
 * newPasswordSchema.
 */
export async function changeOwnPassword(
  db: Db,
  input: { userId: string; currentPassword: string; newPassword: string; ip: string | null },
  cfg: ThrottleConfig,
): Promise<PasswordChangeResult> {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { id: true, email: true, passwordHash: true, passwordChangedAt: true, sessionVersion: true },
  });
  if (!user) return { ok: false, reason: "conflict" };
  if (!user.passwordHash) return { ok: false, reason: "no_password" };
  const keys = throttleKeys(user.email, input.ip, cfg);
  const audit = (action: string, before?: PasswordFacts, after?: unknown) =>
    writeAudit(db, { userId: user.id, actor: user.email, action, entityType: "User", entityId: user.id, before, after, ip: input.ip });

  const blocked = await blockedUntil(db, keys);
  if (blocked) {
    await audit("auth.password.change.blocked", undefined, { retryAt: blocked });
    return { ok: false, reason: "rate_limited", retryAt: blocked };
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(db, keys, cfg);
    await audit("auth.password.change.failure", undefined, { reason: "wrong_password" });
    return { ok: false, reason: "wrong_password" };
  }
  if (input.newPassword === input.currentPassword) return { ok: false, reason: "same_password" };

  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date();
  const after: PasswordFacts = { passwordChangedAt: now, sessionVersion: user.sessionVersion + 1 };
  // Only over the hash that was checked: a concurrent change wins, and this one is refused.
  const updated = await db.$transaction(async (tx) => {
    const r = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash, sessionVersion: user.sessionVersion },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    if (r.count === 0) return false;
    await writeAudit(tx, {
      userId: user.id,
      actor: user.email,
      action: "user.password.change",
      entityType: "User",
      entityId: user.id,
      before: { passwordChangedAt: user.passwordChangedAt, sessionVersion: user.sessionVersion },
      after,
      ip: input.ip,
    });
    return true;
  });
  if (!updated) return { ok: false, reason: "conflict" };
  await clearFailures(db, keys);
  return { ok: true, sessionVersion: after.sessionVersion };
}

/**
 * An administrator sets a new password for another user (who forgot theirs, or whose account
 * may be compromised): every session of that user ends. Authorization is the caller's
 * (canSetUserPassword in lib/authz/policy.ts); `newPassword` must have passed newPasswordSchema.
 */
export async function setPasswordForUser(
  db: Db,
  input: { userId: string; version: number; newPassword: string; by: { userId: string; email: string }; ip: string | null },
): Promise<{ ok: true } | { ok: false; reason: "conflict" }> {
  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { passwordChangedAt: true, sessionVersion: true } });
    if (!user) return { ok: false as const, reason: "conflict" as const };
    const r = await tx.user.updateMany({
      where: { id: input.userId, version: input.version },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    if (r.count === 0) return { ok: false as const, reason: "conflict" as const };
    await writeAudit(tx, {
      userId: input.by.userId,
      actor: input.by.email,
      action: "user.password.set",
      entityType: "User",
      entityId: input.userId,
      before: { passwordChangedAt: user.passwordChangedAt, sessionVersion: user.sessionVersion },
      after: { passwordChangedAt: now, sessionVersion: user.sessionVersion + 1 },
      ip: input.ip,
    });
    return { ok: true as const };
  });
}
