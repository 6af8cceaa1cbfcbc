import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createAdapter } from "@/lib/server/db-adapter";
import { diffMigrationsToSchema, schemaPath } from "@/lib/server/migrator";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";

describe("migrations", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.close());

  it("applying every migration yields exactly schema.prisma", async () => {
    const handle = await createAdapter({ kind: "pglite", dataDir: "memory://" });
    try {
      expect(await diffMigrationsToSchema(handle.factory)).toBe("");
    } finally {
      await handle.close();
    }
  });

  it("detects a schema change that has no migration", async () => {
    const changed = readFileSync(schemaPath, "utf8").replace("model Council {", "model Council {\n  driftProbe String?");
    const handle = await createAdapter({ kind: "pglite", dataDir: "memory://" });
    try {
      expect(await diffMigrationsToSchema(handle.factory, changed)).toMatch(/driftProbe/);
    } finally {
      await handle.close();
    }
  });

  it("records the migrations in Prisma's own _prisma_migrations table", async () => {
    const rows = await t.db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  // PostgreSQL indexes a foreign key's target, not the key: without an index of its own, every delete
  // of a row it points to scans the referencing table (an agenda item's delete checked Attendance in
  // 200 ms at national scale). Tables that stay small (plans, bodies, people's register) may go without.
  it("indexes every foreign key of the tables that grow with the years", async () => {
    const growing = ["ActionItem", "ActionItemAssignee", "ActionItemEvent", "AgendaItem", "Attendance", "AuditEvent", "Case", "Decision", "Meeting", "Minutes", "Proposal"];
    const unindexed = await t.db.$queryRaw<{ fk: string }[]>`
      SELECT c.conrelid::regclass::text || '.' || a.attname AS fk
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
      ORDER BY 1`;
    const names = unindexed.map((r) => r.fk.replaceAll('"', ""));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => growing.includes(n.split(".")[0]))).toEqual([]);
  });
});
