import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import type { Role, Viewer } from "@/lib/authz/policy";

// Which meetings the lists show: those the meeting page shows to the same viewer. A meeting known
// only from its minutes (1 November 2021, held before the portal, no notice sent from it) is public
// once its minutes are published, so it is listed; a planned meeting without a notice is the secretariat's.
let t: TestDb;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
const { listMeetingsForCouncil } = await import("@/lib/meetings/queries");

describe("meeting lists", () => {
  let councilId: string;
  let fromMinutesOnly: string;
  let planned: string;
  const as = (role: Role): Viewer => ({
    userId: "test-user",
    name: `Test ${role}`,
    email: `${role}@test.example`,
    personId: null,
    isSystemAdmin: false,
    councils: [{ councilId, slug: "ringeriksregionen", name: "Rådet", role }],
  });

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    councilId = (await t.db.council.findUniqueOrThrow({ where: { slug: "ringeriksregionen" } })).id;
    const m = await t.db.meeting.findFirstOrThrow({ where: { body: { councilId }, startsAt: { gte: new Date("2021-11-01T00:00:00Z"), lt: new Date("2021-11-02T00:00:00Z") } }, select: { id: true, noticeSentAt: true, minutes: { select: { status: true, publishedAt: true } } } });
    // The premise: no notice, published minutes.
    expect(m.noticeSentAt).toBeNull();
    expect(m.minutes?.status).toBe("APPROVED");
    expect(m.minutes?.publishedAt).not.toBeNull();
    fromMinutesOnly = m.id;
    planned = (await t.db.meeting.findFirstOrThrow({ where: { body: { councilId }, noticeSentAt: null, minutes: null }, select: { id: true } })).id;
  }, 180_000);
  afterAll(async () => t?.close());

  it("lists a meeting known only from its published minutes to everyone, and a planned meeting only to the secretariat", async () => {
    const ids = async (viewer: Viewer | null, publicOnly = false) => (await listMeetingsForCouncil(viewer, councilId, { publicOnly })).map((m) => m.id);
    for (const list of [await ids(null, true), await ids(as("MEMBER")), await ids(as("SECRETARIAT"))]) expect(list).toContain(fromMinutesOnly);
    expect(await ids(null, true)).not.toContain(planned);
    expect(await ids(as("MEMBER"))).not.toContain(planned);
    expect(await ids(as("SECRETARIAT"))).toContain(planned);
  });
});
