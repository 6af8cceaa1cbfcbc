// Background work inside the app process: the outbox is retried every minute. With PGlite this
// must run in the server process (one process owns the data folder); on PostgreSQL several
// instances can run it at once because messages are claimed with SKIP LOCKED.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS_IN_PROCESS === "0") return;
  const { startBackgroundJobs } = await import("@/lib/server/jobs");
  startBackgroundJobs();
}
