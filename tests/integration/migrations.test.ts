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
});
