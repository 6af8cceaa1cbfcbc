import "server-only";
import { getDb } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { processOutbox, smtpTransportFromEnv } from "@/lib/server/mail";
import { queueFollowUpReminders } from "@/lib/follow-up/reminders";

let started = false;
let lastReminderRun = 0;

function jobsBaseUrl(): string {
  return process.env.PUBLIC_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * One round of background work: follow-up reminders (at most every REMINDER_INTERVAL_MINUTES;
 * repeated runs are harmless, see lib/follow-up/reminders.ts), then delivery of the outbox.
 */
export async function runJobsOnce(opts: { forceReminders?: boolean } = {}): Promise<void> {
  const db = await getDb();
  const due = Date.now() - lastReminderRun >= env().REMINDER_INTERVAL_MINUTES * 60_000;
  if (opts.forceReminders || due) {
    lastReminderRun = Date.now();
    const r = await queueFollowUpReminders(db, { daysBefore: env().REMINDER_DAYS_BEFORE, baseUrl: jobsBaseUrl() });
    if (r.queued) console.log(`Påminnelser om oppfølging lagt i utboksen: ${r.queued}`);
  }
  if (!smtpTransportFromEnv()) return;
  await processOutbox(db);
}

export function startBackgroundJobs(intervalMs = 60_000): void {
  if (started) return;
  started = true;
  const tick = () => runJobsOnce().catch((err) => console.error("Bakgrunnsjobb feilet:", err instanceof Error ? err.message : err));
  setInterval(tick, intervalMs).unref();
  setTimeout(tick, 5_000).unref();
}
