import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter, resolveDatabaseTarget } from "@/lib/server/db-adapter";

// One client per process. Next.js dev reloads modules, so the client lives on globalThis;
// with PGlite a second client would open the same data folder twice.
const globalForDb = globalThis as unknown as { __iprDb?: Promise<PrismaClient> };

async function createClient(): Promise<PrismaClient> {
  const target = resolveDatabaseTarget();
  const handle = await createAdapter(target);
  return new PrismaClient({ adapter: handle.factory });
}

export function getDb(): Promise<PrismaClient> {
  globalForDb.__iprDb ??= createClient();
  return globalForDb.__iprDb;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
