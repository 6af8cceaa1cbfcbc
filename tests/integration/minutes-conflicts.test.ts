import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import type { Viewer } from "@/lib/authz/policy";

// A refused save of the minutes' header or attendance register keeps what was typed and makes the
// page take the stored version: otherwise every retry meets the same refusal, and the reload the
// user is left with throws the typed register away.
let t: TestDb;
let current: Viewer | null = null;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => current }));
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void revalidated.push(path) }));
vi.mock("next/navigation", async () => (await import("@/tests/helpers/action-harness")).navigationModule);
vi.mock("@/lib/server/base-url", () => ({ publicBaseUrl: async () => "https://ipr.example" }));
const { toFormData } = await import("@/tests/helpers/action-harness");
const actions = await import("@/lib/minutes/actions");
const { startMinutes } = await import("@/lib/minutes/editing");

describe("minutes forms after a conflict", () => {
  let meetingId: string;
  const page = () => `/portal/ringeriksregionen/moter/${meetingId}`;

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    const council = await t.db.council.findUniqueOrThrow({ where: { slug: "ringeriksregionen" }, select: { id: true } });
    meetingId = (await t.db.meeting.findFirstOrThrow({ where: { startsAt: new Date("2027-01-18T13:00:00Z") }, select: { id: true } })).id;
    await t.db.$transaction((tx) => startMinutes(tx, meetingId));
    current = { userId: "u", name: "Sekretær", email: "s@x.no", personId: null, isSystemAdmin: false, councils: [{ councilId: council.id, slug: "ringeriksregionen", name: "R", role: "SECRETARIAT" }] };
  }, 180_000);
  afterAll(async () => t?.close());

  it("the header: refused, typed text kept, the page revalidated", async () => {
    const m = await t.db.minutes.findUniqueOrThrow({ where: { meetingId }, select: { version: true } });
    revalidated.length = 0;
    const r = await actions.saveMinutesHeaderAction({ ok: false }, toFormData([["meetingId", meetingId], ["version", String(m.version + 3)], ["documentTitle", "Referat"], ["introduction", "Min innledning"], ["chairId", ""], ["chairLabel", ""], ["secretaryId", ""], ["secretaryLabel", ""]]));
    expect(r).toMatchObject({ ok: false, values: { introduction: "Min innledning" } });
    expect(r.message).toMatch(/Noen andre har lagret referatets innledning.*lagrer du igjen, erstatter du den/);
    expect(revalidated).toContain(page());
  });

  it("the attendance register: refused on a stale fingerprint, typed rows kept, the page revalidated", async () => {
    const rows = await t.db.attendance.findMany({ where: { meetingId }, select: { id: true, status: true } });
    expect(rows.length).toBeGreaterThan(0);
    const entries: [string, string][] = [["meetingId", meetingId], ["fingerprint", "utdatert"]];
    for (const row of rows) entries.push(["attendanceId", row.id], [`status.${row.id}`, "ABSENT"], [`note.${row.id}`, "Meldt forfall i dag"]);
    revalidated.length = 0;
    const r = await actions.saveAttendanceAction({ ok: false }, toFormData(entries));
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/Noen andre har lagret deltakerlisten/);
    expect(r.values?.[`note.${rows[0].id}`]).toBe("Meldt forfall i dag");
    expect(revalidated).toContain(page());
    expect(await t.db.attendance.count({ where: { meetingId, note: "Meldt forfall i dag" } })).toBe(0);
  });

  it("an approval item in minutes already locked cannot approve earlier minutes: a message, not the error page", async () => {
    const { createMeetingWithStandardItems } = await import("@/lib/meetings/agenda");
    const { buildMinutesDocument } = await import("@/lib/minutes/build");
    const { minutesContentHash } = await import("@/lib/minutes/content-hash");
    // An approved meeting's «Godkjenning av referat», and an earlier meeting of its body whose minutes wait.
    const item = await t.db.agendaItem.findFirstOrThrow({
      where: { type: "GODKJENNING", decision: { text: { not: "" } }, meeting: { minutes: { status: "APPROVED" }, body: { council: { slug: "ringeriksregionen" } } } },
      orderBy: { meeting: { startsAt: "desc" } },
      select: { id: true, meetingId: true, meeting: { select: { bodyId: true, startsAt: true } } },
    });
    const earlier = await t.db.$transaction((tx) => createMeetingWithStandardItems(tx, { bodyId: item.meeting.bodyId, startsAt: new Date(item.meeting.startsAt.getTime() - 20 * 86_400_000), endsAt: null, location: "Hønefoss", remoteUrl: null }));
    await t.db.$transaction((tx) => startMinutes(tx, earlier.id));
    const target = await t.db.minutes.findUniqueOrThrow({ where: { meetingId: earlier.id }, select: { id: true, version: true } });
    const hash = minutesContentHash((await buildMinutesDocument(t.db, earlier.id, "internal"))!);
    const r = await actions.approveMinutesByItemAction({ ok: false }, toFormData([["itemId", item.id], ["minutesId", target.id], ["minutesVersion", String(target.version)], ["minutesHash", hash]]));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Referatet fra dette møtet er godkjent og låst/) });
    expect((await t.db.minutes.findUniqueOrThrow({ where: { id: target.id }, select: { status: true } })).status).not.toBe("APPROVED");
  });
});
