import "server-only";
import { getDb } from "@/lib/server/db";
import { can, type Viewer } from "@/lib/authz/policy";

export function managedCouncilIds(viewer: Viewer): string[] {
  return viewer.councils.filter((c) => can(viewer, "user.manage", c.councilId)).map((c) => c.councilId);
}

// Users the viewer may administer: those with a role in a council the viewer administers.
export async function listManagedUsers(viewer: Viewer) {
  const councilIds = managedCouncilIds(viewer);
  if (!viewer.isSystemAdmin && councilIds.length === 0) return null;
  const db = await getDb();
  return db.user.findMany({
    where: viewer.isSystemAdmin ? {} : { roles: { some: { councilId: { in: councilIds } } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      isDisabled: true,
      isSystemAdmin: true,
      version: true,
      lastLoginAt: true,
      identities: { orderBy: { provider: "asc" }, select: { id: true, provider: true } },
      roles: { select: { role: true, councilId: true, council: { select: { name: true } } } },
    },
  });
}

/** Whether the signed-in user has a portal password (OIDC-only users have none), and since when. */
export async function getPasswordStatus(viewer: Viewer) {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: viewer.userId },
    select: { passwordHash: true, passwordChangedAt: true },
  });
  // The hash itself never leaves this function.
  return { hasPassword: !!user?.passwordHash, passwordChangedAt: user?.passwordChangedAt ?? null };
}
