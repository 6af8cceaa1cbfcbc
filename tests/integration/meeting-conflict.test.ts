import "@/tests/helpers/action-mocks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import { harness } from "@/tests/helpers/action-harness";
import type { Viewer } from "@/lib/authz/policy";

// Two secretaries change the same meeting's time and place from pages loaded at the same version.
// The second is refused, keeps what it typed, and is shown the saved values with their version, so
// that a second try saves on purpose instead of meeting the same refusal again.
const { updateMeetingAction } = await import("@/lib/meetings/actions");

describe("time and place: a concurrent change", () => {
  let t: TestDb;
  let meeting: { id: string; version: number; bodyId: string };

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    harness.db = t.db;
    const council = await t.db.council.findUniqueOrThrow({ where: { slug: "ringeriksregionen" }, select: { id: true } });
    meeting = await t.db.meeting.findFirstOrThrow({ where: { body: { councilId: council.id }, status: "PLANNED" }, select: { id: true, version: true, bodyId: true } });
    const viewer: Viewer = {
      userId: (await t.db.user.findUniqueOrThrow({ where: { email: "sekretariat@ipr.example" }, select: { id: true } })).id,
      name: "Sekretariatet",
      email: "sekretariat@ipr.example",
      personId: null,
      isSystemAdmin: false,
      councils: [{ councilId: council.id, slug: "ringeriksregionen", name: "Ringeriksregionen", role: "SECRETARIAT" }],
    };
    harness.viewer = viewer;
  }, 180_000);
  afterAll(async () => t?.close());

  const form = (values: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({ meetingId: meeting.id, bodyId: meeting.bodyId, date: "2027-05-10", startTime: "10:00", endTime: "", location: "", remoteUrl: "", changeNote: "", ...values })) fd.set(k, v);
    return fd;
  };

  it("refuses the second save, shows the saved values and their version, and then saves the second user's values", async () => {
    const first = await updateMeetingAction({ ok: false }, form({ version: String(meeting.version), location: "Hønefoss", startTime: "09:00" }));
    expect(first.ok).toBe(true);
    const second = await updateMeetingAction({ ok: false }, form({ version: String(meeting.version), location: "Sundvollen", startTime: "12:00" }));
    expect(second.ok).toBe(false);
    expect(second.values?.location).toBe("Sundvollen");
    expect(second.conflict).toEqual({ version: String(meeting.version + 1), date: "2027-05-10", startTime: "09:00", endTime: "", location: "Hønefoss", remoteUrl: "" });
    const again = await updateMeetingAction({ ok: false }, form({ version: second.conflict!.version, location: "Sundvollen", startTime: "12:00" }));
    expect(again.ok).toBe(true);
    expect(await t.db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { location: true, version: true } })).toEqual({ location: "Sundvollen", version: meeting.version + 2 });
  });
});
