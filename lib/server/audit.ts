import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db";

export type AuditInput = {
  userId?: string | null;
  actor: string;
  councilId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

// Dates and BigInts become JSON-safe so before/after are stored exactly as seen.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

export async function writeAudit(db: Db | Tx, input: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      userId: input.userId ?? null,
      actor: input.actor,
      councilId: input.councilId ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      before: toJson(input.before),
      after: toJson(input.after),
      ip: input.ip ?? null,
    },
  });
}
