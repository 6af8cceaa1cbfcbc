import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";

// The case page's saksgang says what happened to the case in each meeting, as far as the reader may know it.
let t: TestDb;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/server/base-url", () => ({ publicBaseUrl: async () => "https://ipr.example" }));
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

  it("lists a meeting known only from its published minutes in the saksgang, for the public too", async () => {
    // A meeting held before the portal was taken into use: recorded afterwards, its minutes written,
    // approved and published, but no notice sent from the portal (as 1 November 2021 in the seed).
    const body = await t.db.body.findFirstOrThrow({ where: { council: { slug: "ringeriksregionen" } }, select: { id: true, councilId: true } });
    const meeting = await t.db.meeting.create({ data: { bodyId: body.id, startsAt: new Date("2021-06-14T12:00:00Z"), status: "MINUTES_APPROVED" }, select: { id: true } });
    const c = await t.db.case.create({ data: { councilId: body.councilId, title: "Sak behandlet før portalen", type: "ORIENTERINGSSAK", year: 2021 }, select: { id: true } });
    await t.db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, title: "Sak behandlet før portalen", type: "ORIENTERINGSSAK", caseId: c.id } });
    const approvedAt = new Date("2021-09-01T10:00:00Z");
    await t.db.minutes.create({ data: { meetingId: meeting.id, status: "APPROVED", approvedAt, publishedAt: approvedAt } });

    const view = await getCaseView(null, "ringeriksregionen", c.id);
    expect(view, "the case is public through the published minutes").not.toBeNull();
    expect(view!.saksgang.map((r) => r.meetingId)).toEqual([meeting.id]);
    expect(view!.saksgang[0].outcome).toBe("Behandlet, uten vedtak");
  });

  it("shows what the minutes say of the item, but not of an item treated behind closed doors to the public", async () => {
    // Sak 6/22 (a discussion, no decision): its notes from the minutes are the case's substance.
    const sak6 = await t.db.agendaItem.findFirstOrThrow({ where: { number: 6, year: 2022, meeting: { startsAt: new Date("2022-01-17T13:00:00Z") } }, select: { caseId: true } });
    const view = await getCaseView(null, "ringeriksregionen", sak6.caseId!);
    expect(view!.saksgang[0].notes).toContain("Our Democracy Forum orienterer");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { CaseDocument } = await import("@/components/cases/case-document");
    const html = renderToStaticMarkup(CaseDocument({ c: view!, meetingHref: (id) => `/m/${id}`, caseHref: (id) => `/c/${id}` }));
    expect(html).toContain("Fra referatet");
    expect(html).toContain("Our Democracy Forum orienterer");

    // A case that is not exempt, treated in a closed item (kommuneloven § 11-5), minutes published.
    const body = await t.db.body.findFirstOrThrow({ where: { council: { slug: "ringeriksregionen" } }, select: { id: true, councilId: true } });
    const meeting = await t.db.meeting.create({ data: { bodyId: body.id, startsAt: new Date("2021-05-10T12:00:00Z"), status: "MINUTES_APPROVED" }, select: { id: true } });
    const c = await t.db.case.create({ data: { councilId: body.councilId, title: "Forhandlinger om leie", type: "VEDTAKSSAK", year: 2021 }, select: { id: true } });
    const item = await t.db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, title: "Forhandlinger om leie", type: "VEDTAKSSAK", caseId: c.id, isClosed: true, closedBasis: "kommuneloven § 11-5 tredje ledd bokstav c", minutesNotes: "Forhandlingsposisjonen ble drøftet." } });
    await t.db.decision.create({ data: { agendaItemId: item.id, kind: "VEDTAK", text: "Rådslederen gis fullmakt." } });
    await t.db.minutes.create({ data: { meetingId: meeting.id, status: "APPROVED", approvedAt: new Date("2021-06-01T10:00:00Z"), publishedAt: new Date("2021-06-01T10:00:00Z") } });
    const pub = (await getCaseView(null, "ringeriksregionen", c.id))!.saksgang[0];
    expect(pub).toMatchObject({ outcome: "Vedtatt", notes: null, decision: null });
    const secretariat = { userId: "u", name: "S", email: "s@x.no", personId: null, isSystemAdmin: false, councils: [{ councilId: body.councilId, slug: "ringeriksregionen", name: "R", role: "SECRETARIAT" as const }] };
    const inside = (await getCaseView(secretariat, "ringeriksregionen", c.id))!.saksgang[0];
    expect(inside.notes).toBe("Forhandlingsposisjonen ble drøftet.");
    expect(inside.decision?.text).toBe("Rådslederen gis fullmakt.");
  });

  it("withholds the papers and presenter of a case treated in a closed item from the public, on the case, meeting and minutes pages", async () => {
    const body = await t.db.body.findFirstOrThrow({ where: { council: { slug: "ringeriksregionen" } }, select: { id: true, councilId: true } });
    const meeting = await t.db.meeting.create({ data: { bodyId: body.id, startsAt: new Date("2021-04-12T12:00:00Z"), status: "MINUTES_APPROVED", noticeSentAt: new Date("2021-04-01T08:00:00Z") }, select: { id: true } });
    const c = await t.db.case.create({
      data: { councilId: body.councilId, title: "Kjøp av tomt", type: "VEDTAKSSAK", year: 2021, presenter: "v/ eiendomssjef Kari Grunn", background: "Selger krever 4,2 millioner kroner.", proposedDecision: "Rådet byr 3,9 millioner." },
      select: { id: true },
    });
    await t.db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, title: "Kjøp av tomt", type: "VEDTAKSSAK", caseId: c.id, presenter: "v/ eiendomssjef Kari Grunn", isClosed: true, closedBasis: "kommuneloven § 11-5 tredje ledd bokstav c" } });
    await t.db.minutes.create({ data: { meetingId: meeting.id, status: "APPROVED", approvedAt: new Date("2021-05-01T10:00:00Z"), publishedAt: new Date("2021-05-01T10:00:00Z") } });
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { CaseDocument } = await import("@/components/cases/case-document");
    const view = (await getCaseView(null, "ringeriksregionen", c.id))!;
    expect(view).toMatchObject({ redacted: true, background: null, proposedDecision: null, presenter: null });
    const html = renderToStaticMarkup(CaseDocument({ c: view, meetingHref: (id) => `/m/${id}`, caseHref: (id) => `/c/${id}` }));
    expect(html).toContain("Behandlet i lukket møte (kommuneloven § 11-5 tredje ledd bokstav c)");
    for (const secret of ["4,2 millioner", "3,9 millioner", "Kari Grunn"]) expect(html).not.toContain(secret);

    const { getMeetingView } = await import("@/lib/meetings/queries");
    const { getMinutesForViewer } = await import("@/lib/minutes/queries");
    const meetingPage = JSON.stringify(await getMeetingView(null, "ringeriksregionen", meeting.id));
    const minutesPage = JSON.stringify(await getMinutesForViewer(null, "ringeriksregionen", meeting.id));
    expect(meetingPage).toContain("Kjøp av tomt");
    expect(minutesPage).toContain("Kjøp av tomt");
    for (const secret of ["4,2 millioner", "Kari Grunn"]) {
      expect(meetingPage).not.toContain(secret);
      expect(minutesPage).not.toContain(secret);
    }

    // The secretariat reads it all.
    const secretariat = { userId: "u", name: "S", email: "s@x.no", personId: null, isSystemAdmin: false, councils: [{ councilId: body.councilId, slug: "ringeriksregionen", name: "R", role: "SECRETARIAT" as const }] };
    expect(await getCaseView(secretariat, "ringeriksregionen", c.id)).toMatchObject({ redacted: false, background: "Selger krever 4,2 millioner kroner.", presenter: "v/ eiendomssjef Kari Grunn" });
  });
  it("withholds the papers and files of a case treated openly in one body and behind closed doors in another, also in the open data and the download", async () => {
    const bodies = await t.db.body.findMany({ where: { council: { slug: "ringeriksregionen" } }, orderBy: { name: "asc" }, take: 2, select: { id: true, councilId: true } });
    const open = await t.db.meeting.create({ data: { bodyId: bodies[0].id, startsAt: new Date("2021-03-01T12:00:00Z"), status: "NOTICE_SENT", noticeSentAt: new Date("2021-02-20T08:00:00Z") }, select: { id: true } });
    const closed = await t.db.meeting.create({ data: { bodyId: bodies[1].id, startsAt: new Date("2021-03-15T12:00:00Z"), status: "NOTICE_SENT", noticeSentAt: new Date("2021-03-05T08:00:00Z") }, select: { id: true } });
    const c = await t.db.case.create({
      data: { councilId: bodies[0].councilId, title: "Salg av aksjer", type: "VEDTAKSSAK", year: 2021, background: "Kjøper byr 12 millioner kroner.", proposedDecision: "Rådet selger for 12 millioner." },
      select: { id: true },
    });
    await t.db.agendaItem.create({ data: { meetingId: open.id, position: 1, title: "Salg av aksjer", type: "VEDTAKSSAK", caseId: c.id } });
    await t.db.agendaItem.create({ data: { meetingId: closed.id, position: 1, title: "Salg av aksjer", type: "VEDTAKSSAK", caseId: c.id, isClosed: true, closedBasis: "kommuneloven § 11-5 tredje ledd bokstav c" } });
    const file = await t.db.attachment.create({
      data: { councilId: bodies[0].councilId, caseId: c.id, fileName: "verdivurdering.pdf", contentType: "application/pdf", sizeBytes: 10, sha256: "x", storageKey: `attachments/verdivurdering-${c.id}` },
      select: { id: true },
    });
    expect(await getCaseView(null, "ringeriksregionen", c.id)).toMatchObject({ redacted: true, background: null, proposedDecision: null });
    const { GET } = await import("@/app/api/oparl/v1/paper/[id]/route");
    const paper = await (await GET(new Request(`https://ipr.example/api/oparl/v1/paper/${c.id}`), { params: Promise.resolve({ id: c.id }) })).text();
    expect(paper).toContain("Salg av aksjer");
    for (const secret of ["12 millioner", "verdivurdering", file.id]) expect(paper).not.toContain(secret);
    const { getAttachmentForDownload } = await import("@/lib/attachments/queries");
    expect(await getAttachmentForDownload(null, file.id)).toBeNull();
    const secretariat = { userId: "u", name: "S", email: "s@x.no", personId: null, isSystemAdmin: false, councils: [{ councilId: bodies[0].councilId, slug: "ringeriksregionen", name: "R", role: "SECRETARIAT" as const }] };
    expect(await getAttachmentForDownload(secretariat, file.id)).toMatchObject({ fileName: "verdivurdering.pdf" });
  });
});
