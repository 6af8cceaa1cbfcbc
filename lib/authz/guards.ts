import "server-only";
import type { z } from "zod";
import { forbidden, notFound } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { can, roleIn, type Permission, type Viewer } from "@/lib/authz/policy";
import { getDb } from "@/lib/server/db";
import type { FormState } from "@/lib/forms";
import { withoutNul } from "@/lib/form-fields";

// Building blocks every server action uses, so each one reads: parse → authorize → mutate → audit → revalidate.

export function invalid(error: z.ZodError, values?: Record<string, string>): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "_")] ??= issue.message;
  return {
    ok: false,
    message: fieldErrors._ ?? "Skjemaet har feil. Se feltene som er markert.",
    fieldErrors,
    values,
  };
}

/**
 * Refuses a request the way the page would: 403 (forbidden()) when the viewer holds a role in the
 * resource's council and so may know it is there, 404 (notFound()) otherwise: anonymous visitors,
 * other councils and rows that do not exist get the same answer, so ids cannot be probed.
 * Both are HTTP statuses of the action's response, not a message in the form.
 */
export function refuse(viewer: Viewer | null, councilId?: string | null): never {
  if (viewer && councilId && roleIn(viewer, councilId)) forbidden();
  notFound();
}

/** The signed-in viewer; anyone else is refused. */
export async function requireViewer(): Promise<Viewer> {
  return (await getViewer()) ?? refuse(null);
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$")) values[k] = withoutNul(v);
  return values;
}

export type MeetingScope = { viewer: Viewer; meetingId: string; councilId: string; councilSlug: string; bodyId: string; status: string; version: number };

/** The viewer and the meeting's council, when the viewer holds `permission` there; otherwise refused. */
export async function authorizeMeeting(meetingId: string, permission: Permission): Promise<MeetingScope> {
  const viewer = await requireViewer();
  const db = await getDb();
  const m = await db.meeting.findUnique({
    where: { id: meetingId },
    select: { id: true, bodyId: true, status: true, version: true, body: { select: { councilId: true, council: { select: { slug: true } } } } },
  });
  if (!m || !can(viewer, permission, m.body.councilId)) refuse(viewer, m?.body.councilId);
  return { viewer, meetingId: m.id, councilId: m.body.councilId, councilSlug: m.body.council.slug, bodyId: m.bodyId, status: m.status, version: m.version };
}

export async function authorizeItem(itemId: string, permission: Permission): Promise<MeetingScope> {
  const db = await getDb();
  const item = await db.agendaItem.findUnique({ where: { id: itemId }, select: { meetingId: true } });
  if (!item) refuse(await getViewer());
  return authorizeMeeting(item.meetingId, permission);
}

export async function authorizeBody(bodyId: string, permission: Permission) {
  const viewer = await requireViewer();
  const db = await getDb();
  const body = await db.body.findUnique({ where: { id: bodyId }, select: { id: true, councilId: true, council: { select: { slug: true } } } });
  if (!body || !can(viewer, permission, body.councilId)) refuse(viewer, body?.councilId);
  return { viewer, bodyId: body.id, councilId: body.councilId, councilSlug: body.council.slug };
}

export type CouncilScope = { viewer: Viewer; council: { id: string; slug: string } };

/** The viewer and the council named by its slug, when the viewer holds `permission` there; otherwise refused. */
export async function authorizeCouncil(slug: string, permission: Permission): Promise<CouncilScope> {
  const viewer = await requireViewer();
  const db = await getDb();
  const council = await db.council.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!council || !can(viewer, permission, council.id)) refuse(viewer, council?.id);
  return { viewer, council };
}

export const TX = { maxWait: 10_000, timeout: 30_000 } as const;
