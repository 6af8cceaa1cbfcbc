import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import type { Viewer } from "@/lib/authz/policy";

// Editing a follow-up item whose only responsible is the working group the decision set up
// ("Det nedsettes en arbeidsgruppe …"): the edit form has no field for the group, so the group counts.
let t: TestDb;
let current: Viewer | null = null;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", async () => (await import("@/tests/helpers/action-harness")).navigationModule);
const { toFormData } = await import("@/tests/helpers/action-harness");
const { editActionItemAction } = await import("@/lib/follow-up/actions");

describe("editing a follow-up item", () => {
  let councilId: string;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    councilId = (await t.db.council.findUniqueOrThrow({ where: { slug: "ringeriksregionen" } })).id;
    current = { userId: "u", name: "S", email: "s@x.no", personId: null, isSystemAdmin: false, councils: [{ councilId, slug: "ringeriksregionen", name: "R", role: "SECRETARIAT" }] };
  }, 180_000);
  afterAll(async () => t?.close());

  const edit = (id: string, version: number) =>
    editActionItemAction({ ok: false }, toFormData([["actionItemId", id], ["version", String(version)], ["title", "Utrede felles innkjøp"], ["description", ""], ["responsibleText", ""], ["dueDate", "2027-05-01"], ["measureId", ""], ["focusAreaId", ""]]));

  it("keeps a working group as the only responsible when the due date is changed", async () => {
    const group = await t.db.body.findFirstOrThrow({ where: { councilId, kind: "ARBEIDSGRUPPE" }, select: { id: true } });
    const item = await t.db.actionItem.create({ data: { councilId, title: "Utrede felles innkjøp", responsibleBodyId: group.id }, select: { id: true, version: true } });
    expect(await edit(item.id, item.version)).toMatchObject({ ok: true });
    expect(await t.db.actionItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ dueDate: new Date("2027-05-01T00:00:00Z"), responsibleBodyId: group.id });
  });

  it("still asks for someone responsible when nobody is", async () => {
    const item = await t.db.actionItem.create({ data: { councilId, title: "Uten ansvarlig", responsibleText: "Sekretariatet" }, select: { id: true, version: true } });
    const r = await edit(item.id, item.version);
    expect(r.fieldErrors).toEqual({ personIds: "Velg minst én ansvarlig person, eller skriv hvem som er ansvarlig." });
    expect(r.values).toMatchObject({ title: "Utrede felles innkjøp", dueDate: "2027-05-01" });
    expect((await t.db.actionItem.findUniqueOrThrow({ where: { id: item.id } })).version).toBe(item.version);
  });
});
