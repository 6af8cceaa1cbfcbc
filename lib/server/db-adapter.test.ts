import { beforeEach, describe, expect, it, vi } from "vitest";

// The names under which PostgreSQL keeps prepared statements (lib/server/db-adapter.ts). The
// prepared statements themselves are checked on PostgreSQL in tests/integration/prepared-statements.test.ts.
// Each test gets a fresh module: the names given are process state.
let mod: typeof import("@/lib/server/db-adapter");
beforeEach(async () => {
  vi.resetModules();
  mod = await import("@/lib/server/db-adapter");
});

const twice = (sql: string) => {
  mod.preparedStatementName({ sql });
  return mod.preparedStatementName({ sql });
};

describe("preparedStatementName", () => {
  it("names a text when it comes again, the same way every time, and different texts differently", () => {
    const sql = 'SELECT "id" FROM "Council" WHERE "slug" = $1';
    expect(mod.preparedStatementName({ sql })).toBeUndefined();
    const a = mod.preparedStatementName({ sql });
    expect(a).toMatch(/^ipr_[A-Za-z0-9_-]{24}$/);
    expect(mod.preparedStatementName({ sql })).toBe(a);
    expect(twice('SELECT "id" FROM "Council" WHERE "id" = $1')).not.toBe(a);
  });

  it("leaves search unnamed, so that every search is planned for its own words", () => {
    expect(twice("SELECT 1 WHERE to_tsvector('norwegian', $1) @@ websearch_to_tsquery('norwegian', $2)")).toBeUndefined();
    expect(twice("SELECT 1 WHERE x @@ TO_TSQUERY($1)")).toBeUndefined();
  });

  it("stops naming new statements at the bound, but keeps the names it gave", () => {
    const first = twice("SELECT $1::int AS bound_test");
    for (let i = 0; i < mod.PREPARED_LIMIT; i++) twice(`SELECT ${i} AS filler`);
    expect(twice("SELECT 'after the bound'")).toBeUndefined();
    expect(mod.preparedStatementName({ sql: "SELECT $1::int AS bound_test" })).toBe(first);
  });
});
