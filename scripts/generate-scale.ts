// CLI: `npm run db:generate-scale -- [--scale 1] [--seed 42] [--reset]`.
// Fills the database (DATABASE_URL, or the embedded PGlite folder) with the deterministic
// national-scale data set of lib/scale/generate.ts: scale 1 is 60 councils and about 480,000
// agenda items; use --scale 0.01–0.05 on PGlite. Applies the migrations first, and refuses a
// database that already has data unless --reset, which empties every application table.
// Every account gets the published demo password (prisma/seed/demo-accounts.ts), so production
// start refuses such a database, as it does the demo data.
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "@/lib/server/db-adapter";
import { applyMigrations } from "@/lib/server/migrator";
import { hashPassword } from "@/lib/server/password";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { generateScaleData, isEmpty, truncateAll } from "@/lib/scale/generate";

class CliError extends Error {}

const USAGE = "Bruk: generate-scale.ts [--scale <tall>] [--seed <heltall>] [--reset]";

function parseArgs(args: string[]) {
  let scale = 1;
  let seed = 42;
  let reset = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.includes("=") ? a.split("=", 2) : [a, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new CliError(`${flag} mangler verdi. ${USAGE}`);
      return v;
    };
    if (flag === "--scale") scale = Number(value());
    else if (flag === "--seed") seed = Number(value());
    else if (flag === "--reset") reset = true;
    else throw new CliError(`Ukjent argument: ${a}. ${USAGE}`);
  }
  if (!Number.isFinite(scale) || scale <= 0) throw new CliError(`--scale må være et positivt tall. ${USAGE}`);
  if (!Number.isInteger(seed)) throw new CliError(`--seed må være et heltall. ${USAGE}`);
  return { scale, seed, reset };
}

async function main(argv: string[]) {
  const { scale, seed, reset } = parseArgs(argv);
  const t0 = Date.now();
  const handle = await createAdapter();
  const db = new PrismaClient({ adapter: handle.factory });
  try {
    const applied = await applyMigrations(handle.factory);
    if (applied.length) console.log(`Migreringer kjørt: ${applied.join(", ")}`);
    console.log(`Database: ${handle.target.kind === "postgres" ? "PostgreSQL" : `PGlite (${handle.target.dataDir})`}`);
    if (!(await isEmpty(db))) {
      if (!reset) throw new CliError("Databasen er ikke tom. Bruk --reset for å tømme alle tabellene først.");
      await truncateAll(db);
      console.log("Alle tabeller tømt (--reset).");
    }
    // Argon2 is deliberately slow: one hash serves every generated account.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const { exact } = await generateScaleData(db, { scale, seed, passwordHash, log: (m) => console.log(m) });
    const counts = await tableCounts(db);
    console.log("Skrevet:");
    for (const [name, n] of counts) console.log(`  ${name.padEnd(22)} ${n.toLocaleString("nb-NO")}`);
    const exempt = await db.case.count({ where: { isExempt: true } });
    const cases = counts.find(([n]) => n === "Case")?.[1] ?? 0;
    console.log(`Unntatt offentlighet: ${exempt} av ${cases} saker (${((100 * exempt) / Math.max(1, cases)).toFixed(1)} %)`);
    if (counts.find(([n]) => n === "AgendaItem")?.[1] !== exact.agendaItems) throw new Error("Antallet saker på sakskart stemmer ikke med planen");
    console.log(`Ferdig på ${((Date.now() - t0) / 1000).toFixed(1)} s. Brukere: admin@scale.ipr.example og <rolle>@<råd>.scale.example, passord «${DEMO_PASSWORD}».`);
  } finally {
    await db.$disconnect();
    await handle.close();
  }
}

async function tableCounts(db: PrismaClient): Promise<[string, number][]> {
  const rows = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const out: [string, number][] = [];
  for (const { tablename } of rows) {
    const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${tablename}"`);
    if (n > 0) out.push([tablename, n]);
  }
  return out;
}

main(process.argv.slice(2)).then(
  // PGlite keeps the process alive; the work is done.
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err instanceof CliError ? err.message : err);
    process.exit(1);
  },
);
