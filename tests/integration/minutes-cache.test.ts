import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import type { PageStamper } from "@/lib/security/page-cache";

// Approved minutes are cached per instance, and their public page in the page cache, by a stamp of
// what can still change them. A case of theirs made exempt afterwards (treated again in a later
// meeting) redacts them too: the stamp must move, or the public keeps reading the withdrawn text.
let t: TestDb;
const stampers = vi.hoisted(() => new Map<string, PageStamper>());
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/security/page-cache", () => ({ registerPageStamper: (kind: string, s: PageStamper) => void stampers.set(kind, s) }));
const { getMinutesForViewer } = await import("@/lib/minutes/queries");
await import("@/lib/minutes/public-page-stamp");

describe("cached approved minutes", () => {
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
  }, 180_000);
  afterAll(async () => t?.close());

  it("withdraws a case's text from the public minutes, and moves the page's stamp, when the case is made exempt later", async () => {
    const item = await t.db.agendaItem.findFirstOrThrow({
      where: { number: 4, year: 2022, caseId: { not: null }, decision: { isNot: null }, meeting: { body: { council: { slug: "ringeriksregionen" } }, minutes: { status: "APPROVED", publishedAt: { not: null } } } },
      select: { meetingId: true, caseId: true, decision: { select: { text: true } } },
    });
    const decision = item.decision!.text.slice(0, 40);
    const stamp = () => stampers.get("published-minutes")!(["ringeriksregionen", item.meetingId]);
    const publicText = async () => JSON.stringify((await getMinutesForViewer(null, "ringeriksregionen", item.meetingId))!.doc);
    expect(await publicText()).toContain(decision);
    // Read twice: the second comes from the cache.
    expect(await publicText()).toContain(decision);
    const before = await stamp();
    expect(before).not.toBeNull();

    await new Promise((r) => setTimeout(r, 5));
    await t.db.case.update({ where: { id: item.caseId! }, data: { isExempt: true, exemptionBasis: "offl. § 13, jf. fvl. § 13" } });
    expect(await publicText()).not.toContain(decision);
    expect(await stamp()).not.toBe(before);
  });
});
