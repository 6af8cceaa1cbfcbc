"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/authz/viewer";
import { getDb } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";
import { setUserDisabledSchema } from "@/lib/users/schemas";
import { managedCouncilIds } from "@/lib/users/queries";
import type { FormState } from "@/lib/forms";

// Disabling a user also ends all their sessions: the session version moves on.
export async function setUserDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = setUserDisabledSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Ugyldig skjema." };
  const { userId, disabled, version } = parsed.data;

  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Du må logge inn på nytt." };
  const db = await getDb();
  const target = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, isDisabled: true, isSystemAdmin: true, roles: { select: { councilId: true } } },
  });
  const managed = new Set(managedCouncilIds(viewer));
  const allowed =
    target &&
    target.id !== viewer.userId &&
    (viewer.isSystemAdmin || (!target.isSystemAdmin && target.roles.some((r) => managed.has(r.councilId))));
  if (!allowed) return { ok: false, message: "Du har ikke tilgang til å endre denne brukeren." };

  const updated = await db.user.updateMany({
    where: { id: userId, version },
    data: { isDisabled: disabled, version: { increment: 1 }, sessionVersion: { increment: 1 } },
  });
  if (updated.count === 0) {
    return { ok: false, message: "Brukeren er endret av noen andre i mellomtiden. Last siden på nytt og prøv igjen." };
  }
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
