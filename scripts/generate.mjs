#!/usr/bin/env node
// `prisma generate` needs no schema engine, but the CLI tries to download one unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file. Only the npm registry is reachable here,
// so we point it at a placeholder; generation itself never runs it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, chmodSync } from "node:fs";
import path from "node:path";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  const dir = path.join(process.cwd(), "node_modules", ".cache", "ipr-portalen");
  mkdirSync(dir, { recursive: true });
  const placeholder = path.join(dir, "schema-engine-placeholder");
  if (!existsSync(placeholder)) {
    writeFileSync(placeholder, "#!/bin/sh\necho 'Bruk npm run db:migrate (WASM-skjemamotoren).' >&2\nexit 1\n");
    chmodSync(placeholder, 0o755);
  }
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const bin = path.join(process.cwd(), "node_modules", "prisma", "build", "index.js");
const r = spawnSync(process.execPath, [bin, "generate"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
