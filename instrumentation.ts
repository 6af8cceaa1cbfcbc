// Runs once when the server starts.
// - The page cache learns at once how to stamp published minutes, instead of after the first
//   visit to a meeting page (docs/decisions/012-page-cache-with-fresh-nonces.md).
// - Background work inside the app process: the outbox is retried every minute. With PGlite this
//   must run in the server process (one process owns the data folder); on PostgreSQL several
//   instances can run it at once because messages are claimed with SKIP LOCKED.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("@/lib/minutes/public-page-stamp");
  if (process.env.JOBS_IN_PROCESS === "0") return;
  const { startBackgroundJobs } = await import("@/lib/server/jobs");
  startBackgroundJobs();
}
