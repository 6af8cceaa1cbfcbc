import "server-only";
import { getDb } from "@/lib/server/db";
import { processOutbox, smtpTransportFromEnv } from "@/lib/server/mail";

let started = false;

export async function runJobsOnce(): Promise<void> {
  if (!smtpTransportFromEnv()) return;
  const db = await getDb();
  await processOutbox(db);
}

export function startBackgroundJobs(intervalMs = 60_000): void {
  if (started) return;
  started = true;
  const tick = () => runJobsOnce().catch((err) => console.error("Bakgrunnsjobb feilet:", err instanceof Error ? err.message : err));
  setInterval(tick, intervalMs).unref();
  setTimeout(tick, 5_000).unref();
}
