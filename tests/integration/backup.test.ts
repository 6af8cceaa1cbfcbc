import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError, backupDatabase, defaultBackupFile, libpqConnection, restoreDatabase } from "@/lib/server/backup";
import { openPglite, type DatabaseTarget } from "@/lib/server/db-adapter";
import { writeAudit } from "@/lib/server/audit";
import { seedDemoData } from "@/prisma/seed/seed";
import { runTsScript, withPrisma } from "@/tests/helpers/cli";

// `npm run db:backup` / `npm run db:restore` (lib/server/backup.ts): the demo data goes through a
// backup into a fresh empty database and nothing is lost, neither rows, nor sequences, nor the
// functions and triggers that lock approved minutes. On PGlite, and with TEST_DATABASE_URL on PostgreSQL.

const serverUrl = process.env.TEST_DATABASE_URL;

type Query = <T>(sql: string) => Promise<T[]>;
type Database = { target: DatabaseTarget; drop: () => Promise<void> };

const work = mkdtempSync(path.join(tmpdir(), "ipr-backup-test-"));
let counter = 0;

async function adminQuery(sql: string): Promise<void> {
  const { Client } = await import("pg");
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A new database with nothing in it: not even the migrations. */
async function emptyDatabase(): Promise<Database> {
  counter += 1;
  if (!serverUrl) {
    const dataDir = path.join(work, `db-${counter}`);
    return { target: { kind: "pglite", dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `ipr_backup_${process.pid}_${counter}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { target: { kind: "postgres", url: url.toString() }, drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function withQuery<T>(target: DatabaseTarget, fn: (query: Query) => Promise<T>): Promise<T> {
  if (target.kind === "pglite") {
    const pg = await openPglite(target.dataDir);
    try {
      return await fn(async <R>(sql: string) => (await pg.query<R>(sql)).rows);
    } finally {
      await pg.close();
    }
  }
  const { Client } = await import("pg");
  const client = new Client({ connectionString: target.url });
  await client.connect();
  try {
    return await fn(async <R>(sql: string) => (await client.query(sql)).rows as R[]);
  } finally {
    await client.end();
  }
}

type Fingerprint = {
  tables: Record<string, { rows: number; md5: string }>;
  sequences: unknown[];
  indexes: unknown[];
  constraints: unknown[];
  triggers: unknown[];
  functions: unknown[];
  extensions: unknown[];
};

// Everything a restore must bring back, compared as values: per table the row count and an
// order-independent checksum of all rows, and the definitions of the schema objects around them.
async function fingerprint(target: DatabaseTarget): Promise<Fingerprint> {
  return withQuery(target, async (query) => {
    const names = await query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename COLLATE "C"`,
    );
    const tables: Fingerprint["tables"] = {};
    for (const { name } of names) {
      const [row] = await query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5 FROM public."${name}" t`,
      );
      tables[name] = row;
    }
    const pub = `(SELECT oid FROM pg_namespace WHERE nspname = 'public')`;
    return {
      tables,
      sequences: await query(`SELECT sequencename, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename COLLATE "C"`),
      indexes: await query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname COLLATE "C"`),
      constraints: await query(
        `SELECT conrelid::regclass::text AS rel, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = ${pub} ORDER BY conrelid::regclass::text COLLATE "C", conname COLLATE "C"`,
      ),
      triggers: await query(
        `SELECT tgrelid::regclass::text AS rel, tgname, pg_get_triggerdef(oid) AS def, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgrelid::regclass::text COLLATE "C", tgname COLLATE "C"`,
      ),
      functions: await query(
        `SELECT proname, pg_get_function_identity_arguments(oid) AS args, md5(pg_get_functiondef(oid)) AS def FROM pg_proc WHERE pronamespace = ${pub} AND prokind = 'f' ORDER BY proname COLLATE "C", pg_get_function_identity_arguments(oid) COLLATE "C"`,
      ),
      extensions: await query(`SELECT extname, extversion FROM pg_extension ORDER BY extname COLLATE "C"`),
    };
  });
}

describe(`backup and restore (${serverUrl ? "PostgreSQL" : "PGlite"})`, () => {
  let source: Database;
  let restored: Database;
  let file: string;
  let original: Fingerprint;

  beforeAll(async () => {
    source = await emptyDatabase();
    await withPrisma(
      source.target,
      async (db) => {
        await seedDemoData(db);
        // The demo data writes no audit events: these move AuditEvent's id sequence past 1.
        for (const action of ["backup.test.a", "backup.test.b"]) await writeAudit(db, { actor: "system", action, entityType: "Test" });
      },
      { migrate: true },
    );
    file = path.join(work, serverUrl ? "source.pgdump" : "source.sql.gz");
    const result = await backupDatabase(source.target, file);
    expect(result.bytes).toBeGreaterThan(0);
    original = await fingerprint(source.target);
    restored = await emptyDatabase();
  });

  afterAll(async () => {
    await source?.drop();
    await restored?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it("writes the backup readable by its owner only", () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("restores into an empty database with every table, row, sequence, index, constraint, function and trigger", async () => {
    const result = await restoreDatabase(restored.target, file);
    expect(result.replaced).toBe(false);
    expect(result.latestMigration).toMatch(/^\d{14}_/);
    // The comparison means something: the demo data is there, with the migration history.
    expect(Object.keys(original.tables)).toEqual(expect.arrayContaining(["_prisma_migrations", "AuditEvent", "Minutes", "User"]));
    expect(original.tables._prisma_migrations.rows).toBeGreaterThan(0);
    expect(original.tables.User.rows).toBeGreaterThan(0);
    expect(original.tables.AuditEvent.rows).toBe(2);
    expect(original.triggers.length).toBeGreaterThan(0);
    expect(result.tables).toBe(Object.keys(original.tables).length);
    expect(await fingerprint(restored.target)).toEqual(original);
  });

  it("keeps the database lock on approved minutes", async () => {
    await withQuery(restored.target, async (query) => {
      const triggers = await query<{ rel: string }>(`SELECT tgrelid::regclass::text AS rel FROM pg_trigger WHERE tgname = 'minutes_lock'`);
      expect(triggers.map((t) => t.rel)).toContain('"Minutes"');
      const [{ approved }] = await query<{ approved: number }>(`SELECT count(*)::int AS approved FROM "Minutes" WHERE status = 'APPROVED'`);
      expect(approved).toBeGreaterThan(0);
      await expect(query(`UPDATE "Minutes" SET "introduction" = 'endret etter gjenoppretting' WHERE status = 'APPROVED'`)).rejects.toThrow(
        /minutes_locked/,
      );
    });
  });

  it("continues the sequences: a new audit event gets the next id", async () => {
    const before = await withQuery(restored.target, async (query) => (await query<{ max: string }>(`SELECT max(id)::text AS max FROM "AuditEvent"`))[0].max);
    const created = await withPrisma(restored.target, (db) =>
      db.auditEvent.create({ data: { actor: "system", action: "backup.test.after-restore", entityType: "Test" }, select: { id: true } }),
    );
    expect(created.id).toBe(BigInt(before) + 1n);
  });

  it("refuses to overwrite a database that is not empty, and replaces it with --force", async () => {
    // The restored database now has one audit event more than the backup.
    await expect(restoreDatabase(restored.target, file)).rejects.toThrow(BackupError);
    await expect(restoreDatabase(restored.target, file)).rejects.toThrow(/ikke tom \(\d+ tabeller\).*--force/);
    expect((await fingerprint(restored.target)).tables.AuditEvent.rows).toBe(3);

    const result = await restoreDatabase(restored.target, file, { force: true });
    expect(result.replaced).toBe(true);
    expect(await fingerprint(restored.target)).toEqual(original);
  });

  it("refuses a file that is not a backup, and a cut-short backup, leaving the database as it was", async () => {
    const junk = path.join(work, "junk.txt");
    writeFileSync(junk, "ikke en sikkerhetskopi\n");
    await expect(restoreDatabase(restored.target, junk, { force: true })).rejects.toThrow(/ikke en sikkerhetskopi fra npm run db:backup/);

    const cut = path.join(work, serverUrl ? "cut.pgdump" : "cut.sql");
    const whole = serverUrl ? readFileSync(file) : gunzipSync(readFileSync(file));
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(restoreDatabase(restored.target, cut, { force: true })).rejects.toThrow(/ufullstendig|feilet, og databasen er uendret/);
    expect(await fingerprint(restored.target)).toEqual(original);
  });

  it.skipIf(serverUrl)("the CLI refuses while the portal has the PGlite folder open, and backs it up once it is closed", async () => {
    const dataDir = (source.target as { dataDir: string }).dataDir;
    const run = (args: string[]) => {
      const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      delete env.STORAGE_DIR;
      return runTsScript("scripts/backup.ts", args, env);
    };
    const out = path.join(work, "cli.sql.gz");
    const portal = await openPglite(dataDir); // stands in for the running portal
    try {
      await portal.query("SELECT 1");
      const refused = await run(["backup", "--out", out]);
      expect(refused.code).toBe(1);
      expect(refused.out).toMatch(/er åpen i en annen prosess \(pid \d+\)\. Stopp portalen/);
    } finally {
      await portal.close();
    }
    const done = await run(["backup", "--out", out]);
    expect(done.code, done.out).toBe(0);
    expect(done.out).toMatch(/^Sikkerhetskopi av den innebygde databasen i .* lagret i .*cli\.sql\.gz \(\d+(,\d)? kB\)\./);
    expect(done.out).toContain("Vedleggene ligger ikke i databasen: kopier .data/files i tillegg.");
  });
});

describe("backup helpers", () => {
  it("names the default file after the database and the UTC time, under backups/", () => {
    const at = new Date("2026-12-02T01:15:00.123Z");
    expect(defaultBackupFile({ kind: "pglite", dataDir: "/x" }, at, "/srv/ipr/backups")).toBe("/srv/ipr/backups/ipr-pglite-20261202T011500Z.sql.gz");
    expect(defaultBackupFile({ kind: "postgres", url: "postgresql://h/db" }, at, "/srv/ipr/backups")).toBe("/srv/ipr/backups/ipr-postgres-20261202T011500Z.pgdump");
  });

  it("keeps the PostgreSQL password off pg_dump's command line and drops parameters libpq does not know", () => {
    const conn = libpqConnection("postgresql://ipr:s%C3%A6cret%40x@db.example:5432/ipr?sslmode=require&connection_limit=5&schema=public", { NODE_ENV: "test" });
    expect(conn.url).toBe("postgresql://ipr@db.example:5432/ipr?sslmode=require");
    expect(conn.env.PGPASSWORD).toBe("sæcret@x");
  });
});
