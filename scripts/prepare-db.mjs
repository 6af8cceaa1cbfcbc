#!/usr/bin/env node
// Runs before the server starts: apply migrations, seed demo data into an empty database,
// and refuse production with demo passwords. A separate process, because PGlite's data folder
// can be open in one process at a time and the schema engine needs Node's WASM flag.
import { spawnSync } from "node:child_process";

const run = (script, ...args) => {
  const r = spawnSync(process.execPath, ["scripts/run-ts.mjs", script, ...args], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run("scripts/db.ts", "migrate");
run("prisma/seed/run.ts", "--if-empty");
