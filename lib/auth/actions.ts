"use server";

import { AuthError } from "next-auth";
import { unstable_rethrow } from "next/navigation";
import { clientIp, externalProviderList, signIn, signOut } from "@/lib/server/auth";
import { getViewer } from "@/lib/authz/viewer";
import { getDb } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";
import { changePasswordSchema, loginSchema } from "@/lib/auth/schemas";
import { changeOwnPassword } from "@/lib/server/credentials";
import { env } from "@/lib/server/env";
import { invalid, requireViewer } from "@/lib/authz/guards";
import type { FormState } from "@/lib/forms";
import { safeNext } from "@/lib/auth/safe-next";

export async function loginAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get("email") ?? ""), password: "" };
  const parsed = loginSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors, values };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeNext(formData.get("neste")),
    });
    return { ok: true };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return {
        ok: false,
        message:
          code === "rate_limited"
            ? "For mange mislykkede forsøk. Vent noen minutter og prøv igjen."
            : "Feil e-post eller passord.",
        values,
      };
    }
    console.error("Innlogging feilet", error);
    return { ok: false, message: "Innloggingen feilet. Prøv igjen om litt.", values };
  }
}

// Logging out ends every session of the user, on every device: the session version moves on.
export async function logoutAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) {
    const db = await getDb();
    await db.user.update({ where: { id: viewer.userId }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(db, { userId: viewer.userId, actor: viewer.email, action: "auth.logout", entityType: "User", entityId: viewer.userId });
  }
  await signOut({ redirectTo: "/" });
}

// Entra ID / OIDC: only providers configured through the environment are accepted.
export async function signInWithProviderAction(formData: FormData): Promise<void> {
  const provider = String(formData.get("provider") ?? "");
  if (!externalProviderList().some((p) => p.id === provider)) return;
  await signIn(provider, { redirectTo: safeNext(formData.get("neste")) });
}

/** Where a changed password sends the user: the login page says why they must sign in again. */
const PASSWORD_CHANGED_URL = "/logg-inn?melding=passord-endret";

/**
 * The signed-in user's new password. The session version moves on, which ends every session of
 * the user, this one too: they sign in again with the new password.
 */
export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // Passwords are never sent back to the browser, not even on an error.
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await requireViewer();
  const e = env();
  const db = await getDb();
  const result = await changeOwnPassword(
    db,
    { userId: viewer.userId, currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, ip: await clientIp() },
    { maxFailures: e.LOGIN_MAX_FAILURES, windowMinutes: e.LOGIN_WINDOW_MINUTES },
  );
  if (!result.ok) {
    switch (result.reason) {
      case "wrong_password":
        return { ok: false, message: "Passordet ble ikke endret.", fieldErrors: { currentPassword: "Feil passord." } };
      case "rate_limited":
        return { ok: false, message: "For mange mislykkede forsøk. Vent noen minutter og prøv igjen." };
      case "same_password":
        return { ok: false, message: "Passordet ble ikke endret.", fieldErrors: { newPassword: "Det nye passordet må være et annet enn det du har nå." } };
      case "no_password":
        return { ok: false, message: "Du logger inn med kommunens konto og har ikke passord i portalen." };
      case "conflict":
        return { ok: false, message: "Passordet ble endret et annet sted i mellomtiden. Last siden på nytt og prøv igjen." };
    }
  }
  await signOut({ redirectTo: PASSWORD_CHANGED_URL });
  return { ok: true };
}
