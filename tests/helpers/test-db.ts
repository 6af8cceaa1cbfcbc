import { randomUUID } from "node:crypto";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "@/lib/server/db-adapter";
import { applyMigrations } from "@/lib/server/migrator";

export type TestDb = { db: PrismaClient; url?: string; close: () => Promise<void> };

// A fresh, fully migrated database per test file: in-memory PGlite by default, or a new
// database on the PostgreSQL server named by TEST_DATABASE_URL (the CI run on real Postgres).
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await createAdapter({ kind: "pglite", dataDir: "memory://" });
    await applyMigrations(handle.factory);
    const db = new PrismaClient({ adapter: handle.factory });
    return {
      db,
      close: async () => {
        await db.$disconnect();
        await handle.close();
      },
    };
  }
  const { Client } = await import("pg");
  const name = `ipr_test_${randomUUID().replace(/-/g, "")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createAdapter({ kind: "postgres", url: url.toString() });
  await applyMigrations(handle.factory);
  const db = new PrismaClient({ adapter: handle.factory });
  return {
    db,
    url: url.toString(),
    close: async () => {
      await db.$disconnect();
      const drop = new Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await drop.end();
    },
  };
}
