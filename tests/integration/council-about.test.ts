import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";

// The public council page's members and body members on a given day: periods are calendar days,
// both ends inclusive, and the day is Oslo's.
let t: TestDb;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
const { getCouncilAbout, listCouncils } = await import("@/lib/councils/queries");

describe("who the council's members are today", () => {
  beforeAll(async () => {
    t = await createTestDb();
    const council = await t.db.council.create({ data: { slug: "periodeaadet", name: "Perioderådet" }, select: { id: true } });
    const org = (name: string) => t.db.organization.create({ data: { name, kind: "MUNICIPALITY" }, select: { id: true } });
    const day = (d: string) => new Date(`${d}T00:00:00Z`);
    const members = [
      ["Sluttet i går", "2020-01-01", "2026-12-31"],
      ["Siste dag i dag", "2020-01-01", "2027-01-01"],
      ["Fast medlem", "2020-01-01", null],
      ["Begynner i morgen", "2027-01-02", null],
    ] as const;
    for (const [name, from, to] of members) {
      const o = await org(name);
      await t.db.councilMember.create({ data: { councilId: council.id, organizationId: o.id, validFrom: day(from), validTo: to ? day(to) : null } });
    }
    const body = await t.db.body.create({ data: { councilId: council.id, kind: "REPRESENTANTSKAP", name: "Representantskapet", abbreviation: "RS", isPolitical: true }, select: { id: true } });
    for (const [name, from, to] of [
      ["Ordfører som gikk av i går", "2020-01-01", "2026-12-31"],
      ["Ordfører med siste dag i dag", "2020-01-01", "2027-01-01"],
      ["Ny ordfører fra i morgen", "2027-01-02", null],
    ] as const) {
      const p = await t.db.person.create({ data: { name }, select: { id: true } });
      await t.db.bodyMembership.create({ data: { bodyId: body.id, personId: p.id, role: "MEDLEM", validFrom: day(from), validTo: to ? day(to) : null } });
    }
  }, 180_000);
  afterAll(async () => t?.close());
  afterEach(() => vi.useRealTimers());

  it("counts the last day and not a coming member, by Oslo's date at 00.30 on New Year's Day", async () => {
    // 23.30 UTC on 31 December is 00.30 on 1 January 2027 in Oslo.
    vi.useFakeTimers({ now: new Date("2026-12-31T23:30:00Z"), toFake: ["Date"] });
    const about = (await getCouncilAbout("periodeaadet"))!;
    expect(about.members.map((m) => m.organization.name).sort()).toEqual(["Fast medlem", "Siste dag i dag"]);
    expect(about.bodies[0].memberships.map((m) => m.person.name)).toEqual(["Ordfører med siste dag i dag"]);
    expect((await listCouncils()).find((c) => c.slug === "periodeaadet")?.memberCount).toBe(2);
  });
});
