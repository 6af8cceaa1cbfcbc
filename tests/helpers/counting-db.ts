import { randomUUID } from "node:crypto";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter, type AdapterHandle } from "@/lib/server/db-adapter";
import { applyMigrations } from "@/lib/server/migrator";

// Like tests/helpers/test-db.ts (a fresh, fully migrated database per test file, PGlite or the
// PostgreSQL server of TEST_DATABASE_URL), but the client's driver adapter counts every SQL
// statement it is asked to run: queryRaw and executeRaw on the connection and on its transactions.
// This is below Prisma, so it also counts the extra statements Prisma itself issues for nested
// selects (relation joins it cannot do in one statement), not just the model calls.

export type QueryCounter = {
  /** Statements run since the last reset. */
  readonly count: number;
  /** The SQL of those statements, in order (for a readable failure). */
  readonly statements: readonly string[];
  reset(): void;
};

export type CountingDb = { db: PrismaClient; counter: QueryCounter; url?: string; close: () => Promise<void> };

type Counting = { statements: string[] };

function countingQueryable<T extends SqlDriverAdapter | Transaction>(target: T, state: Counting): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === "queryRaw" || prop === "executeRaw") {
        return (query: SqlQuery) => {
          state.statements.push(query.sql);
          return (obj[prop] as (q: SqlQuery) => Promise<unknown>).call(obj, query);
        };
      }
      if (prop === "startTransaction") {
        return async (...args: unknown[]) => {
          const tx = await (obj as SqlDriverAdapter).startTransaction(...(args as Parameters<SqlDriverAdapter["startTransaction"]>));
          return countingQueryable(tx, state);
        };
      }
      const value = Reflect.get(obj, prop, receiver);
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
}

function countingFactory(factory: SqlMigrationAwareDriverAdapterFactory, state: Counting): SqlMigrationAwareDriverAdapterFactory {
  return new Proxy(factory, {
    get(obj, prop, receiver) {
      if (prop === "connect") return async () => countingQueryable(await obj.connect(), state);
      const value = Reflect.get(obj, prop, receiver);
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
}

function counterOf(state: Counting): QueryCounter {
  return {
    get count() {
      return state.statements.length;
    },
    get statements() {
      return state.statements;
    },
    reset() {
      state.statements = [];
    },
  };
}

/** A fresh database whose client counts its SQL statements; migrations are applied uncounted. */
export async function createCountingDb(): Promise<CountingDb> {
  const state: Counting = { statements: [] };
  const counter = counterOf(state);
  const serverUrl = process.env.TEST_DATABASE_URL;
  const open = async (handle: AdapterHandle) => {
    await applyMigrations(handle.factory);
    return new PrismaClient({ adapter: countingFactory(handle.factory, state) });
  };
  if (!serverUrl) {
    const handle = await createAdapter({ kind: "pglite", dataDir: "memory://" });
    const db = await open(handle);
    return {
      db,
      counter,
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
  const db = await open(handle);
  return {
    db,
    counter,
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
