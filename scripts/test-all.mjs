#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failing stage.
//
//   1. system packages (Chromium, PostgreSQL)     scripts/ensure-system-deps.sh
//   2. Prisma client                              scripts/generate.mjs
//   3. types                                      next typegen + tsc --noEmit
//   4. unit/integration tests on PGlite           vitest run
//   5. the same tests on a throwaway PostgreSQL   vitest run with TEST_DATABASE_URL
//   6. production build                           next build
//   7. end-to-end tests in Chromium               playwright test (with a throwaway PostgreSQL for the access matrix)
//
// Output streams to the console; Vitest and Playwright also write JSON reports to test-results/,
// which give the counts. The last line is always `N passed, N failed` (tests over all stages;
// a stage that fails without a failing test, e.g. the type check, counts as one failure).
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startPgCluster } from "./pg-test-cluster.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const reports = path.join(root, "test-results");
mkdirSync(reports, { recursive: true });

const node = process.execPath;
const bin = {
  next: "node_modules/next/dist/bin/next",
  tsc: "node_modules/typescript/bin/tsc",
  vitest: "node_modules/vitest/vitest.mjs",
  playwright: "node_modules/@playwright/test/cli.js",
};
const vitestEnv = { NODE_OPTIONS: "--experimental-wasm-modules --no-warnings" };
const MIN = 60_000;

/** @type {{ name: string, ok: boolean, seconds: number, passed: number, failed: number, skipped: number, note?: string }[]} */
const results = [];
let current = null; // the running child, for signal forwarding

function run(cmd, args, { env = {}, timeoutMs }) {
  return new Promise((resolve) => {
    console.log(`\n$ ${[cmd === node ? "node" : cmd, ...args].join(" ")}`);
    // Own process group, so a timeout or Ctrl-C can end the whole tree (next build workers, the web server).
    const child = spawn(cmd, args, {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...env },
      detached: true,
    });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\nTidsavbrudd etter ${Math.round(timeoutMs / 1000)} s – stopper ${path.basename(args[0] ?? cmd)}.`);
      killTree(child, "SIGTERM");
      setTimeout(() => killTree(child, "SIGKILL"), 10_000).unref();
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      current = null;
      resolve({ code: 127, timedOut, error: err });
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      current = null;
      // The group may still hold grandchildren (e.g. a web server); end them too.
      killTree(child, "SIGTERM");
      resolve({ code: code ?? (signal ? 1 : 0), timedOut });
    });
  });
}

function killTree(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

let cluster = null;
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    if (current) killTree(current, sig);
    if (cluster) await cluster.stop().catch(() => {});
    process.exit(130);
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function vitestCounts(file) {
  const r = readJson(file);
  if (!r) return null;
  return {
    passed: r.numPassedTests ?? 0,
    failed: r.numFailedTests ?? 0,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

function playwrightCounts(file) {
  const r = readJson(file);
  if (!r?.stats) return null;
  return {
    passed: (r.stats.expected ?? 0) + (r.stats.flaky ?? 0),
    failed: r.stats.unexpected ?? 0,
    skipped: r.stats.skipped ?? 0,
    errors: r.errors?.length ?? 0,
  };
}

/**
 * Runs one stage. `body` returns { code, timedOut } and optionally counts.
 */
async function stage(name, body) {
  console.log(`\n━━━ ${name} ━━━`);
  const t0 = Date.now();
  let outcome;
  try {
    outcome = await body();
  } catch (err) {
    console.error(err instanceof Error ? err.stack ?? err.message : err);
    outcome = { code: 1, note: err instanceof Error ? err.message.split("\n")[0] : String(err) };
  }
  const counts = outcome.counts ?? { passed: 0, failed: 0, skipped: 0 };
  const ok = outcome.code === 0 && counts.failed === 0;
  // A failed stage always counts at least one failure, so the final line never hides it.
  const failed = ok ? counts.failed : Math.max(1, counts.failed);
  const note = outcome.note ?? (outcome.timedOut ? "tidsavbrudd" : undefined);
  results.push({ name, ok, seconds: (Date.now() - t0) / 1000, passed: counts.passed, failed, skipped: counts.skipped, note });
  if (!ok) finish();
}

function finish() {
  const pad = (s, n) => String(s).padEnd(n);
  console.log("\n━━━ Resultat ━━━");
  for (const r of results) {
    const tests = r.passed || r.failed || r.skipped ? `${r.passed} bestått, ${r.failed} feilet${r.skipped ? `, ${r.skipped} hoppet over` : ""}` : "";
    console.log(
      `${r.ok ? "✔" : "✘"} ${pad(r.name, 34)} ${pad(`${r.seconds.toFixed(1)} s`, 9)} ${tests}${r.note ? ` (${r.note})` : ""}`,
    );
  }
  const total = results.reduce((a, r) => a + r.seconds, 0);
  const allOk = results.every((r) => r.ok);
  console.log(`Totalt ${Math.round(total)} s – ${allOk ? "alt bestått" : "stoppet ved første feil"}.`);
  const passed = results.reduce((a, r) => a + r.passed, 0);
  const failed = results.reduce((a, r) => a + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(allOk ? 0 : 1);
}

async function vitestStage(reportName, env) {
  const report = path.join(reports, reportName);
  rmSync(report, { force: true });
  const r = await run(
    node,
    [bin.vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    { env: { ...vitestEnv, ...env }, timeoutMs: 15 * MIN },
  );
  const counts = vitestCounts(report);
  if (!counts) return { ...r, code: r.code || 1, note: "fant ikke Vitest-rapporten" };
  if (counts.passed + counts.failed === 0) return { ...r, counts, code: r.code || 1, note: "ingen tester kjørt" };
  return { ...r, counts };
}

// ---- the stages ----

await stage("Systempakker (Chromium, PostgreSQL)", () =>
  run("bash", ["scripts/ensure-system-deps.sh"], { timeoutMs: 15 * MIN }),
);

await stage("Prisma-klient", () => run(node, ["scripts/generate.mjs"], { timeoutMs: 3 * MIN }));

await stage("Typesjekk (tsc --noEmit)", async () => {
  // Route types (.next/types, next-env.d.ts) must exist before tsc; a fresh clone has none.
  const gen = await run(node, [bin.next, "typegen"], { env: { NEXT_TELEMETRY_DISABLED: "1" }, timeoutMs: 3 * MIN });
  if (gen.code !== 0) return { ...gen, note: "next typegen feilet" };
  return run(node, [bin.tsc, "--noEmit"], { timeoutMs: 5 * MIN });
});

await stage("Vitest på PGlite", () => vitestStage("vitest-pglite.json", { TEST_DATABASE_URL: "" }));

await stage("Vitest på PostgreSQL", async () => {
  const t0 = Date.now();
  cluster = await startPgCluster();
  console.log(`PostgreSQL-testklynge startet på ${Date.now() - t0} ms: ${cluster.url}`);
  try {
    return await vitestStage("vitest-postgres.json", { TEST_DATABASE_URL: cluster.url });
  } finally {
    await cluster.stop();
    cluster = null;
    console.log("PostgreSQL-testklynge stoppet og slettet.");
  }
});

await stage("Produksjonsbygg (next build)", () =>
  run(node, [bin.next, "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" }, timeoutMs: 10 * MIN }),
);

await stage("Ende-til-ende (Playwright)", async () => {
  const report = path.join(reports, "e2e-report.json");
  rmSync(report, { force: true });
  // The access matrix (tests/e2e/access-matrix.spec.ts) reads the database of a third server on
  // PostgreSQL: a throwaway cluster for this stage only, stopped again even when Playwright fails.
  const t0 = Date.now();
  cluster = await startPgCluster();
  console.log(`PostgreSQL-testklynge for ende-til-ende startet på ${Date.now() - t0} ms: ${cluster.url}`);
  let r;
  try {
    // CI=true: never reuse a server someone left running on the test port.
    r = await run(node, [bin.playwright, "test"], {
      env: { CI: process.env.CI || "true", E2E_DATABASE_URL: cluster.url },
      timeoutMs: 25 * MIN,
    });
  } finally {
    await cluster.stop();
    cluster = null;
    console.log("PostgreSQL-testklynge stoppet og slettet.");
  }
  const counts = playwrightCounts(report);
  if (!counts) return { ...r, code: r.code || 1, note: "fant ikke Playwright-rapporten" };
  if (counts.passed + counts.failed === 0) return { ...r, counts, code: r.code || 1, note: "ingen tester kjørt" };
  if (counts.errors) return { ...r, counts, code: r.code || 1, note: `${counts.errors} feil utenfor tester` };
  return { ...r, counts };
});

finish();
