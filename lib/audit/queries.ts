import "server-only";
import { getDb } from "@/lib/server/db";
import { auditScope, type AuditScope, type Viewer } from "@/lib/authz/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_PAGE_SIZE, encodeCursor, NO_COUNCIL, type AuditFilter, type AuditFilterField } from "@/lib/audit/schemas";

export type AuditRow = {
  id: string;
  at: Date;
  actor: string;
  councilName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
};

export type AuditPage =
  | { ok: true; rows: AuditRow[]; newer: string | null; older: string | null }
  | { ok: false; field: AuditFilterField; message: string };

function scopeWhere(scope: AuditScope): Prisma.AuditEventWhereInput {
  return scope.all ? {} : { councilId: { in: scope.councilIds } };
}

/**
 * One page of audit events, newest first, or null when the viewer may read none. Pages are cut
 * by position (time, then id), not by offset, so a page deep in a large log costs the same as
 * the first and new events do not shift the pages being read.
 */
export async function listAuditEvents(viewer: Viewer | null, filter: AuditFilter): Promise<AuditPage | null> {
  const scope = auditScope(viewer);
  if (!scope || !viewer) return null;
  const db = await getDb();
  const and: Prisma.AuditEventWhereInput[] = [scopeWhere(scope)];

  if (filter.rad === NO_COUNCIL) {
    if (!scope.all) return { ok: false, field: "rad", message: "Ukjent råd." };
    and.push({ councilId: null });
  } else if (filter.rad) {
    const council = viewer.councils.find((c) => c.slug === filter.rad);
    if (!council || (!scope.all && !scope.councilIds.includes(council.councilId))) return { ok: false, field: "rad", message: "Ukjent råd." };
    and.push({ councilId: council.councilId });
  }
  if (filter.aktor) {
    // The actor is stored as the e-mail address; a name finds the user's events too.
    const users = await db.user.findMany({ where: { name: { contains: filter.aktor, mode: "insensitive" } }, select: { id: true }, take: 100 });
    and.push({ OR: [{ actor: { contains: filter.aktor, mode: "insensitive" } }, ...(users.length ? [{ userId: { in: users.map((u) => u.id) } }] : [])] });
  }
  if (filter.handling) and.push({ action: filter.handling });
  if (filter.type) and.push({ entityType: filter.type });
  if (filter.id) and.push({ entityId: filter.id });
  if (filter.from) and.push({ at: { gte: filter.from } });
  if (filter.until) and.push({ at: { lt: filter.until } });

  // Going back towards newer events reads upwards from the cursor and turns the page around.
  const towardsNewer = !!filter.nyere && !filter.eldre;
  const c = filter.eldre ?? filter.nyere;
  if (c) {
    and.push(
      towardsNewer
        ? { at: { gte: c.at }, NOT: { at: c.at, id: { lte: c.id } } }
        : { at: { lte: c.at }, NOT: { at: c.at, id: { gte: c.id } } },
    );
  }
  const dir = towardsNewer ? "asc" : "desc";
  const found = await db.auditEvent.findMany({
    where: { AND: and },
    orderBy: [{ at: dir }, { id: dir }],
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      at: true,
      actor: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      ip: true,
      council: { select: { name: true } },
    },
  });
  const more = found.length > AUDIT_PAGE_SIZE;
  const page = found.slice(0, AUDIT_PAGE_SIZE);
  if (towardsNewer) page.reverse();
  const rows: AuditRow[] = page.map((r) => ({
    id: r.id.toString(),
    at: r.at,
    actor: r.actor,
    councilName: r.council?.name ?? null,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    ip: r.ip,
  }));
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    ok: true,
    rows,
    // Coming from a cursor, there is always something on the side we came from.
    newer: first && (towardsNewer ? more : !!c) ? encodeCursor(first) : null,
    older: last && (towardsNewer ? true : more) ? encodeCursor(last) : null,
  };
}

export type AuditFilterOptions = { councils: { value: string; label: string }[]; actions: string[]; entityTypes: string[]; allCouncils: boolean };

/**
 * The values the filter's lists offer. Distinct values by a loose index scan (one index probe per
 * value, not a scan of the whole log), so the lists stay cheap however long the log gets.
 */
export async function getAuditFilterOptions(viewer: Viewer | null): Promise<AuditFilterOptions | null> {
  const scope = auditScope(viewer);
  if (!scope || !viewer) return null;
  const db = await getDb();
  const distinct = async (column: "action" | "entityType") => {
    const col = Prisma.raw(`"${column}"`);
    const rows = await db.$queryRaw<{ v: string }[]>`
      WITH RECURSIVE t(v) AS (
        SELECT min(${col}) FROM "AuditEvent"
        UNION ALL
        SELECT (SELECT min(${col}) FROM "AuditEvent" WHERE ${col} > t.v) FROM t WHERE t.v IS NOT NULL
      ) SELECT v FROM t WHERE v IS NOT NULL`;
    return rows.map((r) => r.v);
  };
  const [actions, entityTypes] = await Promise.all([distinct("action"), distinct("entityType")]);
  const councils = viewer.councils
    .filter((c) => scope.all || scope.councilIds.includes(c.councilId))
    .map((c) => ({ value: c.slug, label: c.name }));
  return { councils, actions, entityTypes, allCouncils: scope.all };
}
