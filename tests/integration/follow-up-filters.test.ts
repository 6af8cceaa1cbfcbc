import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import type { Viewer } from "@/lib/authz/policy";

// The follow-up list's filters come straight from the query string: a NUL byte there
// (/portal/oppfolging?q=%00) once reached PostgreSQL, which refuses it, and the page failed.
let t: TestDb;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));

const { countActionItems, getActionFilterOptions, listActionItems } = await import("@/lib/follow-up/queries");
const { parseActionFilter } = await import("@/lib/follow-up/schemas");

describe("follow-up list filters with a NUL byte", () => {
  let viewer: Viewer;

  beforeAll(async () => {
    t = await createTestDb();
    const c = await t.db.council.create({ data: { slug: "nul-rad", name: "Nul-rådet" }, select: { id: true } });
    viewer = { userId: "u", name: "Koordinator", email: "k@x.no", personId: null, isSystemAdmin: false, councils: [{ councilId: c.id, slug: "nul-rad", name: "Nul-rådet", role: "COORDINATOR" }] };
    await t.db.actionItem.create({ data: { councilId: c.id, title: "Lønnsavtale", responsibleText: "Sekretariatet" } });
  }, 120_000);
  afterAll(async () => t?.close());

  it.each(["q", "ansvarlig", "organ", "kommune", "tiltak", "fokus", "rad"])("lists as unfiltered when %s holds only a NUL", async (key) => {
    const filter = parseActionFilter(new URLSearchParams(`status=alle&${key}=%00`));
    const { rows } = await listActionItems(viewer, filter);
    expect(rows.map((r) => r.title)).toEqual(["Lønnsavtale"]);
    expect((await countActionItems(viewer, filter)).total).toBe(1);
    expect(await getActionFilterOptions(viewer, filter)).not.toBeNull();
  });

  it("searches for the text around a NUL", async () => {
    const filter = parseActionFilter(new URLSearchParams("status=alle&q=L%C3%B8nn%00s"));
    expect((await listActionItems(viewer, filter)).rows.map((r) => r.title)).toEqual(["Lønnsavtale"]);
  });
});
