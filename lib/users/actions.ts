"use server";

import { revalidatePath } from "next/cache";
import { canManageUser, canSetUserPassword, roleIn, type ManagedUser, type Viewer } from "@/lib/authz/policy";
import { invalid, refuse, requireViewer } from "@/lib/authz/guards";
import { getDb } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";
import { clientIp } from "@/lib/server/auth";
import { setPasswordForUser } from "@/lib/server/credentials";
import { removeUserIdentitySchema, setUserDisabledSchema, setUserPasswordSchema } from "@/lib/users/schemas";
import type { FormState } from "@/lib/forms";

const CHANGED = "Brukeren er endret av noen andre i mellomtiden. Last siden på nytt og prøv igjen.";

async function loadTarget(userId: string) {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, isDisabled: true, isSystemAdmin: true, roles: { select: { councilId: true } } },
  });
  if (!user) return null;
  const managed: ManagedUser = { id: user.id, isSystemAdmin: user.isSystemAdmin, councilIds: user.roles.map((r) => r.councilId) };
  return { ...user, managed };
}

/** 403 for a user who shares a council with the viewer (they may know of them), 404 for anyone else. */
function refuseUser(viewer: Viewer, target: { managed: ManagedUser } | null): never {
  refuse(viewer, target?.managed.councilIds.find((id) => roleIn(viewer, id)));
}

// Disabling a user also ends all their sessions: the session version moves on.
export async function setUserDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = setUserDisabledSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Ugyldig skjema." };
  const { userId, disabled, version } = parsed.data;

  const viewer = await requireViewer();
  const target = await loadTarget(userId);
  if (!target || !canManageUser(viewer, target.managed)) refuseUser(viewer, target);

  const db = await getDb();
  const updated = await db.user.updateMany({
    where: { id: userId, version },
    data: { isDisabled: disabled, version: { increment: 1 }, sessionVersion: { increment: 1 } },
  });
  if (updated.count === 0) return { ok: false, message: CHANGED };
  await writeAudit(db, {
    userId: viewer.userId,
    actor: viewer.email,
    action: disabled ? "user.disable" : "user.enable",
    entityType: "User",
    entityId: userId,
    before: { isDisabled: target.isDisabled },
    after: { isDisabled: disabled },
  });
  revalidatePath("/portal/admin/brukere");
  return { ok: true, message: disabled ? `${target.email} er deaktivert og logget ut.` : `${target.email} er aktivert igjen.` };
}

/** A new password for someone else, by the same rules as one's own; all their sessions end. */
export async function setUserPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // Passwords are never sent back to the browser, not even on an error.
  const parsed = setUserPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { userId, version, newPassword } = parsed.data;

  const viewer = await requireViewer();
  const target = await loadTarget(userId);
  if (!target || !canSetUserPassword(viewer, target.managed)) refuseUser(viewer, target);

  const db = await getDb();
  const result = await setPasswordForUser(db, { userId, version, newPassword, by: viewer, ip: await clientIp() });
  if (!result.ok) return { ok: false, message: CHANGED };
  revalidatePath("/portal/admin/brukere");
  return { ok: true, message: `${target.email} har fått nytt passord og er logget ut overalt. Gi passordet videre på en trygg måte.` };
}

/**
 * Removes the link to an external account, as when the user's Entra account was recreated with a
 * new subject and is refused (decision 019). Their next external sign-in links again by e-mail.
 * Sessions end too: one may have come through the link being removed.
 */
export async function removeUserIdentityAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = removeUserIdentitySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { userId, identityId, version } = parsed.data;

  const viewer = await requireViewer();
  const target = await loadTarget(userId);
  if (!target || !canManageUser(viewer, target.managed)) refuseUser(viewer, target);

  const db = await getDb();
  const outcome = await db.$transaction(async (tx) => {
    const identity = await tx.userIdentity.findFirst({ where: { id: identityId, userId }, select: { provider: true, subject: true } });
    if (!identity) return "gone" as const;
    const updated = await tx.user.updateMany({ where: { id: userId, version }, data: { version: { increment: 1 }, sessionVersion: { increment: 1 } } });
    if (updated.count === 0) return "changed" as const;
    await tx.userIdentity.delete({ where: { id: identityId } });
    await writeAudit(tx, { userId: viewer.userId, actor: viewer.email, action: "user.identity.remove", entityType: "User", entityId: userId, before: identity, after: null });
    return "removed" as const;
  });
  revalidatePath("/portal/admin/brukere");
  if (outcome === "gone") return { ok: false, message: "Koblingen er allerede fjernet." };
  if (outcome === "changed") return { ok: false, message: CHANGED };
  return { ok: true, message: `Koblingen er fjernet, og ${target.email} er logget ut. Neste innlogging med kontoen kobler den på nytt etter e-postadressen.` };
}
