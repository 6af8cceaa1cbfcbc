import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { sessionClaims } from "@/lib/security/session-token";
import { getDb } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import type { Role, Viewer } from "@/lib/authz/policy";
import { compareNb } from "@/lib/format/collate";

type SessionClaims = { uid?: string; sv?: number; loginAt?: number };

// The signed-in user as the database sees them now. A JWT is only a claim: it counts when the
// user still exists, is enabled, and its session version matches (logout, password change and
// disabling bump it), and while the absolute lifetime has not run out.
// The cookie is read directly rather than through Auth.js's auth(), which runs its whole request
// cycle per call and encrypts a new token that a page cannot send anyway (a sixth of a light page's
// CPU). Same cookie names, same decryption, same expiry check (lib/security/session-token.ts).
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = (await sessionClaims((await cookies()).getAll(), env().AUTH_SECRET)) as (SessionClaims & object) | null;
  if (!session?.uid || typeof session.sv !== "number") return null;
  const maxAgeSeconds = env().SESSION_ABSOLUTE_HOURS * 3600;
  if (!session.loginAt || Date.now() / 1000 - session.loginAt > maxAgeSeconds) return null;
  return loadViewer(session.uid, session.sv);
});

export async function loadViewer(userId: string, sessionVersion: number): Promise<Viewer | null> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      personId: true,
      isDisabled: true,
      isSystemAdmin: true,
      sessionVersion: true,
      roles: { select: { role: true, council: { select: { id: true, slug: true, name: true } } } },
    },
  });
  if (!user || user.isDisabled || user.sessionVersion !== sessionVersion) return null;
  let councils = user.roles.map((r) => ({ councilId: r.council.id, slug: r.council.slug, name: r.council.name, role: r.role as Role }));
  if (user.isSystemAdmin) {
    const all = await db.council.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } });
    councils = all.map((c) => ({ councilId: c.id, slug: c.slug, name: c.name, role: "ADMIN" as Role }));
  }
  councils.sort((a, b) => compareNb(a.name, b.name));
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    personId: user.personId,
    isSystemAdmin: user.isSystemAdmin,
    councils,
  };
}
