import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";

// On PostgreSQL the app's queries are prepared once per connection and reused (lib/server/db-adapter.ts);
// search stays unnamed. PGlite runs in-process and has no statement names to check.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)("prepared statements on PostgreSQL", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("prepares Prisma's queries under their names and reuses them, but not search", async () => {
    // One transaction is one connection, whose prepared statements pg_prepared_statements lists.
    const prepared = await t.db.$transaction(async (tx) => {
      await tx.council.findMany({ where: { slug: "a" }, select: { id: true } });
      await tx.council.findMany({ where: { slug: "b" }, select: { id: true } });
      await tx.$queryRaw`SELECT ${"møte"}::text AS q, to_tsvector('norwegian', 'møter') @@ websearch_to_tsquery('norwegian', ${"møte"}) AS hit`;
      return tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;
    });
    const council = prepared.filter((p) => p.statement.includes('FROM "public"."Council"'));
    expect(council).toHaveLength(1);
    expect(council[0].name).toMatch(/^ipr_/);
    expect(prepared.some((p) => p.statement.includes("to_tsquery"))).toBe(false);
  });

  it("turns JIT off on every connection of the pool, from its first query", async () => {
    // More queries at once than connections open so far: new connections answer too.
    const settings = await Promise.all(
      Array.from({ length: 12 }, () => t.db.$queryRaw<{ jit: string; pid: number }[]>`SELECT current_setting('jit') AS jit, pg_backend_pid() AS pid, pg_sleep(0.05)::text`),
    );
    expect(new Set(settings.map(([r]) => r.pid)).size).toBeGreaterThan(1);
    expect(settings.map(([r]) => r.jit)).toEqual(Array(12).fill("off"));
  });

  it("prepares nothing with DATABASE_PREPARED_STATEMENTS=off", async () => {
    process.env.DATABASE_PREPARED_STATEMENTS = "off";
    const off = await createTestDb().finally(() => delete process.env.DATABASE_PREPARED_STATEMENTS);
    try {
      const prepared = await off.db.$transaction(async (tx) => {
        await tx.council.findMany({ where: { slug: "a" }, select: { id: true } });
        await tx.council.findMany({ where: { slug: "b" }, select: { id: true } });
        return tx.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements`;
      });
      expect(prepared).toEqual([]);
    } finally {
      await off.close();
    }
  }, 120_000);
});
