// CLI for the database: `migrate`, `migration <name>`, `check-drift`.
// Run through scripts/run-ts.mjs, which adds the Node flags the WASM schema engine needs.
import { createAdapter } from "../lib/server/db-adapter";
import { applyMigrations, createMigration, diffMigrationsToSchema } from "../lib/server/migrator";

const [command, ...args] = process.argv.slice(2);

async function main() {
  if (command === "migration") {
    const name = args.join("_");
    if (!name) throw new Error("Bruk: npm run db:migration -- <navn>");
    // A throwaway in-memory database: the engine replays the migrations on its shadow database.
    const handle = await createAdapter({ kind: "pglite", dataDir: "memory://" });
    try {
      const dir = await createMigration(handle.factory, name);
      console.log(dir ? `Ny migrering: prisma/migrations/${dir}` : "Ingen endringer i schema.prisma.");
    } finally {
      await handle.close();
    }
    return;
  }
  if (command === "check-drift") {
    const handle = await createAdapter({ kind: "pglite", dataDir: "memory://" });
    try {
      const sql = await diffMigrationsToSchema(handle.factory);
      if (sql) {
        console.error("schema.prisma har endringer uten migrering:\n" + sql);
        process.exitCode = 1;
      } else console.log("Migreringene svarer til schema.prisma.");
    } finally {
      await handle.close();
    }
    return;
  }
  if (command === "migrate") {
    const handle = await createAdapter();
    try {
      const applied = await applyMigrations(handle.factory);
      console.log(applied.length ? `Migreringer kjørt: ${applied.join(", ")}` : "Databasen er oppdatert.");
    } finally {
      await handle.close();
    }
    return;
  }
  throw new Error(`Ukjent kommando: ${command ?? "(ingen)"}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
