import "server-only";
import path from "node:path";
import { mkdirSync } from "node:fs";
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

export async function createAdapter(target: DatabaseTarget = resolveDatabaseTarget()): Promise<AdapterHandle> {
  if (target.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const factory = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
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
