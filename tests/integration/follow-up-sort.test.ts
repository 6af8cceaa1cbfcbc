import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import type { Viewer } from "@/lib/authz/policy";

// Sorted by who is responsible, the follow-up list is ordered in memory. Every page must sort the whole
// filtered set, past the board's limit, the export must hold every row, and no page may come out empty.
let t: TestDb;
let pageViewer: Viewer | null = null;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => pageViewer }));

const { EXPORT_LIMIT, OVERVIEW_LIMIT, PAGE_SIZE, RESPONSIBLE_SORT_LIMIT, listActionItems } = await import("@/lib/follow-up/queries");
const { parseActionFilter } = await import("@/lib/follow-up/schemas");

describe("follow-up sorted by responsibility, past the board's limit", () => {
  const count = OVERVIEW_LIMIT + 25;
  let viewer: Viewer;

  beforeAll(async () => {
    t = await createTestDb();
    const c = await t.db.council.create({ data: { slug: "mange-oppgaver", name: "Mange oppgaver" }, select: { id: true } });
    viewer = { userId: "u", name: "Koordinator", email: "k@x.no", personId: null, isSystemAdmin: false, councils: [{ councilId: c.id, slug: "mange-oppgaver", name: "Mange oppgaver", role: "COORDINATOR" }] };
    await t.db.actionItem.createMany({
      data: Array.from({ length: count }, (_, i) => ({ councilId: c.id, title: `Oppgave ${i}`, responsibleText: `Ansvarlig ${String(count - i).padStart(5, "0")}`, dueDate: new Date(Date.UTC(2027, 0, 1 + i)) })),
    });
  }, 120_000);
  afterAll(async () => t?.close());

  it("exports every row in order, and every page of the list is a slice of that whole order", async () => {
    const filter = parseActionFilter({ status: "alle", sort: "ansvarlig", retning: "asc" });
    const all = await listActionItems(viewer, filter, new Date("2026-12-01T10:00:00Z"), EXPORT_LIMIT);
    expect(all.rows).toHaveLength(count);
    expect(all.truncated).toBe(false);
    const names = all.rows.map((r) => r.responsible);
    expect(names).toEqual([...names].sort());

    const now = new Date("2026-12-01T10:00:00Z");
    // The rows with the latest due dates carry the first names: a sort over only the earliest due dates misses them.
    const first = await listActionItems(viewer, filter, now, PAGE_SIZE, 0);
    expect(first.rows.map((r) => r.responsible)).toEqual(names.slice(0, PAGE_SIZE));
    expect(first.rows[0].responsible).toBe("Ansvarlig 00001");
    expect(first.rows[0].title).toBe(`Oppgave ${count - 1}`);
    expect(first.truncated).toBe(true);

    const lastPage = Math.ceil(count / PAGE_SIZE);
    const last = await listActionItems(viewer, filter, now, PAGE_SIZE, (lastPage - 1) * PAGE_SIZE);
    expect(last.rows.map((r) => r.responsible)).toEqual(names.slice((lastPage - 1) * PAGE_SIZE));
    expect(last.truncated).toBe(false);

    const desc = await listActionItems(viewer, parseActionFilter({ status: "alle", sort: "ansvarlig", retning: "desc" }), now, PAGE_SIZE, 0);
    expect(desc.rows.map((r) => r.responsible)).toEqual([...names].reverse().slice(0, PAGE_SIZE));

    const { default: Page } = await import("@/app/(portal)/portal/(home)/oppfolging/(liste)/page");
    const { renderToStaticMarkup } = await import("react-dom/server");
    pageViewer = viewer;
    try {
      const html = renderToStaticMarkup(await Page({ searchParams: Promise.resolve({ status: "alle", sort: "ansvarlig", visning: "liste" }) }));
      expect(count).toBeLessThan(RESPONSIBLE_SORT_LIMIT);
      expect(html).not.toContain("sortert etter ansvarlig vises de");
      expect(html).toContain(`Side 1 av ${lastPage}<`);
      expect(html).toContain("Ansvarlig 00001");
    } finally {
      pageViewer = null;
    }
  });
});
