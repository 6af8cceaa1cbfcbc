// `npm run db:backup -- [--out <fil>]` and `npm run db:restore -- <fil> [--force]` for the configured
// database (DATABASE_URL, else embedded PGlite in PGLITE_DATA_DIR). The work is in lib/server/backup.ts.
import path from "node:path";
import { BackupError, backupDatabase, defaultBackupFile, describeTarget, displayPath, restoreDatabase } from "../lib/server/backup";
import { resolveDatabaseTarget } from "../lib/server/db-adapter";
import { parseStorageEnv } from "../lib/server/storage";

const USAGE = "Bruk: npm run db:backup -- [--out <fil>]\n     npm run db:restore -- <fil> [--force]";

function parse(args: string[]): { out?: string; file?: string; force: boolean } {
  const parsed: { out?: string; file?: string; force: boolean } = { force: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--force") parsed.force = true;
    else if (a === "--out" && args[i + 1] && !args[i + 1].startsWith("--")) parsed.out = args[++i];
    else if (a.startsWith("--out=")) parsed.out = a.slice("--out=".length);
    else if (!a.startsWith("-") && parsed.file === undefined) parsed.file = a;
    else throw new BackupError(`Ukjent argument: ${a}\n${USAGE}`);
  }
  return parsed;
}

function size(bytes: number): string {
  const nb = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${nb.format(bytes / 1024)} kB` : `${nb.format(bytes / 1024 / 1024)} MB`;
}

async function main(command: string | undefined, args: string[]) {
  const opts = parse(args);
  const target = resolveDatabaseTarget();
  if (command === "backup") {
    if (opts.file !== undefined || opts.force) throw new BackupError(`db:backup tar bare --out <fil>.\n${USAGE}`);
    const file = opts.out ? path.resolve(opts.out) : defaultBackupFile(target);
    const result = await backupDatabase(target, file);
    console.log(`Sikkerhetskopi av ${describeTarget(target)} lagret i ${displayPath(result.file)} (${size(result.bytes)}).`);
    let storageDir = "STORAGE_DIR";
    try {
      storageDir = parseStorageEnv().STORAGE_DIR;
    } catch {
      // the reminder below is still right without the folder's name
    }
    console.log(`Vedleggene ligger ikke i databasen: kopier ${storageDir} i tillegg.`);
    return;
  }
  if (command === "restore") {
    if (!opts.file || opts.out !== undefined) throw new BackupError(`db:restore trenger filen som skal gjenopprettes.\n${USAGE}`);
    const result = await restoreDatabase(target, path.resolve(opts.file), { force: opts.force });
    console.log(
      `${describeTarget(target).replace(/^./, (c) => c.toUpperCase())} er ${result.replaced ? "erstattet med" : "gjenopprettet fra"} ${opts.file}: ` +
        `${result.tables} tabeller, siste migrering ${result.latestMigration ?? "(ingen)"}. ` +
        "Nyere migreringer kjøres når portalen startes (npm start).",
    );
    return;
  }
  throw new BackupError(USAGE);
}

main(process.argv[2], process.argv.slice(3)).catch((err) => {
  console.error(err instanceof BackupError ? err.message : `Uventet feil: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
