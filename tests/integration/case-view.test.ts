import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";

// The case page's saksgang says what happened to the case in each meeting, as far as the reader may know it.
let t: TestDb;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
const { getCaseView } = await import("@/lib/cases/queries");

describe("the case's saksgang", () => {
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
  }, 180_000);
  afterAll(async () => t?.close());

  const outcomes = async (title: RegExp) => {
    const item = (await t.db.agendaItem.findMany({
      where: { status: "ACTIVE", caseId: { not: null }, meeting: { startsAt: new Date("2022-01-17T13:00:00Z") } },
      select: { title: true, caseId: true, decision: { select: { id: true } } },
    })).find((i) => title.test(i.title));
    if (!item) throw new Error(`no item ${title}`);
    const view = await getCaseView(null, "ringeriksregionen", item.caseId!);
    return { hasDecision: !!item.decision, outcomes: view!.saksgang.map((r) => r.outcome) };
  };

  it("an item treated without a decision, in a meeting with published minutes, is treated, not «not treated yet»", async () => {
    const { hasDecision, outcomes: o } = await outcomes(/Eventuelt/i);
    expect(hasDecision).toBe(false);
    expect(o).toEqual(["Behandlet, uten vedtak"]);
  });

  it("a meeting without published minutes: not treated before it is held, minutes not published after, and cancelled when it is", async () => {
    // A planned meeting with cases, its notice sent now: the cases are public, no minutes are yet.
    const item = await t.db.agendaItem.findFirstOrThrow({
      where: { status: "ACTIVE", caseId: { not: null }, meeting: { status: "PLANNED", minutes: null, body: { council: { slug: "ringeriksregionen" } } } },
      select: { caseId: true, meeting: { select: { id: true, startsAt: true } } },
    });
    await t.db.meeting.update({ where: { id: item.meeting.id }, data: { status: "NOTICE_SENT", noticeSentAt: new Date(item.meeting.startsAt.getTime() - 7 * 86_400_000) } });
    const outcome = async (now: Date) => {
      const view = await getCaseView(null, "ringeriksregionen", item.caseId!, now);
      return view!.saksgang.find((r) => r.meetingId === item.meeting.id)!.outcome;
    };
    const before = new Date(item.meeting.startsAt.getTime() - 86_400_000);
    const after = new Date(item.meeting.startsAt.getTime() + 86_400_000);
    expect(await outcome(before)).toBeNull();
    expect(await outcome(after)).toBe("Referatet er ikke publisert ennå");
    await t.db.meeting.update({ where: { id: item.meeting.id }, data: { status: "CANCELLED" } });
    expect(await outcome(after)).toBe("Møtet ble avlyst");
  });

  it("an item with a decision says what was decided", async () => {
    const { hasDecision, outcomes: o } = await outcomes(/samhandlingsinstruks/i);
    expect(hasDecision).toBe(true);
    expect(o[0]).not.toBeNull();
    expect(o[0]).not.toBe("Behandlet, uten vedtak");
  });
});
