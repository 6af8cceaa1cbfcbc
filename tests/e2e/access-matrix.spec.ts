import type { Page } from "@playwright/test";
import { test, expect, EXEMPT_MARKER, INDRE, RINGERIKE, visit } from "./fixtures";
import { checkCell, pool, type CellResult } from "./matrix/check";
import { loadSnapshot, MATRIX_ROLES, type MatrixRole, type Snapshot } from "./matrix/db-snapshot";
import { pageRoutesOnDisk } from "./matrix/page-routes";
import { ROUTE_TABLE } from "./matrix/route-table";

// Issue 9, requirement 1 (pages): every page route under app/, as every role, against resources of
// the own council, another council, drafts, exempt content and approved minutes. What each answer
// should be comes from lib/authz/policy.ts applied to the viewer and the resource as the database
// has them (tests/e2e/matrix/), so the matrix follows the policy instead of a copy of it.
//
// It runs against the third e2e server (E2E_PORT + 2), on PostgreSQL, whose database the test can
// read: scripts/test-all.mjs starts a throwaway cluster and sets E2E_DATABASE_URL. By hand:
//   node scripts/pg-test-cluster.mjs -- npx playwright test tests/e2e/access-matrix.spec.ts
// (the cluster sets TEST_DATABASE_URL, which playwright.config.ts takes as E2E_DATABASE_URL).

const DATABASE_URL = process.env.E2E_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim() || "";
const MISSING_DB =
  "Tilgangsmatrisen trenger E2E_DATABASE_URL (PostgreSQL-databasen til den tredje e2e-serveren). " +
  "Kjør `node scripts/pg-test-cluster.mjs -- npx playwright test tests/e2e/access-matrix.spec.ts` eller `npm test`.";

/** Requests in flight at once: enough to hide latency, few enough for a shared two-core machine. */
const CONCURRENCY = 3;

test("hver siderute i app/ har en oppføring i matrisens rutetabell", () => {
  const onDisk = pageRoutesOnDisk();
  expect(onDisk.length, "sideruter funnet under app/").toBeGreaterThan(10);
  const missing = onDisk.filter((r) => !(r in ROUTE_TABLE));
  expect(missing, "sideruter uten oppføring i tests/e2e/matrix/route-table.ts").toEqual([]);
  const stale = Object.keys(ROUTE_TABLE).filter((r) => !onDisk.includes(r));
  expect(stale, "oppføringer i rutetabellen uten side under app/").toEqual([]);
});

test.describe("tilgangsmatrise for alle sider", () => {
  test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 2}` });
  // Without the database there is nothing to derive from: a failure under CI, a skip by hand.
  test.skip(!DATABASE_URL && !process.env.CI, MISSING_DB);

  let snapshot: Snapshot;
  test.beforeAll(async () => {
    if (!DATABASE_URL) throw new Error(MISSING_DB);
    snapshot = await loadSnapshot(DATABASE_URL, RINGERIKE.slug, INDRE.slug);
    assertCoverage(snapshot);
  });

  for (const role of MATRIX_ROLES) {
    test(`som ${role}`, async ({ loginAs, anonPage }) => {
      test.setTimeout(120_000);
      const page: Page = role === "anonymous" ? anonPage : await loginAs(role);
      const viewer = snapshot.viewers[role];
      const cells = Object.entries(ROUTE_TABLE).flatMap(([route, entry]) =>
        entry.instances(snapshot).map((instance) => ({ route, entry, instance })),
      );
      // page.request shares the context's cookies: the session of the login above.
      const results = await pool(cells, CONCURRENCY, ({ route, entry, instance }) =>
        checkCell(page.request, role, viewer, route, entry, instance, EXEMPT_MARKER, snapshot.own.id),
      );
      await report(role, results);

      // A refusal page in the browser, with axe: one 403 and one 404 of the matrix, where it has them.
      for (const status of [403, 404]) {
        const refused = results.find((r) => r.status === status && r.expected === "403/404" && !r.problem);
        if (!refused) continue;
        expect(await visit(page, refused.path), `${refused.path} i nettleseren`).toBe(status);
        await expect(page.getByRole("heading", { level: 1 }), `${refused.path} skal vise en nektingsside`).toHaveText(/fant ikke|ingen tilgang/i);
        expect(await page.content()).not.toContain(EXEMPT_MARKER);
      }

      const problems = results.filter((r) => r.problem).map((r) => `${r.route} – ${r.resource}\n    ${r.path}: ${r.problem}`);
      expect(problems, `avvik fra policyen som ${role} (${results.length} kontroller)`).toEqual([]);
    });
  }
});

/**
 * The resources the matrix is about must be in the database: without them it would still pass,
 * having checked less. A change to the demo data that removes one fails here, by name.
 */
function assertCoverage(s: Snapshot) {
  const own = s.meetings.filter((m) => m.councilId === s.own.id);
  const needed: [string, boolean][] = [
    ["et møte i eget råd uten sendt innkalling (utkast)", own.some((m) => !m.noticeSentAt)],
    ["et møte i eget råd med unntatt innhold", own.some((m) => m.hasExempt)],
    ["et møte i eget råd med godkjent og publisert referat", own.some((m) => m.minutes?.status === "APPROVED" && !!m.minutes.publishedAt)],
    ["et møte i eget råd med godkjent, ikke publisert referat", own.some((m) => m.minutes?.status === "APPROVED" && !m.minutes.publishedAt)],
    ["et møte i eget råd med referat sendt på høring", own.some((m) => m.minutes?.status === "SENT_FOR_COMMENT")],
    ["et møte i eget råd med referatutkast", own.some((m) => m.minutes?.status === "DRAFT")],
    ["et møte i annet råd", s.meetings.some((m) => m.councilId === s.other.id)],
    ["en unntatt sak i eget råd", s.cases.some((c) => c.councilId === s.own.id && c.isExempt)],
    ["en sak i eget råd på en sendt innkalling", s.cases.some((c) => c.councilId === s.own.id && c.meetings.some((m) => m.noticeSentAt))],
    ["en vedtatt plan i eget råd", s.plans.some((p) => p.councilId === s.own.id && p.versionNumbers.length > 0)],
    ["en plan med tiltak i hvert råd", [s.own, s.other].every((c) => s.plans.some((p) => p.councilId === c.id && p.measureId))],
    ["et oppfølgingspunkt i hvert råd", [s.own, s.other].every((c) => s.actions.some((a) => a.councilId === c.id))],
  ];
  const missing = needed.filter(([, ok]) => !ok).map(([what]) => what);
  if (missing.length) throw new Error(`Databasen mangler ressurser tilgangsmatrisen skal prøve: ${missing.join("; ")}`);
}

/**
 * One line per role in the output and an annotation in the report: how much was checked. Every
 * cell is attached as JSON, so a reviewer can see what the matrix tried, not only that it passed.
 */
async function report(role: MatrixRole, results: CellResult[]) {
  await test.info().attach(`tilgangsmatrise-${role}.json`, { body: JSON.stringify(results, null, 2), contentType: "application/json" });
  const routes = new Set(results.map((r) => r.route)).size;
  const refused = results.filter((r) => r.expected === "403/404").length;
  const summary = `${role}: ${results.length} kontroller på ${routes} ruter (${results.length - refused} tillatt eller omdirigert, ${refused} nektet), ${results.filter((r) => r.problem).length} avvik`;
  console.log(summary);
  test.info().annotations.push({ type: "tilgangsmatrise", description: summary });
}
