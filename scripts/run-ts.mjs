#!/usr/bin/env node
// Runs a TypeScript script with the flags our server-side code needs outside Next.js:
// WASM ES modules for Prisma's schema engine, the react-server condition so that
// `import "server-only"` resolves, and tsx for TypeScript.
import { spawnSync } from "node:child_process";

const [script, ...args] = process.argv.slice(2);
const result = spawnSync(
  process.execPath,
  ["--experimental-wasm-modules", "--no-warnings", "--conditions=react-server", "--import", "tsx", script, ...args],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
