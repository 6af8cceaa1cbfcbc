import "server-only";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { openPglite, type DatabaseTarget } from "@/lib/server/db-adapter";

// Backup and restore of the whole database (`npm run db:backup`, `npm run db:restore`).
//
// Embedded PGlite: a logical dump by the WASM build of pg_dump in @electric-sql/pglite-tools, as
// gzipped plain SQL (`INSERT` statements, which PGlite can replay with exec). PostgreSQL: the
// server's own pg_dump in custom format, restored through pg_restore. Both are logical dumps:
// schema, data, sequences, functions and triggers, independent of the storage format, so a backup
// survives a PGlite or PostgreSQL upgrade. A backup restores into the same kind of database only.
//
// A restore runs in ONE transaction: it either replaces the database or leaves it as it was.

/** A refusal or failure with a Norwegian message the CLI prints as it is. */
export class BackupError extends Error {}

export type BackupFormat = "pglite-sql" | "postgres-custom";

const FORMAT_LABEL: Record<BackupFormat, string> = {
  "pglite-sql": "den innebygde databasen (PGlite)",
  "postgres-custom": "PostgreSQL",
};

export type BackupResult = { file: string; bytes: number; format: BackupFormat };
export type RestoreResult = { tables: number; latestMigration: string | null; replaced: boolean };

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `den innebygde databasen i ${displayPath(target.dataDir)}`;
  const u = new URL(target.url);
  return `PostgreSQL-databasen «${decodeURIComponent(u.pathname.slice(1)) || u.username || "postgres"}» på ${u.hostname || "localhost"}${u.port ? `:${u.port}` : ""}`;
}

/** backups/ipr-<pglite|postgres>-<UTC time>.<ext>, e.g. backups/ipr-pglite-20261202T011500Z.sql.gz */
export function defaultBackupFile(target: DatabaseTarget, now = new Date(), dir = path.join(process.cwd(), "backups")): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  return target.kind === "pglite"
    ? path.join(dir, `ipr-pglite-${stamp}.sql.gz`)
    : path.join(dir, `ipr-postgres-${stamp}.pgdump`);
}

export async function backupDatabase(target: DatabaseTarget, file: string): Promise<BackupResult> {
  if (existsSync(file)) throw new BackupError(`Filen ${displayPath(file)} finnes allerede. Velg et annet navn med --out.`);
  // Backups hold personal data and password hashes: only the owner may read them.
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.part`;
  rmSync(partial, { force: true });
  closeSync(openSync(partial, "wx", 0o600));
  try {
    if (target.kind === "pglite") await dumpPglite(target.dataDir, partial);
    else await dumpPostgres(target.url, partial);
    // Renamed only when complete, so a file with the final name is never a half-written backup.
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return { file, bytes: statSync(file).size, format: target.kind === "pglite" ? "pglite-sql" : "postgres-custom" };
}

export async function restoreDatabase(target: DatabaseTarget, file: string, { force = false } = {}): Promise<RestoreResult> {
  if (!existsSync(file)) throw new BackupError(`Fant ikke filen ${displayPath(file)}.`);
  const format = detectFormat(file);
  const wanted: BackupFormat = target.kind === "pglite" ? "pglite-sql" : "postgres-custom";
  if (format !== wanted) {
    throw new BackupError(
      `${displayPath(file)} er en sikkerhetskopi av ${FORMAT_LABEL[format]}, men portalen bruker ${FORMAT_LABEL[wanted]}` +
        `${target.kind === "pglite" ? " (DATABASE_URL er ikke satt)" : " (DATABASE_URL er satt)"}. ` +
        "En sikkerhetskopi kan bare gjenopprettes til samme type database.",
    );
  }
  return target.kind === "pglite" ? restorePglite(target.dataDir, file, force) : restorePostgres(target.url, file, force);
}

// ─── What is in a database ───

type Query = <T>(sql: string) => Promise<T[]>;

// Objects in the public schema that are not part of an extension (pg_trgm alone does not count).
const CONTENTS_SQL = `
  WITH ns AS (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public'),
  own AS (
    SELECT c.oid, 'pg_catalog.pg_class'::regclass AS classid, c.relkind IN ('r', 'p') AS is_table
      FROM pg_catalog.pg_class c WHERE c.relnamespace IN (SELECT oid FROM ns) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    UNION ALL SELECT p.oid, 'pg_catalog.pg_proc'::regclass, false FROM pg_catalog.pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ns)
    UNION ALL SELECT t.oid, 'pg_catalog.pg_type'::regclass, false FROM pg_catalog.pg_type t WHERE t.typnamespace IN (SELECT oid FROM ns) AND t.typtype IN ('e', 'd')
  )
  SELECT count(*) FILTER (WHERE is_table)::int AS tables, count(*)::int AS objects FROM own o
   WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = o.classid AND d.objid = o.oid AND d.deptype = 'e')`;

async function contents(query: Query): Promise<{ tables: number; objects: number }> {
  const [row] = await query<{ tables: number; objects: number }>(CONTENTS_SQL);
  return row;
}

async function summary(query: Query, replaced: boolean): Promise<RestoreResult> {
  const { tables } = await contents(query);
  const [{ present }] = await query<{ present: boolean }>(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`);
  const latest = present
    ? await query<{ name: string }>(`SELECT migration_name AS name FROM public._prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1`)
    : [];
  return { tables, latestMigration: latest[0]?.name ?? null, replaced };
}

function refuseNonEmpty(target: string, tables: number): never {
  throw new BackupError(
    `${capitalize(target)} er ikke tom (${tables === 1 ? "1 tabell" : `${tables} tabeller`}). Gjenopprettingen ville erstatte alt innholdet. ` +
      "Kjør på nytt med --force hvis det er meningen: npm run db:restore -- <fil> --force",
  );
}

// Used with --force: the dump recreates everything in the public schema (pg_trgm included).
const RESET_PUBLIC_SQL = "DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n";

// ─── Embedded PGlite ───

async function dumpPglite(dataDir: string, outFile: string): Promise<void> {
  if (dataDir.startsWith("memory://")) throw new BackupError("En database i minnet (memory://) kan ikke sikkerhetskopieres.");
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new BackupError(`Fant ingen innebygd database i ${displayPath(dataDir)}.`);
  assertNotInUse(dataDir);
  const pg = await openPglite(dataDir);
  try {
    const { pgDump } = await import("@electric-sql/pglite-tools/pg_dump");
    const dump = await (await pgDump({ pg, args: ["--no-owner", "--no-privileges"] })).text();
    await writeFile(outFile, gzipSync(dump));
  } finally {
    await pg.close();
  }
}

async function restorePglite(dataDir: string, file: string, force: boolean): Promise<RestoreResult> {
  if (dataDir.startsWith("memory://")) throw new BackupError("Kan ikke gjenopprette til en database i minnet (memory://).");
  const sql = readPgliteDump(await readFile(file), file);
  if (existsSync(dataDir)) assertNotInUse(dataDir);
  const pg = await openPglite(dataDir);
  const query: Query = async <T>(text: string) => (await pg.query<T>(text)).rows;
  try {
    const before = await contents(query);
    const nonEmpty = before.objects > 0;
    if (nonEmpty && !force) refuseNonEmpty(describeTarget({ kind: "pglite", dataDir }), before.tables);
    try {
      await pg.transaction(async (tx) => {
        await tx.exec((nonEmpty ? RESET_PUBLIC_SQL : "") + sql);
      });
    } catch (err) {
      throw new BackupError(`Gjenopprettingen feilet, og databasen er uendret: ${err instanceof Error ? err.message : String(err)}`);
    }
    return await summary(query, nonEmpty);
  } finally {
    await pg.close();
  }
}

const DUMP_HEAD = "-- PostgreSQL database dump";
const DUMP_END = "-- PostgreSQL database dump complete";

function readPgliteDump(bytes: Buffer, file: string): string {
  let sql: string;
  try {
    sql = (isGzip(bytes) ? gunzipSync(bytes) : bytes).toString("utf8");
  } catch {
    throw new BackupError(`Sikkerhetskopien ${displayPath(file)} er skadet (kan ikke pakkes ut). Databasen er ikke endret.`);
  }
  if (!sql.startsWith(`--\n${DUMP_HEAD}`)) throw new BackupError(`${displayPath(file)} er ikke en sikkerhetskopi fra npm run db:backup.`);
  // pg_dump writes its closing line last: without it the file was cut short.
  if (!sql.slice(-200).includes(DUMP_END)) {
    throw new BackupError(`Sikkerhetskopien ${displayPath(file)} er ufullstendig (mangler slutten av dumpen). Databasen er ikke endret.`);
  }
  return sql;
}

// ─── PostgreSQL ───

async function dumpPostgres(url: string, outFile: string): Promise<void> {
  const bins = pgClientBins();
  const conn = libpqConnection(url);
  const serverMajor = await withClient(url, async (query) => {
    const [row] = await query<{ v: string }>("SHOW server_version_num");
    return Math.floor(Number(row.v) / 10000);
  });
  const toolMajor = toolVersion(bins.pg_dump);
  if (toolMajor < serverMajor) {
    throw new BackupError(
      `pg_dump ${toolMajor} (${bins.dir}) er eldre enn PostgreSQL-serveren (${serverMajor}) og kan ikke ta sikkerhetskopi av den. ` +
        `Installer postgresql-client-${serverMajor}, eller pek PG_BIN_DIR på en nyere bin-mappe.`,
    );
  }
  const child = spawn(bins.pg_dump, ["--format=custom", "--no-password", `--file=${outFile}`, `--dbname=${conn.url}`], {
    env: conn.env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const { code, stderr } = await finished(child);
  if (code !== 0) throw new BackupError(`pg_dump feilet (kode ${code}):\n${stderr.trim()}`);
}

async function restorePostgres(url: string, file: string, force: boolean): Promise<RestoreResult> {
  const bins = pgClientBins();
  const conn = libpqConnection(url);
  const target = describeTarget({ kind: "postgres", url });
  const before = await withClient(url, contents);
  const nonEmpty = before.objects > 0;
  if (nonEmpty && !force) refuseNonEmpty(target, before.tables);

  // pg_restore turns the archive into SQL and psql runs it inside our own BEGIN, which is
  // committed only if pg_restore read the whole archive without error. psql's --single-transaction
  // would commit whatever arrived, even from an archive cut short.
  const psql = spawn(bins.psql, ["-X", "-q", "--no-password", "-v", "ON_ERROR_STOP=1", `--dbname=${conn.url}`], {
    env: conn.env,
    stdio: ["pipe", "ignore", "pipe"],
  });
  const restore = spawn(bins.pg_restore, ["--no-owner", "--no-privileges", "--file=-", file], {
    env: conn.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  psql.stdin!.on("error", () => {}); // psql stopped at an error: its exit code tells
  psql.on("exit", () => {
    if (restore.exitCode === null) restore.kill(); // nobody reads its output any more
  });
  psql.stdin!.write(`BEGIN;\n${nonEmpty ? RESET_PUBLIC_SQL : ""}`);
  restore.stdout!.pipe(psql.stdin!, { end: false });
  const restored = await finished(restore);
  psql.stdin!.end(restored.code === 0 ? "COMMIT;\n" : "");
  const applied = await finished(psql);
  if (restored.code !== 0 || applied.code !== 0) {
    const why = applied.code !== 0 && applied.stderr.trim() ? applied.stderr.trim() : restored.stderr.trim();
    throw new BackupError(`Gjenopprettingen feilet, og databasen er uendret:\n${why}`);
  }
  return withClient(url, (query) => summary(query, nonEmpty));
}

async function withClient<T>(url: string, fn: (query: Query) => Promise<T>): Promise<T> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new BackupError(`Kunne ikke koble til ${describeTarget({ kind: "postgres", url })}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return await fn(async <T>(sql: string) => (await client.query(sql)).rows as T[]);
  } finally {
    await client.end();
  }
}

// Parameters libpq understands in a connection URI; others (Prisma's or node-postgres') make
// pg_dump refuse the URI, so they are left out.
const LIBPQ_PARAMS = new Set([
  "host", "hostaddr", "port", "dbname", "user", "passfile", "channel_binding", "connect_timeout", "client_encoding",
  "options", "application_name", "fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval",
  "keepalives_count", "tcp_user_timeout", "sslmode", "sslnegotiation", "sslcompression", "sslcert", "sslkey",
  "sslpassword", "sslcertmode", "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer", "require_auth",
  "ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode", "krbsrvname", "gsslib", "gssdelegation",
  "service", "target_session_attrs", "load_balance_hosts",
]);

/** The URI for pg_dump/pg_restore/psql without the password, which goes in PGPASSWORD instead. */
export function libpqConnection(url: string, baseEnv: NodeJS.ProcessEnv = process.env): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...baseEnv };
  // A command line can be read by every user on the machine (ps, /proc); the environment cannot.
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = "";
  for (const key of [...u.searchParams.keys()]) {
    if (key === "password") {
      env.PGPASSWORD = u.searchParams.get(key) ?? "";
      u.searchParams.delete(key);
    } else if (!LIBPQ_PARAMS.has(key)) u.searchParams.delete(key);
  }
  return { url: u.toString(), env };
}

type PgBins = { dir: string; pg_dump: string; pg_restore: string; psql: string };

/** PG_BIN_DIR, else the newest /usr/lib/postgresql/<version>/bin with pg_dump (Debian), else PATH. */
export function pgClientBins(env: NodeJS.ProcessEnv = process.env): PgBins {
  const withTools = (dir: string): PgBins | null =>
    ["pg_dump", "pg_restore", "psql"].every((b) => existsSync(path.join(dir, b)))
      ? { dir, pg_dump: path.join(dir, "pg_dump"), pg_restore: path.join(dir, "pg_restore"), psql: path.join(dir, "psql") }
      : null;
  if (env.PG_BIN_DIR) {
    const found = withTools(env.PG_BIN_DIR);
    if (!found) throw new BackupError(`PG_BIN_DIR (${env.PG_BIN_DIR}) mangler pg_dump, pg_restore eller psql.`);
    return found;
  }
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const found = withTools(path.join(base, v, "bin"));
    if (found) return found;
  }
  const onPath = spawnSync("sh", ["-c", "command -v pg_dump"], { encoding: "utf8" });
  const found = onPath.status === 0 && onPath.stdout.trim() ? withTools(path.dirname(onPath.stdout.trim())) : null;
  if (found) return found;
  throw new BackupError("Fant ikke pg_dump, pg_restore og psql. Installer pakken postgresql-client (Debian), eller sett PG_BIN_DIR.");
}

function toolVersion(bin: string): number {
  const out = spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout ?? "";
  const m = out.match(/(\d+)(?:\.\d+)?/);
  if (!m) throw new BackupError(`Kunne ikke lese versjonen til ${bin}.`);
  return Number(m[1]);
}

function finished(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

// ─── Files ───

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function detectFormat(file: string): BackupFormat {
  const head = Buffer.alloc(64);
  const fd = openSync(file, "r");
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres-custom";
  if (isGzip(head)) return "pglite-sql";
  if (head.subarray(0, n).toString("utf8").startsWith("--\n" + DUMP_HEAD)) return "pglite-sql";
  throw new BackupError(`${displayPath(file)} er ikke en sikkerhetskopi fra npm run db:backup.`);
}

// PGlite has no lock of its own: a second process that opens the folder while the portal has it
// open can damage it. Linux shows every process's open files under /proc; elsewhere this finds nothing.
function assertNotInUse(dataDir: string): void {
  const dir = realpathSync(dataDir);
  const users: number[] = [];
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((n) => /^\d+$/.test(n) && Number(n) !== process.pid);
  } catch {
    return;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    for (const fd of fds) {
      let link = "";
      try {
        link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (link === dir || link.startsWith(dir + path.sep)) {
        users.push(Number(pid));
        break;
      }
    }
  }
  if (users.length) {
    throw new BackupError(
      `Den innebygde databasen i ${displayPath(dataDir)} er åpen i en annen prosess (pid ${users.join(", ")}). ` +
        "Stopp portalen (og npm run jobs) først: PGlite kan bare brukes av én prosess om gangen.",
    );
  }
}

/** A path relative to the working folder when it lies inside it, else as given. */
export function displayPath(p: string): string {
  if (p.startsWith("memory://")) return p;
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
