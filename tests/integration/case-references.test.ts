import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import type { Viewer } from "@/lib/authz/policy";
import type { FormState } from "@/lib/forms";

// «Henvis til sak 4/22»: two bodies of one council both number their cases «Sak n/yy», so a number
// alone may name two cases. The meeting's own body's series is meant first, a body named says which.
let t: TestDb;
let current: Viewer | null = null;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", async () => (await import("@/tests/helpers/action-harness")).navigationModule);
const { addCaseReferenceAction, updateAgendaItemAction } = await import("@/lib/meetings/actions");
const { getCaseView } = await import("@/lib/cases/queries");

const none: FormState = { ok: false };
const { toFormData } = await import("@/tests/helpers/action-harness");
const form = (values: Record<string, string>) => toFormData(Object.entries(values));

describe("case references", () => {
  const ids: Record<string, { itemId: string; caseId: string }> = {};
  const abbr: Record<"A" | "B", string> = { A: "", B: "" };
  let councilId: string;

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    const council = await t.db.council.findUniqueOrThrow({ where: { slug: "ringeriksregionen" }, select: { id: true } });
    councilId = council.id;
    current = { userId: "u", name: "S", email: "s@x.no", personId: null, isSystemAdmin: false, councils: [{ councilId, slug: "ringeriksregionen", name: "R", role: "SECRETARIAT" }] };
    const bodies = await t.db.body.findMany({ where: { councilId }, select: { id: true, abbreviation: true, caseSeriesId: true } });
    const withSeries = bodies.filter((b) => b.caseSeriesId);
    // Two bodies with yearly series of their own; the premise of the test.
    const [a, b] = withSeries;
    expect(a && b && a.caseSeriesId !== b.caseSeriesId).toBe(true);
    const kdu = bodies.find((x) => x.abbreviation === "KDU")!;
    const add = async (key: string, bodyId: string, seriesId: string | null, startsAt: string, number: number | null, sent: boolean) => {
      const meeting = await t.db.meeting.create({ data: { bodyId, startsAt: new Date(startsAt), status: sent ? "NOTICE_SENT" : "PLANNED", noticeSentAt: sent ? new Date(startsAt) : null }, select: { id: true } });
      const c = await t.db.case.create({ data: { councilId, title: `Sak ${key}`, type: "VEDTAKSSAK", year: 2031, seriesId, number }, select: { id: true } });
      const item = await t.db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, title: `Sak ${key}`, type: "VEDTAKSSAK", caseId: c.id, seriesId, number, year: number === null ? null : 2031 }, select: { id: true } });
      ids[key] = { itemId: item.id, caseId: c.id };
    };
    await add("A-4", a.id, a.caseSeriesId, "2031-02-03T12:00:00Z", 4, true);
    await add("B-4", b.id, b.caseSeriesId, "2031-02-10T12:00:00Z", 4, true);
    await add("A-9", a.id, a.caseSeriesId, "2031-05-05T12:00:00Z", 9, false); // refers back; not sent yet
    await add("KDU", kdu.id, null, "2031-05-06T12:00:00Z", null, true);
    abbr.A = a.abbreviation;
    abbr.B = b.abbreviation;
  }, 180_000);
  afterAll(async () => t?.close());

  const refer = (from: string, reference: string) => addCaseReferenceAction(none, form({ itemId: ids[from].itemId, reference }));
  const targetsOf = async (from: string) => (await t.db.caseReference.findMany({ where: { fromCaseId: ids[from].caseId }, select: { toCaseId: true, label: true } }));

  it("takes the meeting's own body's series first", async () => {
    expect(await refer("A-9", "sak 4/31")).toMatchObject({ ok: true });
    expect(await targetsOf("A-9")).toEqual([{ toCaseId: ids["A-4"].caseId, label: "Oppfølging av vedtak i sak 4/31" }]);
  });

  it("asks which body when the number is in two series, and takes the one named", async () => {
    const both = await refer("KDU", "4/31");
    expect(both.ok).toBe(false);
    expect(both.fieldErrors?.reference).toBe(`Flere saker har nummeret 4/31: «Sak A-4» (${abbr.A}), «Sak B-4» (${abbr.B}). Skriv organets forkortelse foran, for eksempel «${abbr.A} 4/31».`);
    expect(both.values?.reference).toBe("4/31");
    expect(await refer("KDU", `${abbr.B} 4/2031`)).toMatchObject({ ok: true });
    expect((await targetsOf("KDU")).map((r) => r.toCaseId)).toEqual([ids["B-4"].caseId]);
  });

  it("refuses a case referring to itself, and a number no case has", async () => {
    expect((await refer("A-4", "4/31")).fieldErrors?.reference).toBe("Dette er saken selv. Skriv nummeret til saken det henvises til.");
    expect((await refer("A-4", "77/31")).fieldErrors?.reference).toBe("Fant ingen sak 77/31 i rådet.");
  });

  it("refuses to change a case on approved minutes with a message, keeping what was typed", async () => {
    const item = await t.db.agendaItem.findFirstOrThrow({
      where: { caseId: { not: null }, meeting: { body: { councilId }, minutes: { status: "APPROVED" } } },
      select: { id: true, version: true, title: true, type: true, case: { select: { version: true } } },
    });
    const r = await updateAgendaItemAction(none, form({ itemId: item.id, itemVersion: String(item.version), caseVersion: String(item.case!.version), title: "Ny tittel etter godkjenning", type: item.type }));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Referatet fra dette møtet er godkjent og låst/) });
    expect(r.values?.title).toBe("Ny tittel etter godkjenning");
    expect((await t.db.agendaItem.findUniqueOrThrow({ where: { id: item.id }, select: { title: true } })).title).toBe(item.title);
  });

  it("names the referring case by its title, and hides it from those who may not open it yet", async () => {
    const inside = (await getCaseView(current, "ringeriksregionen", ids["A-4"].caseId))!;
    expect(inside.referencedBy.map((r) => [r.fromCaseId, r.title])).toEqual([[ids["A-9"].caseId, "Sak A-9"]]);
    // The public: A-9's meeting has no notice sent, so it is no link to follow.
    expect((await getCaseView(null, "ringeriksregionen", ids["A-4"].caseId))!.referencedBy).toEqual([]);
    expect((await getCaseView(null, "ringeriksregionen", ids["B-4"].caseId))!.referencedBy.map((r) => r.title)).toEqual(["Sak KDU"]);
  });
});
