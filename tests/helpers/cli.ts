import { spawn } from "node:child_process";
import path from "node:path";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter, type DatabaseTarget } from "@/lib/server/db-adapter";
import { applyMigrations } from "@/lib/server/migrator";

// For tests that drive a CLI as a deployment runs it: a separate process on a database the test
// opens only between runs (an embedded PGlite folder can be open in one process at a time).

const root = path.resolve(import.meta.dirname, "../..");

/** Runs `node scripts/run-ts.mjs <script> <args>` from the project root; stdout and stderr together. */
export function runTsScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/run-ts.mjs", script, ...args], { cwd: root, env });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}

/** A Prisma client on the database for the length of `fn`, closed after (optionally migrated first). */
export async function withPrisma<T>(target: DatabaseTarget, fn: (db: PrismaClient) => Promise<T>, { migrate = false } = {}): Promise<T> {
  const handle = await createAdapter(target);
  if (migrate) await applyMigrations(handle.factory);
  const db = new PrismaClient({ adapter: handle.factory });
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
    await handle.close();
  }
}
