import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import type { Viewer } from "@/lib/authz/policy";

// Sorted by who is responsible, the follow-up list is ordered in memory. The export must still hold
// every row, and the list must not offer pages that come out empty.
let t: TestDb;
let pageViewer: Viewer | null = null;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => pageViewer }));

const { EXPORT_LIMIT, OVERVIEW_LIMIT, PAGE_SIZE, listActionItems } = await import("@/lib/follow-up/queries");
const { parseActionFilter } = await import("@/lib/follow-up/schemas");

describe("follow-up sorted by responsibility, past the list's limit", () => {
  const count = OVERVIEW_LIMIT + 25;
  let viewer: Viewer;

  beforeAll(async () => {
    t = await createTestDb();
    const c = await t.db.council.create({ data: { slug: "mange-oppgaver", name: "Mange oppgaver" }, select: { id: true } });
    viewer = { userId: "u", name: "Koordinator", email: "k@x.no", personId: null, isSystemAdmin: false, councils: [{ councilId: c.id, slug: "mange-oppgaver", name: "Mange oppgaver", role: "COORDINATOR" }] };
    await t.db.actionItem.createMany({
      data: Array.from({ length: count }, (_, i) => ({ councilId: c.id, title: `Oppgave ${i}`, responsibleText: `Ansvarlig ${String(count - i).padStart(5, "0")}`, dueDate: new Date(Date.UTC(2027, 0, 1 + (i % 300))) })),
    });
  }, 120_000);
  afterAll(async () => t?.close());

  it("exports every row in order, and the list pages only through the rows it sorted", async () => {
    const filter = parseActionFilter({ status: "alle", sort: "ansvarlig", retning: "asc" });
    const all = await listActionItems(viewer, filter, new Date("2026-12-01T10:00:00Z"), EXPORT_LIMIT);
    expect(all.rows).toHaveLength(count);
    expect(all.truncated).toBe(false);
    const names = all.rows.map((r) => r.responsible);
    expect(names).toEqual([...names].sort());

    const lastPage = Math.ceil(OVERVIEW_LIMIT / PAGE_SIZE);
    const last = await listActionItems(viewer, filter, new Date("2026-12-01T10:00:00Z"), PAGE_SIZE, (lastPage - 1) * PAGE_SIZE);
    expect(last.rows.length).toBeGreaterThan(0);
    expect(last.truncated).toBe(true);

    const { default: Page } = await import("@/app/(portal)/portal/(home)/oppfolging/(liste)/page");
    const { renderToStaticMarkup } = await import("react-dom/server");
    pageViewer = viewer;
    try {
      const html = renderToStaticMarkup(await Page({ searchParams: Promise.resolve({ status: "alle", sort: "ansvarlig", visning: "liste" }) }));
      expect(html).toContain(`sortert etter ansvarlig vises de ${OVERVIEW_LIMIT} med først frist`);
      expect(html).toContain(`Side 1 av ${lastPage}<`);
    } finally {
      pageViewer = null;
    }
  });
});
