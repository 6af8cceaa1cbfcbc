#!/usr/bin/env node
// `npm start`: the whole portal on one machine. Generates the Prisma client and builds the app
// when needed, migrates and seeds the database, then serves on PORT (default 3000).
// Options: --port N, --rebuild.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync, readdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

const args = process.argv.slice(2);
const portArg = args.indexOf("--port");
const port = portArg >= 0 ? args[portArg + 1] : process.env.PORT ?? "3000";
const env = { ...process.env };

// Embedded mode needs no configuration: a secret is made once and kept beside the data.
if (!env.AUTH_SECRET) {
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    console.error("AUTH_SECRET må settes i produksjon.");
    process.exit(1);
  }
  const dir = path.join(process.cwd(), ".data");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

const step = (cmd, cmdArgs) => {
  const r = spawnSync(cmd, cmdArgs, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const newestMtime = (dir) => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "generated") continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
};

if (!existsSync("lib/generated/prisma/client.ts")) step(process.execPath, ["scripts/generate.mjs"]);

const buildId = path.join(".next", "BUILD_ID");
const sources = ["app", "components", "lib", "public"].filter(existsSync);
const stale =
  !existsSync(buildId) ||
  args.includes("--rebuild") ||
  Math.max(...sources.map(newestMtime), statSync("package.json").mtimeMs) > statSync(buildId).mtimeMs;
if (stale) step(process.execPath, ["node_modules/next/dist/bin/next", "build"]);

step(process.execPath, ["scripts/prepare-db.mjs"]);

// V8 grows an idle-looking heap towards its default limit before it collects in earnest, so under
// load one instance reached 0.8–1 GB. A cap keeps it flat at a few percent of throughput
// (BENCHMARKS.md). NODE_HEAP_MB changes it; a heap size in NODE_OPTIONS wins.
const heapArgs = /max-old-space-size/.test(env.NODE_OPTIONS ?? "") ? [] : [`--max-old-space-size=${env.NODE_HEAP_MB || "384"}`];
const server = spawn(process.execPath, [...heapArgs, "node_modules/next/dist/bin/next", "start", "-p", String(port)], {
  stdio: "inherit",
  env,
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
