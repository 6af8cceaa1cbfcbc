// `npm run bench`: the production server against generated national-scale data, driven with
// autocannon. Prints p50/p95/p99 latency, throughput and errors per page, the ratio to a static
// page, the reader pages' JavaScript, the server's peak RSS, and each budget of issue 8.
//
//   npm run bench                    PostgreSQL (a throwaway cluster), the national data set (--scale 1)
//   npm run bench -- --pglite        embedded PGlite, smaller (default scale 0.02)
//   options: --scale N --duration S --connections N --port N
//   npm run bench -- --database-url URL [--pg-log FILE] [--generate]
//                                    an existing PostgreSQL database (generated already unless --generate);
//                                    the plan check needs the server's log file and a superuser
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";
import path from "node:path";
import autocannon from "autocannon";
import { createAdapter, type DatabaseTarget } from "@/lib/server/db-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/server/password";

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const pglite = args.includes("--pglite");
const scale = Number(opt("scale", pglite ? "0.02" : "1"));
const duration = Number(opt("duration", "10"));
const connections = Number(opt("connections", "10"));
const port = Number(opt("port", "3300"));
const base = `http://127.0.0.1:${port}`;
const existingUrl = args.includes("--database-url") ? opt("database-url", "") : null;
const PASSWORD = "benchmark-passord-123";
const started = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);

type Target = { name: string; url: string; cookie?: string; budget?: { p95?: number; ratio?: number }; save?: SaveSpec };
type SaveSpec = { actionId: string; items: { id: string; version: number }[]; page: string };

async function main() {
  let stopPg: (() => Promise<void>) | null = null;
  let pgLogFile: string | null = null;
  let target: DatabaseTarget;
  if (pglite) {
    const dataDir = path.join(process.cwd(), ".data", "bench-pglite");
    rmSync(dataDir, { recursive: true, force: true });
    target = { kind: "pglite", dataDir };
  } else if (existingUrl) {
    pgLogFile = args.includes("--pg-log") ? opt("pg-log", "") : null;
    target = { kind: "postgres", url: existingUrl };
  } else {
    const { startPgCluster } = (await import(path.join(process.cwd(), "scripts/pg-test-cluster.mjs"))) as {
      startPgCluster: () => Promise<{ url: string; dir: string; stop: () => Promise<void> }>;
    };
    const pg = await startPgCluster();
    stopPg = pg.stop;
    pgLogFile = path.join(pg.dir, "postgres.log");
    target = { kind: "postgres", url: pg.url };
  }
  const dbEnv: Record<string, string> = target.kind === "postgres" ? { DATABASE_URL: target.url } : { PGLITE_DATA_DIR: target.dataDir };
  let server: ChildProcess | null = null;
  try {
    if (!existingUrl || args.includes("--generate")) {
      log(`Genererer data (skala ${scale}, ${target.kind}) …`);
      const gen = spawnSync(process.execPath, ["scripts/run-ts.mjs", "scripts/generate-scale.ts", "--scale", String(scale), "--reset"], {
        stdio: "inherit",
        env: { ...process.env, ...dbEnv },
      });
      if (gen.status !== 0) throw new Error("Datagenereringen feilet.");
    }

    const fixture = await prepareFixture(target);
    log(`Data: ${fixture.counts}`);
    // The server's connections load auto_explain (off until the plan check turns it on).
    if (target.kind === "postgres") await psql(target.url, ["ALTER SYSTEM SET session_preload_libraries = 'auto_explain'", "SELECT pg_reload_conf()"]);

    // The in-process job runner is off: right after generation it would be sending the reminder
    // backlog of twenty years of action items while the pages are measured. At scale the jobs run
    // as their own process (`npm run jobs`, see the README).
    const env = { ...process.env, ...dbEnv, AUTH_SECRET: "benchmark-secret-not-for-production-0123456789", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), JOBS_IN_PROCESS: "0" } as NodeJS.ProcessEnv;
    const proc = spawn(process.execPath, ["scripts/start.mjs", "--port", String(port)], { stdio: ["ignore", "pipe", "inherit"], env });
    server = proc;
    proc.stdout?.on("data", () => {});
    await waitFor(`${base}/logg-inn`, 300_000);
    log("Serveren svarer.");
    const rss = sampleRss(proc.pid!);

    const [secretariat, coordinator, member] = await Promise.all(["sekretariat", "koordinator", "medlem"].map((r) => login(`bench-${r}@ipr.example`)));
    const actionId = findActionId("lib/minutes/actions.ts", "saveItemMinutesAction");
    const slug = fixture.slug;
    const targets: Target[] = [
      // The accessibility statement is the same for every reader: the page cache renders it once, as
      // a prerendered page is (decision 012). The same page rendered per request is the floor under
      // every dynamic page's cost.
      { name: "Statisk side (forhåndsrendret, sammenligning)", url: "/tilgjengelighet" },
      { name: "Samme side rendret per forespørsel", url: "/tilgjengelighet?per-foresporsel=1" },
      { name: "Publisert referat (offentlig)", url: `/r/${slug}/moter/${fixture.publishedMeetingId}`, budget: { ratio: 0.7 } },
      { name: "Medlemmets referatliste", url: `/portal/${slug}/referater`, cookie: member, budget: { p95: 100 } },
      { name: "Sekretariatets sakskart", url: `/portal/${slug}/moter/${fixture.editorMeetingId}/rediger`, cookie: secretariat, budget: { p95: 100 } },
      { name: "Koordinatorens oppgaveliste (filtrert)", url: `/portal/oppfolging?rad=${slug}&status=aktive&frist=forfalt`, cookie: coordinator, budget: { p95: 100 } },
      { name: "Søk", url: `/sok?q=${encodeURIComponent("møte")}&rad=${slug}`, budget: { p95: 150 } },
      {
        name: "Lagring av referatpunkt (server action, 5 samtidige)",
        url: `/portal/${slug}/moter/${fixture.draftMeetingId}/referat`,
        cookie: secretariat,
        budget: { p95: 150 },
        save: { actionId, items: fixture.saveItems, page: `/portal/${slug}/moter/${fixture.draftMeetingId}/referat` },
      },
    ];

    const results: { t: Target; r: Stats }[] = [];
    for (const t of targets) {
      await run(t, Math.min(3, duration)); // warm-up
      const r = await run(t, duration);
      results.push({ t, r });
      log(`${t.name}: p95 ${r.p95.toFixed(0)} ms, ${r.rps.toFixed(0)} req/s, feil ${r.errors}`);
    }
    const peak = rss.stop();
    const cacheState = (await fetch(`${base}/r/${slug}/moter/${fixture.publishedMeetingId}`)).headers.get("x-page-cache") ?? "ikke bufret";
    const js = await readerJs([`/r/${slug}/moter/${fixture.publishedMeetingId}`, `/portal/${slug}/referater`, "/sok?q=m%C3%B8te"], member);
    const plans = target.kind === "postgres" && pgLogFile ? await checkPlans(target.url, pgLogFile, targets) : null;
    report(results, peak, js, fixture.counts, plans, cacheState);
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    if (stopPg) await stopPg();
  }
}

// ───────────────────────────── Query plans ─────────────────────────────

/** Runs SQL as the cluster's superuser through psql (the bench owns the throwaway cluster). */
async function psql(url: string, statements: string[]) {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const out = [];
    for (const sql of statements) out.push(await client.query(sql));
    return out;
  } finally {
    await client.end();
  }
}

type PlanFinding = { relation: string; rows: number; query: string };

/**
 * Issue 8, "EXPLAIN shows no sequential scans over large tables": with auto_explain logging every
 * plan, each page is requested once more, and every plan the server's queries got is read back
 * from the server log. A Seq Scan on a table of more than LARGE_TABLE rows is a finding.
 */
const LARGE_TABLE = 10_000;
async function checkPlans(url: string, logFile: string, targets: Target[]): Promise<{ plans: number; findings: PlanFinding[]; large: string[] }> {
  const [large] = await psql(url, [
    `SELECT relname, reltuples::bigint AS rows FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples > ${LARGE_TABLE} ORDER BY relname`,
  ]);
  const sizes = new Map<string, number>(large.rows.map((r: { relname: string; rows: string }) => [r.relname, Number(r.rows)]));
  const from = statSync(logFile).size;
  await psql(url, ["ALTER SYSTEM SET auto_explain.log_min_duration = 0", "ALTER SYSTEM SET auto_explain.log_format = 'json'", "SELECT pg_reload_conf()"]);
  await new Promise((r) => setTimeout(r, 500));
  for (const t of targets) {
    if (t.save) await run(t, 1);
    else await fetch(`${base}${t.url}`, { headers: t.cookie ? { cookie: t.cookie } : {} }).then((r) => r.text());
  }
  await psql(url, ["ALTER SYSTEM SET auto_explain.log_min_duration = -1", "SELECT pg_reload_conf()"]);
  const text = readFileSync(logFile, "utf8").slice(from);
  const findings: PlanFinding[] = [];
  let plans = 0;
  for (const json of jsonPlans(text)) {
    plans++;
    const walk = (node: Record<string, unknown>) => {
      const rel = node["Relation Name"] as string | undefined;
      if (node["Node Type"] === "Seq Scan" && rel && sizes.has(rel)) {
        findings.push({ relation: rel, rows: sizes.get(rel)!, query: String(json["Query Text"] ?? "").replace(/\s+/g, " ").slice(0, 160) });
      }
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk(json.Plan as Record<string, unknown>);
  }
  return { plans, findings, large: [...sizes.entries()].map(([n, r]) => `${n} (${r})`) };
}

/** The JSON plans auto_explain wrote: each starts after "plan:" and is one balanced object. */
function* jsonPlans(log: string): Generator<Record<string, unknown>> {
  let at = 0;
  while ((at = log.indexOf("plan:", at)) >= 0) {
    const start = log.indexOf("{", at);
    if (start < 0) return;
    let depth = 0;
    let inString = false;
    let end = start;
    for (; end < log.length; end++) {
      const c = log[end];
      if (inString) {
        if (c === "\\") end++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) break;
    }
    at = end;
    try {
      yield JSON.parse(log.slice(start, end + 1));
    } catch {
      // a plan cut by a log line prefix: not counted
    }
  }
}

// ───────────────────────────── Fixture ─────────────────────────────

async function prepareFixture(target: DatabaseTarget) {
  const handle = await createAdapter(target);
  const db = new PrismaClient({ adapter: handle.factory });
  try {
    // The council with the most meetings is the busiest page set.
    const council = await db.council.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true, slug: true } });
    const hash = await hashPassword(PASSWORD);
    for (const role of ["SECRETARIAT", "COORDINATOR", "MEMBER"] as const) {
      const email = `bench-${{ SECRETARIAT: "sekretariat", COORDINATOR: "koordinator", MEMBER: "medlem" }[role]}@ipr.example`;
      await db.user.upsert({
        where: { email },
        create: { email, name: `Benchmark ${role.toLowerCase()}`, passwordHash: hash, roles: { create: { councilId: council.id, role } } },
        update: {},
      });
    }
    const published = await db.meeting.findFirstOrThrow({
      where: { body: { councilId: council.id }, minutes: { status: "APPROVED", publishedAt: { not: null } } },
      orderBy: { startsAt: "desc" },
      select: { id: true },
    });
    const editor = await db.meeting.findFirstOrThrow({ where: { body: { councilId: council.id } }, orderBy: { startsAt: "desc" }, select: { id: true } });
    // Minutes being written: a meeting whose minutes are a draft, or one given draft minutes now.
    let draft = await db.meeting.findFirst({ where: { body: { councilId: council.id }, minutes: { status: "DRAFT" }, items: { some: {} } }, orderBy: { startsAt: "desc" }, select: { id: true } });
    if (!draft) {
      const m = await db.meeting.findFirstOrThrow({ where: { body: { councilId: council.id }, minutes: null, items: { some: {} } }, orderBy: { startsAt: "desc" }, select: { id: true } });
      await db.minutes.create({ data: { meetingId: m.id } });
      draft = m;
    }
    const items = await db.agendaItem.findMany({ where: { meetingId: draft.id, status: "ACTIVE" }, orderBy: { position: "asc" }, take: 5, select: { id: true, version: true } });
    const counts = await Promise.all([db.council.count(), db.meeting.count(), db.agendaItem.count(), db.decision.count(), db.actionItem.count()]);
    return {
      slug: council.slug,
      publishedMeetingId: published.id,
      editorMeetingId: editor.id,
      draftMeetingId: draft.id,
      saveItems: items,
      counts: `${counts[0]} råd, ${counts[1]} møter, ${counts[2]} saker på sakskart, ${counts[3]} vedtak, ${counts[4]} oppgaver`,
    };
  } finally {
    await db.$disconnect();
    await handle.close();
  }
}

// ───────────────────────────── HTTP ─────────────────────────────

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} svarte ikke`);
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Signs in through Auth.js's credentials endpoint, as the login form does. */
async function login(email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; "), Origin: base },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${base}/portal` }),
  });
  const session = cookiesOf(res).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Innlogging feilet for ${email} (HTTP ${res.status})`);
  return [...jar, session].join("; ");
}

/** The id Next.js gave a server action, from the build's manifest. */
function findActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!hit) throw new Error(`Fant ikke server action ${exportedName}`);
  return hit[0];
}

type Stats = { p50: number; p95: number; p99: number; rps: number; errors: number; requests: number; bytes: number };

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * The editors' saves: one loop per editor, each on its own item, each save carrying the version the
 * last one returned (as the editor's autosave does). autocannon's request sequences share no state
 * per connection reliably enough for that, so these are plain keep-alive fetches.
 */
async function runSaves(t: Target, save: SaveSpec, seconds: number): Promise<Stats> {
  const times: number[] = [];
  let errors = 0;
  let bytes = 0;
  const end = Date.now() + seconds * 1000;
  const editor = async (item: { id: string; version: number }) => {
    while (Date.now() < end) {
      const t0 = performance.now();
      const res = await fetch(`${base}${save.page}`, {
        method: "POST",
        headers: { cookie: t.cookie ?? "", "Next-Action": save.actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: base },
        body: JSON.stringify([
          { itemId: item.id, version: item.version, notes: `Benchmark ${item.version}`, decisionKind: "VEDTAK", decisionText: "Saken tas til orientering.", voting: "NONE", proposals: [], disqualifications: [] },
        ]),
      });
      const body = await res.text();
      times.push(performance.now() - t0);
      bytes += body.length;
      const m = /"version":(\d+)/.exec(body);
      if (m) item.version = Number(m[1]);
      if (res.status >= 400 || !/"ok":true/.test(body)) {
        errors++;
        if (errors <= 2) log(`  lagring feilet (HTTP ${res.status}): ${body.slice(0, 300).replace(/\s+/g, " ")}`);
      }
    }
  };
  await Promise.all(save.items.slice(0, 5).map(editor));
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rps: times.length / seconds, errors, requests: times.length, bytes: bytes / Math.max(1, times.length) };
}

async function run(t: Target, seconds: number): Promise<Stats> {
  if (t.save) return runSaves(t, t.save, seconds);
  const times: number[] = [];
  let errors = 0;
  let bytes = 0;
  const instance = autocannon({
    url: `${base}${t.url}`,
    connections,
    duration: seconds,
    headers: { ...(t.cookie ? { cookie: t.cookie } : {}) },
  } as autocannon.Options);
  instance.on("response", (_client: unknown, statusCode: number, resBytes: number, responseTime: number) => {
    times.push(responseTime);
    bytes += resBytes;
    if (statusCode >= 400) errors++;
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => instance.once("done", resolve).once("error", reject));
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: result.requests.total / seconds,
    errors: errors + result.errors + result.timeouts,
    requests: result.requests.total,
    bytes: bytes / Math.max(1, times.length),
  };
}

/** Peak resident memory of the server's process tree, sampled from /proc. */
function sampleRss(rootPid: number) {
  let peak = 0;
  const read = () => {
    const children = new Map<number, number[]>();
    const rss = new Map<number, number>();
    for (const d of readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const status = readFileSync(`/proc/${d}/status`, "utf8");
        const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        rss.set(Number(d), kb);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
      } catch {
        // the process ended meanwhile
      }
    }
    // The Next.js server itself, not the start script that launched it.
    let total = 0;
    const stack = [...(children.get(rootPid) ?? [])];
    while (stack.length) {
      const pid = stack.pop()!;
      total += rss.get(pid) ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    peak = Math.max(peak, total);
  };
  const timer = setInterval(read, 250);
  read();
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return peak / 1024;
    },
  };
}

/** Gzip bytes of the JavaScript each page loads, against the static page as the bare baseline. */
async function readerJs(pages: string[], cookie: string) {
  const size = async (page: string, withCookie: boolean) => {
    const html = await (await fetch(`${base}${page}`, { headers: withCookie ? { cookie } : {} })).text();
    const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
    let total = 0;
    for (const src of srcs) total += gzipSync(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer())).length;
    // Inline flight data is part of what the reader downloads too.
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
    return { scripts: total, inline: gzipSync(Buffer.from(inline)).length };
  };
  const bare = await size("/tilgjengelighet", false);
  const out: { page: string; kb: number; overBare: number }[] = [];
  for (const p of pages) {
    const s = await size(p, p.startsWith("/portal"));
    out.push({ page: p, kb: s.scripts / 1024, overBare: (s.scripts - bare.scripts) / 1024 });
  }
  return { bareKb: bare.scripts / 1024, pages: out };
}

// ───────────────────────────── Report ─────────────────────────────

function report(results: { t: Target; r: Stats }[], peakMb: number, js: Awaited<ReturnType<typeof readerJs>>, counts: string, plans: Awaited<ReturnType<typeof checkPlans>> | null, cacheState: string) {
  const fixed = (n: number, d = 0) => n.toFixed(d).padStart(7);
  const staticRps = results[0].r.rps;
  console.log("\nIPR-portalen – benchmark");
  console.log(`Database: ${pglite ? "PGlite" : "PostgreSQL"}, skala ${scale}: ${counts}`);
  console.log(`Maskin: ${os.cpus().length} kjerner, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}; ${connections} samtidige tilkoblinger, ${duration} s per side etter oppvarming\n`);
  console.log(`${"Side".padEnd(52)}${"p50 ms".padStart(7)}${"p95 ms".padStart(7)}${"p99 ms".padStart(7)}${"req/s".padStart(7)}${"feil".padStart(7)}${"KB".padStart(7)}${"/statisk".padStart(9)}  budsjett`);
  const verdicts: string[] = [];
  for (const { t, r } of results) {
    const ratio = r.rps / staticRps;
    let verdict = "";
    // No answers at all is a failure, never a p95 of 0 ms.
    const answered = r.requests > 0 && r.errors === 0;
    if (t.budget?.p95 !== undefined) verdict = `p95 < ${t.budget.p95} ms: ${answered && r.p95 < t.budget.p95 ? "OK" : "IKKE NÅDD"}`;
    if (t.budget?.ratio !== undefined) verdict = `≥ ${t.budget.ratio * 100} % av statisk: ${answered && ratio >= t.budget.ratio ? "OK" : "IKKE NÅDD"}`;
    if (verdict) verdicts.push(`${t.name}: ${verdict}`);
    console.log(`${t.name.padEnd(52)}${fixed(r.p50)}${fixed(r.p95)}${fixed(r.p99)}${fixed(r.rps)}${fixed(r.errors)}${fixed(r.bytes / 1024, 1)}${fixed(ratio * 100, 0)} %  ${verdict}`);
  }
  console.log(`\nPublisert referat fra sidebufferen (X-Page-Cache): ${cacheState}`);
  console.log(`\nServerens høyeste RSS: ${peakMb.toFixed(0)} MB (budsjett < 600 MB: ${peakMb < 600 ? "OK" : "IKKE NÅDD"})`);
  console.log(`JavaScript (gzip), grunnlinje statisk side: ${js.bareKb.toFixed(1)} KB`);
  for (const p of js.pages) console.log(`  ${p.page.padEnd(60)} ${p.kb.toFixed(1)} KB (${p.overBare >= 0 ? "+" : ""}${p.overBare.toFixed(1)} KB; budsjett ≤ +20 KB: ${p.overBare <= 20 ? "OK" : "IKKE NÅDD"})`);
  if (plans) {
    const ok = plans.findings.length === 0 && plans.plans > 0;
    console.log(`\nSpørreplaner (auto_explain, én forespørsel per side): ${plans.plans} planer; store tabeller (> ${LARGE_TABLE} rader): ${plans.large.join(", ") || "ingen"}`);
    const seen = new Set<string>();
    for (const f of plans.findings) {
      const key = `${f.relation}|${f.query}`;
      if (seen.has(key)) continue;
      seen.add(key);
      console.log(`  Seq Scan på ${f.relation} (${f.rows} rader): ${f.query}`);
    }
    verdicts.push(`Ingen sekvensiell skanning av store tabeller: ${ok ? "OK" : "IKKE NÅDD"}`);
  } else {
    console.log("\nSpørreplaner: ikke sjekket. Det krever PostgreSQL og serverens logg (med --database-url: --pg-log FIL).");
  }
  console.log(`\nBudsjetter:\n  ${verdicts.join("\n  ")}`);
  console.log(`\nFerdig på ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
