import "server-only";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

// One decision for the whole process: DATABASE_URL means PostgreSQL, otherwise embedded PGlite.
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL må begynne med postgresql://");
    }
    return { kind: "postgres", url };
  }
  const dataDir = env.PGLITE_DATA_DIR?.trim() || path.join(process.cwd(), ".data", "pglite");
  return { kind: "pglite", dataDir };
}

export type AdapterHandle = {
  target: DatabaseTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
};

// PGlite's contrib extensions are loaded up front so that later migrations (pg_trgm and btree_gin
// for search) behave identically on both databases. Backup and restore (lib/server/backup.ts) open it the same way.
export async function openPglite(dataDir: string) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { btree_gin } = await import("@electric-sql/pglite/contrib/btree_gin");
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  return PGlite.create({ dataDir, extensions: { pg_trgm, btree_gin } });
}

// Named statements are prepared once per connection and then only bound and executed. Prisma's
// queries join their relations in one statement, whose planning took about as long as running it on a
// list page (BENCHMARKS.md); PostgreSQL reuses a generic plan once it is no worse than the custom
// ones. Bounded, because every connection keeps what it has prepared. A text gets a name only when it
// comes again: Prisma writes an IN list of each length as its own text, and one-off variants must not
// use up the bound. Search stays unnamed, because its best plan depends on how common the words are.
// DATABASE_PREPARED_STATEMENTS=0 turns it off (a pooler that cannot carry them).
export const PREPARED_LIMIT = 500;
const SEEN_LIMIT = 5000;
const preparedNames = new Map<string, string>();
const seenOnce = new Set<string>();
export function preparedStatementName(query: { sql: string }): string | undefined {
  const known = preparedNames.get(query.sql);
  if (known) return known;
  if (preparedNames.size >= PREPARED_LIMIT || /to_tsquery/i.test(query.sql)) return undefined;
  if (!seenOnce.has(query.sql)) {
    if (seenOnce.size >= SEEN_LIMIT) seenOnce.clear();
    seenOnce.add(query.sql);
    return undefined;
  }
  seenOnce.delete(query.sql);
  const name = `ipr_${createHash("sha256").update(query.sql).digest("base64url").slice(0, 24)}`;
  preparedNames.set(query.sql, name);
  return name;
}

export async function createAdapter(target: DatabaseTarget = resolveDatabaseTarget()): Promise<AdapterHandle> {
  if (target.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const factory = new PrismaPg(
      {
        connectionString: target.url,
        max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
        // JIT off on every connection before the pool hands it out. JIT pays off for long analytical
        // queries: search's union of sources is estimated above jit_above_cost, and compiling it took
        // seconds to save milliseconds (BENCHMARKS.md). Per connection rather than SET LOCAL per
        // search, which cost a transaction and three round trips. A failure fails the query waiting.
        onConnect: async (client: { query(sql: string): Promise<unknown> }) => {
          await client.query("SET jit = off");
        },
      },
      /^(0|false|off)$/i.test(process.env.DATABASE_PREPARED_STATEMENTS ?? "") ? {} : // The type asks for a name, but the adapter hands it to pg as is, and pg plans an unnamed one.
      { statementNameGenerator: preparedStatementName as (query: { sql: string }) => string },
    );
    return { target, factory, close: async () => {} };
  }
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const client = await openPglite(target.dataDir);
  const factory = new PrismaPGlite(client) as unknown as SqlMigrationAwareDriverAdapterFactory;
  // The adapter runs migration scripts without awaiting them, so a failing migration would look
  // applied; and its shadow database lacks pg_trgm. Both are fixed here for the schema engine.
  type ScriptAdapter = { executeScript(script: string): Promise<void> };
  const awaitingScripts = <T>(adapter: T, db: { exec(sql: string): Promise<unknown> }): T => {
    (adapter as unknown as ScriptAdapter).executeScript = async (script: string) => {
      await db.exec(script);
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  factory.connect = async () => awaitingScripts(await connect(), client);
  factory.connectToShadowDb = async () => {
    const shadow = await openPglite("memory://");
    return awaitingScripts(await new PrismaPGlite(shadow).connect(), shadow) as unknown as Awaited<ReturnType<SqlMigrationAwareDriverAdapterFactory["connectToShadowDb"]>>;
  };
  return { target, factory, close: () => client.close() };
}
