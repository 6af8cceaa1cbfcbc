import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import {
  activateProposedItem,
  addCaseToMeeting,
  createMeetingWithStandardItems,
  forwardCaseToMeeting,
  moveItem,
  proposeItemForMeeting,
  restoreWithdrawnItem,
} from "@/lib/meetings/agenda";
import { numberItems, lockMeeting } from "@/lib/meetings/numbering";

const txOptions = { maxWait: 60_000, timeout: 60_000 };

describe("case numbering and the agenda", () => {
  let t: TestDb;
  let auId: string;
  let kduId: string;
  let repId: string;

  beforeAll(async () => {
    t = await createTestDb();
    const council = await t.db.council.create({ data: { slug: "r", name: "Rådet" } });
    const sak = await t.db.caseSeries.create({ data: { councilId: council.id, name: "AU", format: "Sak {n}/{yy}" } });
    const rep = await t.db.caseSeries.create({ data: { councilId: council.id, name: "Rep", format: "sak {nn}/{yy}" } });
    const kdu = await t.db.caseSeries.create({ data: { councilId: council.id, name: "KDU", format: "{n}.", scope: "PER_MEETING" } });
    auId = (await t.db.body.create({ data: { councilId: council.id, kind: "ARBEIDSUTVALG", name: "AU", abbreviation: "AU", isPolitical: true, caseSeriesId: sak.id } })).id;
    repId = (await t.db.body.create({ data: { councilId: council.id, kind: "REPRESENTANTSKAP", name: "Rep", abbreviation: "REP", isPolitical: true, caseSeriesId: rep.id } })).id;
    kduId = (await t.db.body.create({ data: { councilId: council.id, kind: "KOMMUNEDIREKTORUTVALG", name: "KDU", abbreviation: "KDU", isPolitical: false, caseSeriesId: kdu.id } })).id;
  });
  afterAll(async () => t?.close());

  const meeting = (bodyId: string, iso: string) =>
    t.db.$transaction((tx) =>
      createMeetingWithStandardItems(tx, { bodyId, startsAt: new Date(iso), endsAt: null, location: "Hole", remoteUrl: null }),
    );
  const items = (meetingId: string) =>
    t.db.agendaItem.findMany({ where: { meetingId, status: "ACTIVE" }, orderBy: { position: "asc" }, select: { title: true, number: true, year: true } });

  it("numbers like the real minutes: standard items first, Eventuelt last when the notice goes out", async () => {
    const m = await meeting(auId, "2022-01-17T13:00:00Z");
    expect((await items(m.id)).map((i) => i.title)).toEqual(["Godkjenning av innkalling", "Eventuelt"]);
    for (const title of ["Orientering fra Krødsherad", "Prinsipp saker/samhandlingsinstruks"]) {
      await t.db.$transaction((tx) => addCaseToMeeting(tx, m.id, { title, type: "ORIENTERINGSSAK" }));
    }
    await t.db.$transaction(async (tx) => {
      await lockMeeting(tx, m.id);
      await numberItems(tx, m.id);
    });
    expect(await items(m.id)).toEqual([
      { title: "Godkjenning av innkalling", number: 1, year: 2022 },
      { title: "Orientering fra Krødsherad", number: 2, year: 2022 },
      { title: "Prinsipp saker/samhandlingsinstruks", number: 3, year: 2022 },
      { title: "Eventuelt", number: 4, year: 2022 },
    ]);
    const next = await meeting(auId, "2022-02-07T13:00:00Z");
    expect((await items(next.id)).map((i) => i.title)).toEqual([
      "Godkjenning av innkalling",
      "Godkjenning av referat fra møtet 17. januar 2022",
      "Eventuelt",
    ]);
    const added = await t.db.$transaction((tx) => addCaseToMeeting(tx, next.id, { title: "Ny sak", type: "VEDTAKSSAK" }));
    expect(added.number).toBe(7); // 5 and 6 went to the two standard items above it
  });

  it("restarts every year and uses the meeting's year in Oslo time", async () => {
    // 31 Dec 2022 23:30Z is already 1 January 2023 in Oslo.
    const m = await meeting(auId, "2022-12-31T23:30:00Z");
    const added = await t.db.$transaction((tx) => addCaseToMeeting(tx, m.id, { title: "Nyttårssak", type: "VEDTAKSSAK" }));
    // 1 and 2 go to "Godkjenning av innkalling" and "Godkjenning av referat" above it.
    expect(added).toMatchObject({ number: 3, year: 2023 });
  });

  it("numbers administrative bodies per meeting", async () => {
    const a = await meeting(kduId, "2025-03-03T09:00:00Z");
    const b = await meeting(kduId, "2025-04-03T09:00:00Z");
    const x = await t.db.$transaction((tx) => addCaseToMeeting(tx, a.id, { title: "X", type: "DROFTINGSSAK" }));
    const y = await t.db.$transaction((tx) => addCaseToMeeting(tx, b.id, { title: "Y", type: "DROFTINGSSAK" }));
    expect([x.number, y.number]).toEqual([2, 3]); // b has "Godkjenning av referat" as 2
  });

  it("never duplicates or skips a number under parallel additions", async () => {
    const meetings = await Promise.all(["2024-01-10", "2024-02-10", "2024-03-10"].map((d) => meeting(repId, `${d}T10:00:00Z`)));
    const n = 24;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        t.db.$transaction((tx) => addCaseToMeeting(tx, meetings[i % 3].id, { title: `Sak ${i}`, type: "VEDTAKSSAK" }), txOptions),
      ),
    );
    const numbers = (
      await t.db.agendaItem.findMany({ where: { meeting: { bodyId: repId }, number: { not: null } }, select: { number: true } })
    ).map((r) => r.number!).sort((p, q) => p - q);
    // n cases plus the standard items above them: every number from 1 up, once.
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(numbers.length).toBeGreaterThanOrEqual(n);
    const counter = await t.db.caseSeriesCounter.findFirst({ where: { series: { bodies: { some: { id: repId } } }, year: 2024 } });
    expect(counter?.lastNumber).toBe(numbers.length);
  });

  it("keeps Eventuelt last, reorders with neighbours, and moves cases on with their own numbers", async () => {
    const kduMeeting = await meeting(kduId, "2025-05-01T09:00:00Z");
    const auMeeting = await meeting(auId, "2025-05-10T09:00:00Z");
    const first = await t.db.$transaction((tx) => addCaseToMeeting(tx, kduMeeting.id, { title: "Første", type: "VEDTAKSSAK" }));
    await t.db.$transaction((tx) => addCaseToMeeting(tx, kduMeeting.id, { title: "Andre", type: "VEDTAKSSAK" }));
    const order = async () => (await items(kduMeeting.id)).map((i) => i.title);
    expect((await order()).at(-1)).toBe("Eventuelt");
    const firstRow = await t.db.agendaItem.findUniqueOrThrow({ where: { id: first.id }, select: { id: true } });
    await t.db.$transaction((tx) => moveItem(tx, firstRow.id, "down"));
    expect((await order()).slice(-3)).toEqual(["Andre", "Første", "Eventuelt"]);
    expect(await t.db.$transaction((tx) => moveItem(tx, firstRow.id, "down"))).toBe(true);
    expect((await order()).at(-1)).toBe("Første");

    await t.db.$transaction((tx) => forwardCaseToMeeting(tx, first.caseId!, auMeeting.id));
    const route = await t.db.agendaItem.findMany({ where: { caseId: first.caseId! }, select: { meeting: { select: { body: { select: { abbreviation: true } } } }, number: true } });
    expect(route).toHaveLength(2);
    expect(route.find((r) => r.meeting.body.abbreviation === "AU")?.number).toBeGreaterThan(0);
  });

  it("turns a proposal into a numbered item only when it is put on the sakskart", async () => {
    const from = await meeting(auId, "2026-01-05T09:00:00Z");
    const target = await meeting(repId, "2026-02-05T09:00:00Z");
    const proposal = await t.db.$transaction((tx) => proposeItemForMeeting(tx, from.id, target.id, "Næringspolitisk strategi", "VEDTAKSSAK"));
    expect((await items(target.id)).map((i) => i.title)).not.toContain("Næringspolitisk strategi");
    await t.db.$transaction((tx) => activateProposedItem(tx, proposal.id));
    const after = await items(target.id);
    expect(after.map((i) => i.title)).toEqual([
      "Godkjenning av innkalling",
      "Godkjenning av referat fra møtet 10. mars 2024",
      "Næringspolitisk strategi",
      "Eventuelt",
    ]);
    expect(after.find((i) => i.title === "Næringspolitisk strategi")?.number).toBeGreaterThan(0);
  });

  it("puts a withdrawn item back before Eventuelt with the number it had, once, and not beside the same case added again", async () => {
    const m = await meeting(repId, "2024-05-06T08:00:00Z");
    const added = await t.db.$transaction((tx) => addCaseToMeeting(tx, m.id, { title: "Trukket ved en feil", type: "VEDTAKSSAK" }));
    await t.db.agendaItem.update({ where: { id: added.id }, data: { status: "WITHDRAWN" } });
    await t.db.$transaction((tx) => addCaseToMeeting(tx, m.id, { title: "Lagt til etterpå", type: "VEDTAKSSAK" }));
    expect(await t.db.$transaction((tx) => restoreWithdrawnItem(tx, added.id))).toBe(true);
    const after = await items(m.id);
    expect(after.map((i) => i.title).slice(-3)).toEqual(["Lagt til etterpå", "Trukket ved en feil", "Eventuelt"]);
    expect(after.at(-2)).toMatchObject({ title: "Trukket ved en feil", number: added.number, year: 2024 });
    expect(after.at(-1)?.title).toBe("Eventuelt");
    // Twice is a no-op.
    expect(await t.db.$transaction((tx) => restoreWithdrawnItem(tx, added.id))).toBe(false);

    // Withdrawn, then the same case forwarded to the meeting again: restoring would list it twice.
    await t.db.agendaItem.update({ where: { id: added.id }, data: { status: "WITHDRAWN" } });
    const theCase = await t.db.agendaItem.findUniqueOrThrow({ where: { id: added.id }, select: { caseId: true } });
    await t.db.$transaction((tx) => forwardCaseToMeeting(tx, theCase.caseId!, m.id));
    expect(await t.db.$transaction((tx) => restoreWithdrawnItem(tx, added.id))).toBe(false);
    expect((await items(m.id)).filter((i) => i.title === "Trukket ved en feil")).toHaveLength(1);
  });
});
