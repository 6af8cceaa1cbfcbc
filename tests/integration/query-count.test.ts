import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCountingDb, type CountingDb } from "@/tests/helpers/counting-db";
import type { Role, Viewer } from "@/lib/authz/policy";

// Issue 8, budget "Queries": no page's number of database queries grows with the length of its
// list. Two councils are built alike, one with 10 rows of everything and one with 100, and each
// page's data function is run against both with a client whose driver adapter counts every SQL
// statement (tests/helpers/counting-db.ts). The counts must be equal. Runs on PGlite and PostgreSQL.
let t: CountingDb;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const minutesQ = await import("@/lib/minutes/queries");
const meetingsQ = await import("@/lib/meetings/queries");
const followUpQ = await import("@/lib/follow-up/queries");
const { parseActionFilter } = await import("@/lib/follow-up/schemas");
const searchQ = await import("@/lib/search/queries");
const { searchParamsSchema } = await import("@/lib/search/schemas");
const plansQ = await import("@/lib/plans/queries");
const casesQ = await import("@/lib/cases/queries");

const YEAR = 2026;
const NOW = new Date(`${YEAR}-06-15T10:00:00Z`);

type Fixture = {
  n: number;
  slug: string;
  councilId: string;
  bodyId: string;
  /** Approved and published minutes with n agenda items (plus the standing follow-up item). */
  bigMeetingId: string;
  /** A planned meeting with n items, for the agenda editor. */
  editMeetingId: string;
  /** A case treated in n meetings. */
  saksgangCaseId: string;
  planId: string;
  /** Tagged by all n decisions and linked to all n action items. */
  measureId: string;
  viewer: (role: Role) => Viewer;
};

const id = () => randomUUID().replace(/-/g, "");
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const day = (d: number) => new Date(Date.UTC(YEAR, 0, 1 + d, 9));

async function buildCouncil(n: number): Promise<Fixture> {
  const db = t.db;
  const slug = `rad-${n}`;
  const councilId = id();
  await db.council.create({ data: { id: councilId, slug, name: `Rådet ${n}` } });
  const seriesId = id();
  await db.caseSeries.create({ data: { id: seriesId, councilId, name: "Saker" } });
  const bodyId = id();
  await db.body.create({ data: { id: bodyId, councilId, kind: "ARBEIDSUTVALG", name: `Arbeidsutvalget ${n}`, abbreviation: "AU", isPolitical: true, caseSeriesId: seriesId } });

  const orgIds = range(2).map(() => id());
  await db.organization.createMany({ data: orgIds.map((oid, i) => ({ id: oid, name: `Kommune ${n}-${i}`, kind: "MUNICIPALITY" as const })) });
  await db.councilMember.createMany({ data: orgIds.map((organizationId) => ({ councilId, organizationId, validFrom: new Date("2020-01-01") })) });
  const personIds = range(4).map(() => id());
  await db.person.createMany({ data: personIds.map((pid, i) => ({ id: pid, name: `Person ${n}-${i}`, email: `p${i}.${n}@example.no`, organizationId: orgIds[i % 2] })) });
  await db.bodyMembership.createMany({
    data: personIds.map((personId, i) => ({ bodyId, personId, role: i === 0 ? ("LEDER" as const) : ("MEDLEM" as const), organizationId: orgIds[i % 2], position: i, validFrom: new Date("2020-01-01") })),
  });

  // n earlier meetings with approved, published minutes, each treating the same case (its saksgang).
  const saksgangCaseId = id();
  await db.case.create({ data: { id: saksgangCaseId, councilId, year: YEAR, title: "Saken som går gjennom mange møter", type: "VEDTAKSSAK", background: "Bakgrunn" } });
  const listMeetingIds = range(n).map(() => id());
  await db.meeting.createMany({
    data: listMeetingIds.map((mid, i) => ({ id: mid, bodyId, startsAt: day(i), endsAt: day(i), location: "Rådhuset", status: "MINUTES_APPROVED" as const, noticeSentAt: day(i - 7) })),
  });
  const listItemIds = range(n).map(() => id());
  await db.agendaItem.createMany({
    data: listItemIds.map((iid, i) => ({ id: iid, meetingId: listMeetingIds[i], caseId: saksgangCaseId, seriesId, year: YEAR, number: i + 1, position: 1, title: "Saken", type: "VEDTAKSSAK" as const })),
  });
  await db.decision.createMany({ data: listItemIds.map((agendaItemId) => ({ agendaItemId, text: "Saken utsettes." })) });

  // The big meeting: n items, each with its own case, a decision, an attachment and an action item.
  const bigMeetingId = id();
  await db.meeting.create({ data: { id: bigMeetingId, bodyId, startsAt: day(150), endsAt: day(150), location: "Rådhuset", status: "MINUTES_APPROVED", noticeSentAt: day(140) } });
  const caseIds = range(n).map(() => id());
  await db.case.createMany({
    data: caseIds.map((cid, i) => ({ id: cid, councilId, year: YEAR, title: `Samferdsel i regionen ${i}`, type: "VEDTAKSSAK" as const, background: `Bakgrunn om samferdsel ${i}`, proposedDecision: "Forslag" })),
  });
  const bigItemIds = range(n).map(() => id());
  await db.agendaItem.createMany({
    data: [
      ...bigItemIds.map((iid, i) => ({
        id: iid,
        meetingId: bigMeetingId,
        caseId: caseIds[i],
        seriesId,
        year: YEAR,
        number: n + i + 1,
        position: i + 1,
        title: `Samferdsel i regionen ${i}`,
        type: "VEDTAKSSAK" as const,
        noticeText: `Innstilling om samferdsel ${i}`,
        minutesNotes: `Drøfting ${i}`,
      })),
      { id: id(), meetingId: bigMeetingId, position: n + 1, title: "Oppfølging av vedtak", type: "ORIENTERINGSSAK" as const, isFollowUpList: true },
    ],
  });
  const decisionIds = range(n).map(() => id());
  await db.decision.createMany({ data: decisionIds.map((did, i) => ({ id: did, agendaItemId: bigItemIds[i], text: `Vedtak om samferdsel ${i}` })) });
  await db.attachment.createMany({
    data: range(n).map((i) => ({ councilId, meetingId: bigMeetingId, caseId: caseIds[i], agendaItemId: bigItemIds[i], fileName: `v${i}.pdf`, contentType: "application/pdf", sizeBytes: 10, sha256: `s${i}`, storageKey: `attachments/${slug}/${i}` })),
  });

  // The plan: one action plan for the year, its n measures split over two focus areas.
  const planId = id();
  await db.plan.create({ data: { id: planId, councilId, kind: "ACTION_PLAN", title: `Handlingsplan ${YEAR}`, periodFrom: YEAR, periodTo: YEAR } });
  const areaIds = [id(), id()];
  await db.focusArea.createMany({ data: areaIds.map((aid, i) => ({ id: aid, planId, position: i + 1, title: `Område ${i + 1}` })) });
  const measureIds = range(n).map(() => id());
  await db.measure.createMany({
    data: measureIds.map((mid, i) => ({ id: mid, focusAreaId: areaIds[i % 2], position: i + 1, title: `Tiltak ${i}`, status: "ONGOING" as const, resourceAnchored: i % 3 === 0, ownerPersonId: personIds[i % 4] })),
  });
  await db.measureUpdate.createMany({ data: measureIds.map((measureId) => ({ measureId, actor: "Sekretariatet", toStatus: "ONGOING" as const, at: day(10) })) });
  await db.decisionTag.createMany({
    data: decisionIds.flatMap((decisionId, i) => [{ decisionId, measureId: measureIds[i] }, ...(i > 0 ? [{ decisionId, measureId: measureIds[0] }] : [])]),
  });
  await db.caseTag.createMany({ data: caseIds.map((caseId, i) => ({ caseId, measureId: measureIds[i] })) });

  // n action items from the big meeting's decisions, with assignees, all under measure 0.
  const actionIds = range(n).map(() => id());
  await db.actionItem.createMany({
    data: actionIds.map((aid, i) => ({
      id: aid,
      councilId,
      decisionId: decisionIds[i],
      meetingId: bigMeetingId,
      caseId: caseIds[i],
      title: `Følg opp samferdsel ${i}`,
      responsibleBodyId: bodyId,
      dueDate: new Date(Date.UTC(YEAR, 6, 1 + (i % 28))),
      status: i % 2 ? ("IN_PROGRESS" as const) : ("OPEN" as const),
      measureId: measureIds[0],
    })),
  });
  await db.actionItemAssignee.createMany({
    data: actionIds.flatMap((actionItemId, i) => [
      { actionItemId, personId: personIds[i % 4], isLead: true },
      { actionItemId, organizationId: orgIds[i % 2] },
    ]),
  });

  // Minutes last: the database locks the items of a meeting once its minutes are approved.
  await db.minutes.createMany({
    data: [...listMeetingIds, bigMeetingId].map((meetingId) => ({
      meetingId,
      status: "APPROVED" as const,
      approvedAt: day(160),
      approvalMethod: "NEXT_MEETING" as const,
      publishedAt: day(161),
      introduction: "Møtet ble satt. Samferdsel var tema.",
      signedByChairId: personIds[0],
      chairSignatureLabel: "Leder",
    })),
  });

  // A planned meeting with n items for the agenda editor.
  const editMeetingId = id();
  await db.meeting.create({ data: { id: editMeetingId, bodyId, startsAt: day(250), endsAt: day(250), location: "Rådhuset" } });
  await db.agendaItem.createMany({
    data: range(n).map((i) => ({ meetingId: editMeetingId, caseId: caseIds[i], position: i + 1, title: `Ny sak ${i}`, type: "VEDTAKSSAK" as const, status: i % 10 === 9 ? ("PROPOSED" as const) : ("ACTIVE" as const) })),
  });

  return {
    n,
    slug,
    councilId,
    bodyId,
    bigMeetingId,
    editMeetingId,
    saksgangCaseId,
    planId,
    measureId: measureIds[0],
    viewer: (role) => ({ userId: `u-${role}-${n}`, name: role, email: `${role}@example.no`, personId: null, isSystemAdmin: false, councils: [{ councilId, slug, name: `Rådet ${n}`, role }] }),
  };
}

describe("the number of database queries does not grow with the length of a page's list", () => {
  let small: Fixture;
  let large: Fixture;

  beforeAll(async () => {
    t = await createCountingDb();
    small = await buildCouncil(10);
    large = await buildCouncil(100);
  });
  afterAll(async () => t?.close());

  /** Runs the page's data function for both fixtures, checks that it saw its list, and compares the statement counts. */
  async function compare<T>(name: string, run: (f: Fixture) => Promise<T>, size: (r: T, f: Fixture) => number) {
    const counts: number[] = [];
    const sql: (readonly string[])[] = [];
    for (const f of [small, large]) {
      t.counter.reset();
      const result = await run(f);
      counts.push(t.counter.count);
      sql.push([...t.counter.statements]);
      // The list really is as long as the fixture: otherwise equal counts would prove nothing.
      expect(size(result, f), `${name}: rows seen for n=${f.n}`).toBeGreaterThanOrEqual(f.n);
    }
    console.log("queries", name, counts[0], counts[1]);
    expect(counts[0], `${name}: the counter saw no statements`).toBeGreaterThan(0);
    // Fewer for the longer list is allowed: search looks for parts of compound words only when
    // full text finds less than a page, so the short fixture may cost one statement more.
    const extra = sql[1].filter((s, i) => sql[1].indexOf(s) === i && sql[1].filter((x) => x === s).length > sql[0].filter((x) => x === s).length);
    expect(counts[1], `${name} ran ${counts[0]} statements for 10 rows and ${counts[1]} for 100; repeated: ${extra.map((s) => s.slice(0, 200)).join(" | ")}`).toBeLessThanOrEqual(counts[0]);
  }

  it("counts every statement: a loop of one query per row is caught (control)", async () => {
    const perRow = async (f: Fixture) => {
      const rows = await t.db.actionItem.findMany({ where: { councilId: f.councilId }, select: { id: true } });
      for (const r of rows) await t.db.actionItem.findUnique({ where: { id: r.id }, select: { title: true } });
      return rows.length;
    };
    const counts: number[] = [];
    for (const f of [small, large]) {
      t.counter.reset();
      await perRow(f);
      counts.push(t.counter.count);
    }
    expect(counts).toEqual([11, 101]);
  });

  it("the member's minutes list", async () => {
    await compare("listMinutesForViewer", (f) => minutesQ.listMinutesForViewer(f.viewer("MEMBER"), f.councilId, 1, f.n), (r) => r.rows.length);
  });

  it("the public minutes archive and meeting calendar", async () => {
    await compare("listPublishedMinutes", (f) => minutesQ.listPublishedMinutes(f.councilId), (r) => r.length);
    await compare("listPublishedMinutes(body, year)", (f) => minutesQ.listPublishedMinutes(f.councilId, { bodyAbbreviation: "AU", year: YEAR }), (r) => r.length);
    await compare("listMeetingsForCouncil(public)", (f) => meetingsQ.listMeetingsForCouncil(null, f.councilId, { publicOnly: true }), (r) => r.length);
    await compare("listMeetingsForCouncil(secretariat)", (f) => meetingsQ.listMeetingsForCouncil(f.viewer("SECRETARIAT"), f.councilId), (r) => r.length);
  });

  it("a published minutes page, public and internal", async () => {
    await compare("getMinutesForViewer(public)", (f) => minutesQ.getMinutesForViewer(null, f.slug, f.bigMeetingId), (r) => r?.doc.items.length ?? 0);
    await compare("getMinutesForViewer(secretariat)", (f) => minutesQ.getMinutesForViewer(f.viewer("SECRETARIAT"), f.slug, f.bigMeetingId), (r) => r?.doc.items.length ?? 0);
  });

  it("the notice and the meeting page", async () => {
    await compare("getNoticeForViewer(public)", (f) => meetingsQ.getNoticeForViewer(null, f.slug, f.bigMeetingId, { baseUrl: "https://ipr.example.no" }), (r) => r?.doc.items.length ?? 0);
    await compare("getNoticeForViewer(secretariat)", (f) => meetingsQ.getNoticeForViewer(f.viewer("SECRETARIAT"), f.slug, f.bigMeetingId), (r) => r?.doc.items.length ?? 0);
    await compare("getMeetingView(public)", (f) => meetingsQ.getMeetingView(null, f.slug, f.bigMeetingId), (r) => r?.items.length ?? 0);
    await compare("getMeetingView(member)", (f) => meetingsQ.getMeetingView(f.viewer("MEMBER"), f.slug, f.bigMeetingId), (r) => r?.items.length ?? 0);
  });

  it("the secretariat's agenda editor", async () => {
    await compare("getAgendaEditor", (f) => meetingsQ.getAgendaEditor(f.viewer("SECRETARIAT"), f.slug, f.editMeetingId), (r) => r?.items.length ?? 0);
    await compare(
      "getSendingPanel",
      async (f) => {
        const panel = await meetingsQ.getSendingPanel(f.viewer("SECRETARIAT"), f.councilId, f.editMeetingId);
        return panel ? f.n : 0; // the checks go through every item; the list is the meeting's
      },
      (r) => r,
    );
  });

  it("the coordinator's action list, with and without filters", async () => {
    const filters: Record<string, Record<string, string>> = {
      default: {},
      all: { status: "alle", sort: "ansvarlig" },
      filtered: { status: "alle", q: "samferdsel", frist: "", sort: "organ", retning: "desc" },
    };
    for (const [label, params] of Object.entries(filters)) {
      await compare(
        `listActionItems+options(${label})`,
        async (f) => {
          const filter = parseActionFilter({ ...params, ...(label === "filtered" ? { organ: f.bodyId, tiltak: f.measureId } : {}) });
          const [list] = await Promise.all([
            followUpQ.listActionItems(f.viewer("COORDINATOR"), filter, NOW),
            followUpQ.countActionItems(f.viewer("COORDINATOR"), filter, NOW),
            followUpQ.getActionFilterOptions(f.viewer("COORDINATOR"), filter),
          ]);
          return list;
        },
        (r) => r.rows.length,
      );
    }
  });

  it("search", async () => {
    for (const page of [1, 2]) {
      await compare(
        `search(page ${page})`,
        (f) => searchQ.search(f.viewer("MEMBER"), searchParamsSchema.parse({ q: "samferdsel", rad: f.slug, side: String(page) })),
        (r) => (r.ok ? r.total : 0),
      );
    }
    await compare(
      "search(public, vedtak)",
      (f) => searchQ.search(null, searchParamsSchema.parse({ q: "samferdsel", rad: f.slug, type: "vedtak" })),
      (r) => (r.ok ? r.total : 0),
    );
  });

  it("plans: the overview, the year report and a measure page", async () => {
    await compare("getPlanOverview", (f) => plansQ.getPlanOverview(f.viewer("SECRETARIAT"), f.slug, NOW), (r) => (r?.plan && "measureCount" in r.plan ? r.plan.measureCount : 0));
    await compare("getYearReport", (f) => plansQ.getYearReport(f.viewer("SECRETARIAT"), f.slug, f.planId, YEAR), (r) => r?.report.areas.flatMap((a) => a.byStatus.flatMap((b) => b.measures)).length ?? 0);
    await compare("getMeasurePage", (f) => plansQ.getMeasurePage(f.viewer("SECRETARIAT"), f.slug, f.measureId), (r) => Math.min(r?.links.decisions.length ?? 0, r?.links.actions.length ?? 0));
  });

  it("the case page and its saksgang", async () => {
    await compare("getCaseView(public)", (f) => casesQ.getCaseView(null, f.slug, f.saksgangCaseId), (r) => r?.saksgang.length ?? 0);
    await compare("getCaseView(secretariat)", (f) => casesQ.getCaseView(f.viewer("SECRETARIAT"), f.slug, f.saksgangCaseId), (r) => r?.saksgang.length ?? 0);
  });
});
