#!/usr/bin/env node
// A throwaway PostgreSQL cluster for tests: initdb into a fresh temp folder, listen on
// 127.0.0.1 on a free port with trust authentication, and remove everything on stop.
//
//   import { startPgCluster } from "./pg-test-cluster.mjs";
//   const { url, stop } = await startPgCluster();   // postgresql://postgres@127.0.0.1:PORT/postgres
//
// As a CLI (for debugging):
//   node scripts/pg-test-cluster.mjs               prints the URL and runs until Ctrl-C
//   node scripts/pg-test-cluster.mjs -- CMD ARGS   runs CMD with TEST_DATABASE_URL set, then stops
//
// initdb refuses to run as root, so as root the server runs as the `postgres` OS user (runuser).
// Durability is switched off (fsync, synchronous_commit, full_page_writes): the data is thrown away.
// Locale matches PGlite's (collation C, ctype C.UTF-8) so both test runs sort and case-fold alike.
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** The newest /usr/lib/postgresql/<version>/bin that has initdb, or PG_BIN_DIR if set. */
export function findPgBinDir() {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(path.join(base, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length) return path.join(base, versions[0], "bin");
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  if (onPath.status === 0 && onPath.stdout.trim()) return path.dirname(onPath.stdout.trim());
  throw new Error(
    "Fant ikke PostgreSQL (initdb) under /usr/lib/postgresql/*/bin. Kjør scripts/ensure-system-deps.sh først.",
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Command line that runs `bin` as the postgres OS user when we are root.
function asPgUser(bin, args) {
  return isRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

function runSync(bin, args, { allowFail = false } = {}) {
  const [cmd, cmdArgs] = asPgUser(bin, args);
  const r = spawnSync(cmd, cmdArgs, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (r.status !== 0 && !allowFail) {
    throw new Error(`${path.basename(bin)} feilet (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

function runAsync(bin, args) {
  const [cmd, cmdArgs] = asPgUser(bin, args);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve(out) : reject(new Error(`${path.basename(bin)} feilet (${code ?? signal}):\n${out}`)),
    );
  });
}

// Clusters still running in this process; cleaned up synchronously on exit and on signals.
const live = new Set();
let handlersInstalled = false;

function cleanupAllSync() {
  for (const cluster of live) cluster.stopSync();
}

function onSignal(signal) {
  cleanupAllSync();
  removeHandlers();
  // Without other listeners, re-raise so the process ends as it would have without us
  // (exit code 128 + n); with them, the caller decides what the signal means.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", cleanupAllSync);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function removeHandlers() {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  process.off("exit", cleanupAllSync);
  for (const s of SIGNALS) process.off(s, onSignal);
}

// A process killed with SIGKILL cannot clean up. Folders of ours that are older than ten minutes
// and have no running postmaster are such leftovers; remove them before starting a new cluster.
function sweepStaleClusters() {
  const tmp = os.tmpdir();
  for (const name of readdirSync(tmp)) {
    if (!name.startsWith("ipr-pg-")) continue;
    const dir = path.join(tmp, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs < 10 * 60_000) continue;
      const pidFile = path.join(dir, "data", "postmaster.pid");
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
        if (pid > 0 && isAlive(pid)) continue;
      }
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // not ours to judge (permissions, a race with its owner): leave it
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/**
 * Starts a fresh PostgreSQL cluster.
 * @returns {Promise<{ url: string, port: number, dir: string, stop: () => Promise<void> }>}
 */
export async function startPgCluster() {
  const bin = findPgBinDir();
  sweepStaleClusters();
  if (isRoot) {
    const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    if (id.status !== 0) throw new Error("OS-brukeren «postgres» finnes ikke (installer pakken postgresql).");
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "ipr-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "postgres.log");
  let started = false;

  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const cluster = {
    stopSync() {
      if (started) runSync(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], { allowFail: true });
      started = false;
      removeDir();
      live.delete(cluster);
      if (live.size === 0) removeHandlers();
    },
  };
  live.add(cluster);
  installHandlers();

  try {
    if (isRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      chownSync(dir, uid, gid);
    }
    await runAsync(path.join(bin, "initdb"), [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "--encoding=UTF8",
      "--lc-collate=C",
      "--lc-ctype=C.UTF-8",
      "--no-sync",
      "--no-instructions",
    ]);
    const port = await freePort();
    // Settings go into postgresql.conf rather than through pg_ctl -o, which passes them via a shell.
    const conf = [
      "",
      "# scripts/pg-test-cluster.mjs: throwaway test cluster",
      "listen_addresses = '127.0.0.1'",
      `port = ${port}`,
      `unix_socket_directories = '${dir}'`,
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "max_connections = 200",
      "shared_buffers = 64MB",
      "max_wal_size = 1GB",
      "checkpoint_timeout = 30min",
      "autovacuum = off",
      "logging_collector = off",
      "log_min_messages = warning",
      "",
    ].join("\n");
    appendFileSync(path.join(dataDir, "postgresql.conf"), conf);
    await runAsync(path.join(bin, "pg_ctl"), ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "start"]).catch((err) => {
      const log = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
      throw new Error(`${err.message}\n${log}`);
    });
    started = true;

    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      try {
        if (started) await runAsync(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "-t", "30", "stop"]);
      } catch {
        runSync(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], { allowFail: true });
      } finally {
        started = false;
        cluster.stopSync();
      }
    };
    return { url, port, dir, stop };
  } catch (err) {
    cluster.stopSync();
    throw err;
  }
}

// ---- CLI ----
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sep = process.argv.indexOf("--");
  const command = sep >= 0 ? process.argv.slice(sep + 1) : [];
  const t0 = Date.now();
  const cluster = await startPgCluster();
  console.log(`PostgreSQL kjører (${Date.now() - t0} ms): ${cluster.url}`);
  if (command.length) {
    const child = spawn(command[0], command.slice(1), {
      stdio: "inherit",
      env: { ...process.env, TEST_DATABASE_URL: cluster.url },
    });
    const forward = (s) => child.kill(s);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    const code = await new Promise((resolve) =>
      child.on("exit", (c, s) => resolve(c ?? (s ? 128 + (os.constants.signals[s] ?? 0) : 1))),
    );
    await cluster.stop();
    process.exit(code);
  } else {
    console.log("Ctrl-C stopper og sletter klyngen.");
    setInterval(() => {}, 1 << 30); // keep running until a signal arrives
  }
}
