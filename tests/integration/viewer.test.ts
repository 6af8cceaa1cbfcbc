import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";

let t: TestDb;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

describe("session revocation", () => {
  let userId: string;
  beforeAll(async () => {
    t = await createTestDb();
    const council = await t.db.council.create({ data: { slug: "r", name: "Rådet" } });
    const user = await t.db.user.create({
      data: { email: "m@k.no", name: "M", roles: { create: { councilId: council.id, role: "MEMBER" } } },
    });
    userId = user.id;
  });
  afterAll(async () => t?.close());

  it("accepts a token whose session version matches, with the user's councils", async () => {
    const { loadViewer } = await import("@/lib/authz/viewer");
    const v = await loadViewer(userId, 1);
    expect(v?.councils).toEqual([expect.objectContaining({ slug: "r", role: "MEMBER" })]);
  });

  it("refuses tokens from before a logout or password change", async () => {
    const { loadViewer } = await import("@/lib/authz/viewer");
    await t.db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadViewer(userId, 1)).toBeNull();
    expect(await loadViewer(userId, 2)).not.toBeNull();
  });

  it("refuses every token of a disabled user", async () => {
    const { loadViewer } = await import("@/lib/authz/viewer");
    await t.db.user.update({ where: { id: userId }, data: { isDisabled: true } });
    expect(await loadViewer(userId, 2)).toBeNull();
  });
});
