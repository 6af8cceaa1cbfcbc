import { defineConfig } from "@playwright/test";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

// End-to-end tests against the production build (`node scripts/start.mjs`), on a fresh embedded
// database per run so the demo seed runs on an empty database. Browsers cannot be downloaded
// here: Debian's Chromium is used (scripts/ensure-system-deps.sh installs it).

// E2E_PORT lets a second checkout run its own e2e servers beside this one.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// A second server on its own database: the demo data without the 17 January 2022 meeting, which
// tests/e2e/replay-minutes.spec.ts re-creates through the UI (Sak 1/22 must be free for it).
export const REPLAY_PORT = PORT + 1;

// This file is evaluated again in every worker process. The main process picks the data folder
// and passes it on through the environment, so workers never pick (or delete) another one.
// Folders of earlier runs are removed, but never one whose Playwright process is still running
// (another run in the same checkout).
if (!process.env.IPR_E2E_DATA_DIR) {
  const dataRoot = path.join(import.meta.dirname, ".data");
  mkdirSync(dataRoot, { recursive: true });
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === "EPERM";
    }
  };
  for (const old of readdirSync(dataRoot)) {
    // The replay server's folder (-replay) goes with its run's folder.
    const match = /^e2e-\d+(?:-(\d+))?(?:-replay)?$/.exec(old);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid && alive(pid)) continue;
    rmSync(path.join(dataRoot, old), { recursive: true, force: true });
  }
  process.env.IPR_E2E_DATA_DIR = path.join(dataRoot, `e2e-${Date.now()}-${process.pid}`);
}
const replayDataDir = `${process.env.IPR_E2E_DATA_DIR}-replay`;

// A third server on PostgreSQL, for tests/e2e/access-matrix.spec.ts: it reads resource ids and
// states from the database, which the PGlite servers keep in-process where no test can open it.
// scripts/test-all.mjs starts a throwaway cluster and passes E2E_DATABASE_URL; for a manual run,
// `node scripts/pg-test-cluster.mjs -- npx playwright test …` sets TEST_DATABASE_URL, taken as well.
// Written back to the environment so the workers (which evaluate this file again) see the same URL.
export const MATRIX_PORT = PORT + 2;
const matrixDatabaseUrl = process.env.E2E_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim() || "";
if (matrixDatabaseUrl) process.env.E2E_DATABASE_URL = matrixDatabaseUrl;
// Exported for tests/e2e/auth.spec.ts, which makes an old session cookie to see it renewed.
export const AUTH_SECRET = "e2e-test-secret-not-for-production-0123456789";

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

// The server inherits this environment; the tests must never run against a configured PostgreSQL.
delete process.env.DATABASE_URL;

// Two workers, one per project. A project keeps to one worker because its tests share a server's
// data and run in file order; the two projects share no server, so they run beside each other.
// Two cores set the pace: more servers, to split the demo-data specs further, would not help.
const OWN_SERVER_SPECS = [/replay-[^/]*\.spec\.ts$/, /access-matrix\.spec\.ts$/];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  outputDir: "test-results/e2e-artifacts",
  projects: [
    { name: "demo", testIgnore: OWN_SERVER_SPECS, workers: 1 },
    { name: "egne-servere", testMatch: OWN_SERVER_SPECS, workers: 1 },
  ],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  // Started in this order; the first builds the app if it is stale, so the second never builds.
  webServer: [
    {
      command: `node scripts/start.mjs --port ${PORT}`,
      url: `${baseURL}/logg-inn`,
      // The first start may build the app (if stale), then migrates and seeds the empty database.
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PGLITE_DATA_DIR: process.env.IPR_E2E_DATA_DIR,
        AUTH_SECRET,
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(PORT),
      },
    },
    {
      command: `node scripts/start.mjs --port ${REPLAY_PORT}`,
      url: `http://127.0.0.1:${REPLAY_PORT}/logg-inn`,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PGLITE_DATA_DIR: replayDataDir,
        DEMO_OMIT_MEETINGS: "au-2022-01-17",
        DEMO_OMIT_PLANS: "indre-ostfold-2025",
        AUTH_SECRET,
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(REPLAY_PORT),
      },
    },
    ...(matrixDatabaseUrl
      ? [
          {
            // An empty database: prepare-db.mjs migrates it and seeds the full demo data.
            command: `node scripts/start.mjs --port ${MATRIX_PORT}`,
            url: `http://127.0.0.1:${MATRIX_PORT}/logg-inn`,
            timeout: 300_000,
            reuseExistingServer: !process.env.CI,
            stdout: "pipe" as const,
            stderr: "pipe" as const,
            env: {
              DATABASE_URL: matrixDatabaseUrl,
              AUTH_SECRET,
              NEXT_TELEMETRY_DISABLED: "1",
              PORT: String(MATRIX_PORT),
            },
          },
        ]
      : []),
  ],
});
