import { describe, expect, it } from "vitest";
import { PREPARED_LIMIT, preparedStatementName } from "@/lib/server/db-adapter";

// The names under which PostgreSQL keeps prepared statements (lib/server/db-adapter.ts). The
// prepared statements themselves are checked on PostgreSQL in tests/integration/prepared-statements.test.ts.
describe("preparedStatementName", () => {
  it("names the same SQL the same way every time, and different SQL differently", () => {
    const a = preparedStatementName({ sql: 'SELECT "id" FROM "Council" WHERE "slug" = $1' });
    const b = preparedStatementName({ sql: 'SELECT "id" FROM "Council" WHERE "id" = $1' });
    expect(a).toMatch(/^ipr_[A-Za-z0-9_-]{24}$/);
    expect(preparedStatementName({ sql: 'SELECT "id" FROM "Council" WHERE "slug" = $1' })).toBe(a);
    expect(b).not.toBe(a);
  });

  it("leaves search unnamed, so that every search is planned for its own words", () => {
    expect(preparedStatementName({ sql: "SELECT 1 WHERE to_tsvector('norwegian', $1) @@ websearch_to_tsquery('norwegian', $2)" })).toBeUndefined();
  });

  it("stops naming new statements at the bound, but keeps the names it gave", () => {
    const first = preparedStatementName({ sql: "SELECT $1::int AS bound_test" });
    for (let i = 0; i < PREPARED_LIMIT; i++) preparedStatementName({ sql: `SELECT ${i} AS filler` });
    expect(preparedStatementName({ sql: "SELECT 'after the bound'" })).toBeUndefined();
    expect(preparedStatementName({ sql: "SELECT $1::int AS bound_test" })).toBe(first);
  });
});
