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

  it("asks each move of a noticed meeting for its own reason, and keeps the reason through other edits", async () => {
    const noticed = await t.db.meeting.findFirstOrThrow({ where: { id: { not: meeting.id }, status: "PLANNED", body: { council: { slug: "ringeriksregionen" } } }, select: { id: true, bodyId: true } });
    await t.db.meeting.update({
      where: { id: noticed.id },
      data: { status: "NOTICE_SENT", noticeSentAt: new Date("2027-05-20T08:00:00Z"), startsAt: new Date("2027-06-07T08:00:00Z"), endsAt: null, location: null, remoteUrl: null, changeNote: null },
    });
    const save = async (values: Record<string, string>) => {
      const { version } = await t.db.meeting.findUniqueOrThrow({ where: { id: noticed.id }, select: { version: true } });
      return updateMeetingAction({ ok: false }, form({ meetingId: noticed.id, bodyId: noticed.bodyId, date: "2027-06-07", version: String(version), ...values }));
    };
    const note = async () => (await t.db.meeting.findUniqueOrThrow({ where: { id: noticed.id }, select: { changeNote: true } })).changeNote;

    expect(await save({ startTime: "11:00" })).toMatchObject({ ok: false, fieldErrors: { changeNote: "Skriv hvorfor møtet flyttes." } });
    expect(await save({ startTime: "11:00", changeNote: "Fergen går senere" })).toMatchObject({ ok: true });
    // The old reason again, as a form prefilled with it would send: refused, what was typed kept.
    const again = await save({ startTime: "12:00", changeNote: "Fergen går senere" });
    expect(again).toMatchObject({ ok: false, fieldErrors: { changeNote: "Skriv begrunnelsen for denne endringen." }, values: { startTime: "12:00" } });
    expect(await note()).toBe("Fergen går senere");
    expect(await save({ startTime: "12:00", changeNote: "Ordføreren er i Oslo" })).toMatchObject({ ok: true });
    // Not moved: an empty field keeps what the meeting page shows.
    expect(await save({ startTime: "12:00", remoteUrl: "https://teams.example.no/l/ny" })).toMatchObject({ ok: true });
    expect(await note()).toBe("Ordføreren er i Oslo");

    // A planned meeting needs no reason, and a move without one drops the reason of the last.
    expect(await updateMeetingAction({ ok: false }, form({ version: String((await t.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).version), startTime: "13:00", changeNote: "Lokalet er opptatt" }))).toMatchObject({ ok: true });
    expect(await updateMeetingAction({ ok: false }, form({ version: String((await t.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).version), startTime: "14:00" }))).toMatchObject({ ok: true });
    expect((await t.db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { changeNote: true } })).changeNote).toBeNull();
  });
});
