// `npm run jobs`: the background work as its own process, for deployments that run a separate
// worker (set JOBS_IN_PROCESS=0 on the app instances). `--once` runs one round and exits.
// With embedded PGlite the app process owns the data folder, so this is for PostgreSQL.
import { runJobsOnce } from "../lib/server/jobs";
import { env } from "../lib/server/env";
import { getDb } from "../lib/server/db";

const once = process.argv.includes("--once");

async function main() {
  if (once) {
    await runJobsOnce({ forceReminders: true });
    // Closing the client lets embedded PGlite write its data folder before the process ends.
    await (await getDb()).$disconnect();
    console.log("Bakgrunnsjobbene er kjørt én gang.");
    process.exit(0);
  }
  console.log(`Bakgrunnsjobber startet: utboksen hvert minutt, påminnelser hvert ${env().REMINDER_INTERVAL_MINUTES}. minutt.`);
  for (;;) {
    await runJobsOnce().catch((err) => console.error("Bakgrunnsjobb feilet:", err instanceof Error ? err.message : err));
    await new Promise((r) => setTimeout(r, 60_000));
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
