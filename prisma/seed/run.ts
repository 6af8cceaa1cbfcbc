// CLI: `node scripts/run-ts.mjs prisma/seed/run.ts [--if-empty]`.
// Without flags it seeds the demo data and fails if the database already has data; with
// --if-empty it seeds only an empty database (what `npm run dev` and `npm start` do).
// In production (NODE_ENV=production) it seeds only with DEMO_DATA=1, and otherwise refuses to
// let the server start while any account still has the published demo password.
// DEMO_OMIT_MEETINGS (for tests only): comma-separated meeting keys from demo-data.ts to leave out
// of the demo data, e.g. "au-2022-01-17" for the end-to-end test that re-creates that meeting
// through the UI (see omit-meetings.ts). Used only when demo data is seeded.
import { getDb } from "@/lib/server/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { meetings } from "./demo-data";
import { assertKnownMeetings, parseOmitMeetings } from "./omit-meetings";
import { findUsersWithDemoPassword, isDatabaseEmpty, seedDemoData } from "./seed";
import type { PrismaClient } from "@/lib/generated/prisma/client";

class CliError extends Error {}

async function main(args: string[]): Promise<void> {
  const unknown = args.filter((a) => a !== "--if-empty");
  if (unknown.length) throw new CliError(`Ukjent argument: ${unknown.join(" ")}. Bruk: run.ts [--if-empty]`);
  const ifEmpty = args.includes("--if-empty");
  const production = process.env.NODE_ENV === "production";
  const demoWanted = process.env.DEMO_DATA === "1";

  const db = await getDb();
  try {
    if (production && !demoWanted) {
      const offenders = await findUsersWithDemoPassword(db);
      if (offenders.length) {
        throw new CliError(
          `Nekter å starte i produksjon: ${offenders.length === 1 ? "denne brukeren har" : "disse brukerne har"} fortsatt demopassordet: ${offenders.join(", ")}.\n` +
            "Bytt passord eller deaktiver brukerne, eller sett DEMO_DATA=1 hvis dette er en demoinstallasjon.",
        );
      }
      if (!ifEmpty) throw new CliError("Demodata legges ikke inn i produksjon uten DEMO_DATA=1.");
      console.log("Produksjon: ingen demodata lagt inn, og ingen brukere har demopassordet.");
      return;
    }

    if (!(await isDatabaseEmpty(db))) {
      if (ifEmpty) {
        console.log("Databasen har allerede data – demodata legges ikke inn.");
        return;
      }
      throw new CliError("Databasen er ikke tom. Demodata legges bare inn i en tom database (bruk --if-empty for å hoppe over).");
    }

    const omitMeetings = parseOmitMeetings(process.env.DEMO_OMIT_MEETINGS);
    try {
      assertKnownMeetings(meetings, omitMeetings);
    } catch (err) {
      throw new CliError(`DEMO_OMIT_MEETINGS: ${err instanceof Error ? err.message : String(err)}`);
    }
    // DEMO_OMIT_PLANS (for tests only): plan keys from demo-data.ts to leave out, like DEMO_OMIT_MEETINGS.
    const omitPlans = (process.env.DEMO_OMIT_PLANS ?? "").split(",").map((k) => k.trim()).filter(Boolean);
    try {
      await seedDemoData(db, { omitMeetings, omitPlans });
    } catch (err) {
      if (err instanceof Error && err.message.startsWith("Ukjent plan")) throw new CliError(`DEMO_OMIT_PLANS: ${err.message}`);
      throw err;
    }
    if (omitPlans.length) console.log(`Planer utelatt fra demodataene (DEMO_OMIT_PLANS): ${omitPlans.join(", ")}`);
    if (omitMeetings.length) console.log(`Møter utelatt fra demodataene (DEMO_OMIT_MEETINGS): ${omitMeetings.join(", ")}`);
    await printSummary(db);
    if (production) console.warn("ADVARSEL: DEMO_DATA=1 i produksjon – demobrukerne har et kjent passord.");
  } finally {
    await db.$disconnect();
  }
}

async function printSummary(db: PrismaClient): Promise<void> {
  const [councils, municipalities, people, meetingsCount, cases, actions, plans, measures] = await Promise.all([
    db.council.count(),
    db.organization.count({ where: { kind: "MUNICIPALITY" } }),
    db.person.count(),
    db.meeting.count(),
    db.case.count(),
    db.actionItem.count(),
    db.plan.count(),
    db.measure.count(),
  ]);
  console.log(
    [
      "Demodata lagt inn:",
      `  ${councils} råd, ${municipalities} kommuner, ${people} personer`,
      `  ${meetingsCount} møter, ${cases} saker, ${actions} oppfølgingspunkter`,
      `  ${plans} planer med ${measures} tiltak`,
      `Demobrukere (passord «${DEMO_PASSWORD}»):`,
      ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(32)} ${a.name}`),
    ].join("\n"),
  );
}

main(process.argv.slice(2)).then(
  // PGlite keeps the process alive; the work is done.
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err instanceof CliError ? err.message : err);
    process.exit(1);
  },
);
