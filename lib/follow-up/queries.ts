import "server-only";
import { getDb } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Viewer } from "@/lib/authz/policy";

export const ACTION_STATUS_LABELS: Record<string, string> = {
  OPEN: "Åpen",
  IN_PROGRESS: "Under arbeid",
  DONE: "Fullført",
  CANCELLED: "Avbrutt",
};

const actionSelect = {
  id: true,
  title: true,
  status: true,
  dueDate: true,
  responsibleText: true,
  council: { select: { slug: true, name: true } },
  meeting: { select: { id: true, startsAt: true, body: { select: { abbreviation: true } } } },
  assignees: {
    select: { isLead: true, person: { select: { id: true, name: true } }, organization: { select: { name: true } } },
  },
} satisfies Prisma.ActionItemSelect;

const OPEN: Prisma.ActionItemWhereInput = { status: { in: ["OPEN", "IN_PROGRESS"] } };

function readableCouncilIds(viewer: Viewer): string[] {
  return viewer.councils.filter((c) => can(viewer, "action.read", c.councilId)).map((c) => c.councilId);
}

// Open items where the viewer is named responsible.
export async function listMyOpenActionItems(viewer: Viewer) {
  if (!viewer.personId) return [];
  const db = await getDb();
  return db.actionItem.findMany({
    where: { ...OPEN, councilId: { in: readableCouncilIds(viewer) }, assignees: { some: { personId: viewer.personId } } },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 20,
    select: actionSelect,
  });
}

export async function listOpenActionItemsForCouncil(viewer: Viewer | null, councilId: string, take = 50) {
  if (!can(viewer, "action.read", councilId)) return [];
  const db = await getDb();
  return db.actionItem.findMany({
    where: { ...OPEN, councilId },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take,
    select: actionSelect,
  });
}

export async function listActionItemsForCouncil(viewer: Viewer | null, councilId: string) {
  if (!can(viewer, "action.read", councilId)) return [];
  const db = await getDb();
  return db.actionItem.findMany({
    where: { councilId },
    orderBy: [{ status: "asc" }, { dueDate: { sort: "asc", nulls: "last" } }],
    take: 200,
    select: actionSelect,
  });
}

export type ActionListItem = Awaited<ReturnType<typeof listMyOpenActionItems>>[number];
