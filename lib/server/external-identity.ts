import "server-only";
import type { Db } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";

// Sign-in through Entra ID / OIDC, only for users the secretariat has created.
//
// The e-mail claim is what the identity provider says today, and an address can move to someone else
// (a new employee inherits a shared or recycled address). The subject is the provider's lasting id of
// the account. So the e-mail links the external account to a user once, on its first sign-in, and
// from then on the link (provider, subject) decides who signs in. An e-mail that now belongs to a
// different user than the linked one means the two no longer agree: refused, not guessed.

export type ExternalSignInInput = { provider: string; subject: string; email: string | null | undefined; ip: string | null };
export type ExternalSignInResult =
  | { ok: true; user: { id: string; sessionVersion: number } }
  | { ok: false; reason: "unknown" | "disabled" | "email-conflict" | "already-linked" };

const userSelect = { id: true, email: true, isDisabled: true, sessionVersion: true } as const;

export async function resolveExternalSignIn(db: Db, input: ExternalSignInInput, now = new Date()): Promise<ExternalSignInResult> {
  const email = input.email?.trim().toLowerCase() || null;
  const fail = async (reason: Exclude<ExternalSignInResult, { ok: true }>["reason"], userId: string | null = null): Promise<ExternalSignInResult> => {
    await writeAudit(db, {
      userId,
      actor: email ?? "ukjent",
      action: "auth.login.failure",
      entityType: "User",
      entityId: userId,
      after: { provider: input.provider, reason },
      ip: input.ip,
    });
    return { ok: false, reason };
  };

  const linked = await db.userIdentity.findUnique({
    where: { provider_subject: { provider: input.provider, subject: input.subject } },
    select: { user: { select: userSelect } },
  });
  let user = linked?.user ?? null;
  if (user) {
    if (email && email !== user.email) {
      const holder = await db.user.findUnique({ where: { email }, select: { id: true } });
      if (holder && holder.id !== user.id) return fail("email-conflict", user.id);
    }
    if (user.isDisabled) return fail("disabled", user.id);
  } else {
    user = email ? await db.user.findUnique({ where: { email }, select: userSelect }) : null;
    if (!user) return fail("unknown");
    if (user.isDisabled) return fail("disabled", user.id);
    // A user already linked to another account at this provider keeps that one: an e-mail claim
    // alone does not add a second.
    const other = await db.userIdentity.findFirst({ where: { userId: user.id, provider: input.provider }, select: { id: true } });
    if (other) return fail("already-linked", user.id);
    const identity = await db.userIdentity.upsert({
      where: { provider_subject: { provider: input.provider, subject: input.subject } },
      create: { provider: input.provider, subject: input.subject, userId: user.id },
      update: {},
      select: { userId: true },
    });
    // Two first sign-ins at once: the link that was stored first counts.
    if (identity.userId !== user.id) return fail("email-conflict", user.id);
  }

  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await writeAudit(db, {
    userId: user.id,
    actor: user.email,
    action: "auth.login.success",
    entityType: "User",
    entityId: user.id,
    after: { provider: input.provider },
    ip: input.ip,
  });
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } };
}

/** The user an external account is linked to, for the session token issued right after sign-in. */
export async function linkedUser(db: Db, provider: string, subject: string): Promise<{ id: string; sessionVersion: number } | null> {
  const identity = await db.userIdentity.findUnique({
    where: { provider_subject: { provider, subject } },
    select: { user: { select: { id: true, sessionVersion: true, isDisabled: true } } },
  });
  if (!identity || identity.user.isDisabled) return null;
  return { id: identity.user.id, sessionVersion: identity.user.sessionVersion };
}
