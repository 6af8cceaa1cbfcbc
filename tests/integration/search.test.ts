import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createHash } from "node:crypto";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { staleCaseFacts, staleDecisionFacts } from "@/tests/helpers/search-facts";
import { seedDemoData } from "@/prisma/seed/seed";
import { EXEMPT_DEMO_MARKER } from "@/prisma/seed/demo-data";
import type { Role, Viewer } from "@/lib/authz/policy";
import type { SearchQuery } from "@/lib/search/schemas";

let t: TestDb;
let pageViewer: Viewer | null = null;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => pageViewer }));

const viewer = (role: Role, councilId: string): Viewer => ({
  userId: `u-${role}`,
  name: role,
  email: `${role.toLowerCase()}@x.no`,
  personId: null,
  isSystemAdmin: false,
  councils: [{ councilId, slug: "ringeriksregionen", name: "IPR Ringeriksregionen", role }],
});

const query = (q: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({ q, side: 1, ...extra });

async function find(who: Viewer | null, q: string, extra: Partial<SearchQuery> = {}) {
  const { search } = await import("@/lib/search/queries");
  const out = await search(who, query(q, extra));
  if (!out.ok) throw new Error(out.message);
  return out;
}

const hits = (segments: { text: string; hit: boolean }[]) => segments.filter((s) => s.hit).map((s) => s.text.toLowerCase());

// Runs on PGlite and, in the second test stage, on PostgreSQL (TEST_DATABASE_URL).
describe("search", () => {
  let councilId: string;
  let member: Viewer;
  let secretariat: Viewer;

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    councilId = (await t.db.council.findUniqueOrThrow({ where: { slug: "ringeriksregionen" }, select: { id: true } })).id;
    member = viewer("MEMBER", councilId);
    secretariat = viewer("SECRETARIAT", councilId);
  }, 120_000);
  afterAll(async () => t?.close());

  it("has every index the queries rely on, and the queries use them", async () => {
    const { SEARCH_TEXT } = await import("@/lib/search/queries");
    const indexes = await t.db.$queryRaw<{ indexname: string; indexdef: string }[]>`SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'search\_%'`;
    expect(indexes).toHaveLength(18);
    // In one council, each full-text index answers the council too (btree_gin, migration
    // 20261202135500_search_council_gin), in the expression fencedFrom() writes.
    const fts = indexes.filter((i) => i.indexname.endsWith("_fts") && i.indexname !== "search_plan_version_fts");
    expect(fts).toHaveLength(8);
    for (const i of fts) expect(i.indexdef, i.indexname).toMatch(/USING gin \(\(\("councilId" \|\| ''::text\)\), to_tsvector\('norwegian'/);
    const tables: Record<keyof typeof SEARCH_TEXT, string> = {
      caseHead: "Case",
      caseBody: "Case",
      itemHead: "AgendaItem",
      itemNotice: "AgendaItem",
      itemNotes: "AgendaItem",
      decision: "Decision",
      minutes: "Minutes",
      meeting: "Meeting",
      planVersion: "PlanVersion",
    };
    // The tables are tiny, so the planner would scan them: forbid that, and each query must then
    // find an index whose expression is exactly the one the search writes.
    for (const [name, table] of Object.entries(tables)) {
      const expr = SEARCH_TEXT[name as keyof typeof SEARCH_TEXT]("x");
      for (const where of [`to_tsvector('norwegian', ${expr}) @@ websearch_to_tsquery('norwegian', 'samling')`, `(${expr}) ILIKE '%møte%'`]) {
        const plan = await t.db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
          return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT 1 FROM "${table}" x WHERE ${where}`);
        });
        expect(plan.map((r) => r["QUERY PLAN"]).join("\n"), `${name}: ${where}`).toMatch(/Bitmap Index Scan on search_/);
      }
    }
  });

  it("finds a published decision for an anonymous visitor by a word from it", async () => {
    const out = await find(null, "lunsj");
    const decision = out.results.find((r) => r.type === "vedtak" && r.title === "Sak 4/22 Prinsipp saker/samhandlingsinstruks");
    expect(decision).toBeDefined();
    expect(decision!.href).toMatch(/^\/r\/ringeriksregionen\/moter\/\w+$/);
    expect(decision!.bodyName).toBe("Ordfører- og kommunedirektør/rådmannsutvalget");
    expect(decision!.date?.toISOString()).toBe("2022-01-17T13:00:00.000Z");
    expect(hits(decision!.snippet)).toContain("lunsj");
  });

  it.each(["direktørmøte", "møte"])("finds a decision by a part of a compound word (%s)", async (part) => {
    const out = await find(null, part, { type: "vedtak" });
    const decision = out.results.find((r) => r.title.startsWith("Sak 2/22 "));
    expect(decision).toBeDefined();
    // The title says 2022 (sic), the decision 2021: either may be the snippet.
    expect(decision!.snippet.map((s) => s.text).join("")).toMatch(/kommunedirektørmøte 1\. november 202[12]/);
    expect(hits(decision!.snippet)).toContain(part);
  });

  it("stems Norwegian: a plural definite form finds the singular", async () => {
    // "samlingene" is no substring of "samling": only the norwegian configuration can match it.
    const out = await find(null, "samlingene", { type: "vedtak" });
    const decision = out.results.find((r) => r.title.startsWith("Sak 4/22 "));
    expect(decision).toBeDefined();
    expect(hits(decision!.snippet)).toContain("samling");
  });

  it("finds drafts for the secretariat only", async () => {
    for (const who of [null, member]) expect((await find(who, "Personalsak")).total).toBe(0);
    const out = await find(secretariat, "Personalsak");
    expect(out.results.map((r) => r.type).sort()).toEqual(["innkalling", "sak"]);
    expect(out.results.every((r) => r.href.startsWith("/portal/ringeriksregionen/"))).toBe(true);
    // Draft plans: the live text is the secretariat's.
    expect((await find(null, "Handlingsplan", { type: "plan" })).total).toBe(0);
    expect((await find(member, "Handlingsplan", { type: "plan" })).total).toBe(0);
    expect((await find(secretariat, "Handlingsplan", { type: "plan" })).results.map((r) => r.title)).toContain("Handlingsplan 2022 (demo)");
  });

  it("narrows by council, body, year and type", async () => {
    const all = await find(null, "lunsj");
    expect(new Set(all.results.map((r) => r.type))).toEqual(new Set(["vedtak", "referat"]));
    const referat = await find(null, "lunsj", { type: "referat" });
    expect(referat.total).toBeGreaterThan(0);
    expect(referat.results.every((r) => r.type === "referat")).toBe(true);
    expect((await find(null, "lunsj", { rad: "indre-ostfold" })).total).toBe(0);
    expect((await find(null, "lunsj", { rad: "ringeriksregionen" })).total).toBe(all.total);
    expect((await find(null, "lunsj", { ar: 2021 })).total).toBe(0);
    expect((await find(null, "lunsj", { ar: 2022 })).total).toBe(all.total);
    const bodies = await t.db.body.findMany({ where: { councilId }, select: { id: true, abbreviation: true, caseSeries: { select: { name: true } } } });
    const au = bodies.find((b) => b.caseSeries?.name === "Ordfører- og kommunedirektør/rådmannsutvalget")!;
    const other = bodies.find((b) => b.id !== au.id)!;
    expect((await find(null, "lunsj", { organ: au.id })).total).toBe(all.total);
    expect((await find(null, "lunsj", { organ: other.id })).total).toBe(0);
    const { search } = await import("@/lib/search/queries");
    expect(await search(null, query("lunsj", { organ: au.id, rad: "indre-ostfold" }))).toMatchObject({ ok: false, field: "organ" });
    expect(await search(null, query("lunsj", { rad: "finnes-ikke" }))).toMatchObject({ ok: false, field: "rad" });
  });

  it("makes an adopted plan public, and narrows by its focus areas", async () => {
    const plan = await t.db.plan.findFirstOrThrow({ where: { title: "Handlingsplan 2022 (demo)" }, select: { id: true } });
    const area = await t.db.focusArea.findFirstOrThrow({ where: { planId: plan.id, title: "Samhandling i regionen" }, select: { id: true } });
    const { search } = await import("@/lib/search/queries");
    // A draft plan's focus areas are not the public's to filter by.
    expect(await search(null, query("lunsj", { fokus: area.id }))).toMatchObject({ ok: false, field: "fokus" });
    const { loadLiveDocument } = await import("@/lib/plans/queries");
    const doc = (await loadLiveDocument(t.db, plan.id, councilId))!;
    await t.db.planVersion.create({
      data: { planId: plan.id, number: 1, adoptedAt: new Date("2022-03-14T00:00:00Z"), snapshot: doc, sha256: createHash("sha256").update(JSON.stringify(doc)).digest("hex") },
    });
    const found = await find(null, "Handlingsplan", { type: "plan" });
    expect(found.results.map((r) => [r.title, r.href, r.period])).toEqual([["Handlingsplan 2022 (demo)", `/r/ringeriksregionen/planer/${plan.id}`, "2022"]]);
    // Words inside the snapshot, and parts of them, not only the title.
    expect((await find(null, "Vertskapsattraktivitet", { type: "plan" })).total).toBe(1);
    expect((await find(null, "attraktivitet", { type: "plan" })).total).toBe(1);
    // The snapshot's ids and status codes are not searchable text.
    expect((await find(null, "POSTPONED", { type: "plan" })).total).toBe(0);
    // Sak 4/22's decision is tagged with a measure of the area, and the plan holds the area: the
    // referat that also speaks of "lunsj" serves no focus area.
    const focused = await find(null, "lunsj", { fokus: area.id });
    expect(focused.results.map((r) => `${r.type} ${r.title}`).sort()).toEqual(["plan Handlingsplan 2022 (demo)", "vedtak Sak 4/22 Prinsipp saker/samhandlingsinstruks"]);
    const otherArea = await t.db.focusArea.findFirstOrThrow({ where: { planId: plan.id, title: "Næring" }, select: { id: true } });
    expect((await find(null, "lunsj", { fokus: otherArea.id, type: "vedtak" })).total).toBe(0);
  });

  it("takes each result's snippet from the text that matched", async () => {
    // One made-up word per searchable text, each in its own row, so that a snippet read from the
    // wrong row or the wrong column has no hit.
    const words = {
      caseHead: "kvistbrekk", caseBody: "tuftestokk", itemHead: "rastlundr", itemNotice: "varselbjelk",
      itemNotes: "notatgrind", decision: "vedtaksknort", minutes: "innledsvik", meeting: "motetittlan",
    };
    const body = await t.db.body.findFirstOrThrow({ where: { councilId, caseSeries: { name: "Representantskapet" } }, select: { id: true } });
    const meeting = await t.db.meeting.create({
      data: { bodyId: body.id, title: `Samling om ${words.meeting}`, startsAt: new Date("2026-06-08T08:00:00Z"), noticeSentAt: new Date("2026-05-25T08:00:00Z"), status: "NOTICE_SENT" },
    });
    const c = await t.db.case.create({ data: { councilId, year: 2026, title: `Saken om ${words.caseHead}`, type: "VEDTAKSSAK", background: `Bakgrunn med ${words.caseBody} i regionen.` } });
    const item = await t.db.agendaItem.create({
      data: { meetingId: meeting.id, caseId: c.id, position: 1, title: `Punktet om ${words.itemHead}`, type: "VEDTAKSSAK", noticeText: `Innkallingen nevner ${words.itemNotice}.`, minutesNotes: `Referatet nevner ${words.itemNotes}.` },
    });
    await t.db.decision.create({ data: { agendaItemId: item.id, text: `Rådet vedtok ${words.decision} enstemmig.` } });
    await t.db.minutes.create({ data: { meetingId: meeting.id, introduction: `Møtet åpnet med ${words.minutes}.` } });

    for (const [text, word] of Object.entries(words)) {
      const out = await find(secretariat, word);
      expect(out.total, text).toBeGreaterThan(0);
      for (const r of out.results) expect(hits(r.snippet), `${text}: ${r.type} ${r.title}`).toContain(word);
    }
  });

  it("returns snippets as text with marked hits, whatever HTML the documents or the query contain", async () => {
    const body = await t.db.body.findFirstOrThrow({ where: { councilId, caseSeries: { name: "Representantskapet" } }, select: { id: true } });
    const meeting = await t.db.meeting.create({ data: { bodyId: body.id, startsAt: new Date("2026-05-04T08:00:00Z"), noticeSentAt: new Date("2026-04-20T08:00:00Z"), status: "NOTICE_SENT" } });
    const c = await t.db.case.create({
      data: { councilId, year: 2026, title: "Kulturløftet", type: "VEDTAKSSAK", background: 'Innledning <script>alert("x")</script> og <b onmouseover="x()">kulturprosjektene</b> i regionen.' },
    });
    await t.db.agendaItem.create({ data: { meetingId: meeting.id, caseId: c.id, position: 1, title: "Kulturløftet", type: "VEDTAKSSAK" } });

    const out = await find(null, "<script>");
    const result = out.results.find((r) => r.type === "sak" && r.title === "Kulturløftet");
    expect(result).toBeDefined();
    expect(hits(result!.snippet)).toEqual(["<script>"]);
    expect(result!.snippet.map((s) => s.text).join("")).toContain('<script>alert("x")</script>');

    // The page itself: a labelled field that keeps the query, a status with the count, <mark> around
    // hits, and no markup from the document or the query.
    const { default: SearchPage } = await import("@/app/(public)/sok/page");
    pageViewer = null;
    const html = renderToStaticMarkup(await SearchPage({ searchParams: Promise.resolve({ q: "<script> kulturprosjekt" }) }));
    expect(html).toMatch(/<label for="q"[^>]*>Søk<\/label>/);
    expect(html).toContain('value="&lt;script&gt; kulturprosjekt"');
    expect(html).toMatch(/<p role="status"[^>]*>1 treff for «&lt;script&gt; kulturprosjekt»\.<\/p>/);
    expect(html).toMatch(/<mark[^>]*>&lt;script&gt;<\/mark>/);
    // "kulturprosjekt" is a part of "kulturprosjektene": marked as typed.
    expect(html).toMatch(/<mark[^>]*>kulturprosjekt<\/mark><span>ene&lt;\/b&gt;/);
    expect(html).not.toMatch(/<script|<b |onmouseover="/);
  });

  it("past the last page, still tells how many hits there are and links back to them", async () => {
    const first = await find(secretariat, "sak");
    expect(first.total).toBeGreaterThan(0);
    expect(first.pageCount).toBe(1);
    const beyond = await find(secretariat, "sak", { side: 4 });
    expect(beyond).toMatchObject({ total: first.total, pageCount: 1, page: 4, results: [] });

    const { default: SearchPage } = await import("@/app/(public)/sok/page");
    pageViewer = secretariat;
    const html = renderToStaticMarkup(await SearchPage({ searchParams: Promise.resolve({ q: "sak", side: "4" }) }));
    pageViewer = null;
    expect(html).not.toContain("Ingen treff");
    expect(html).toContain(`${first.total} treff for «sak», men det er bare 1 side, ikke side 4.`);
    expect(html).toMatch(/<a [^>]*href="\/sok\?q=sak"[^>]*>Vis treffene<\/a>/);
    expect(html).not.toContain("Forrige side");
  });

  it("says a query of only common words is too common, not that nothing has it", async () => {
    expect(await find(null, "og er")).toMatchObject({ total: 0, onlyCommonWords: true });
    expect((await find(null, "zxqv")).onlyCommonWords).toBeFalsy();
    expect((await find(null, "og lunsj")).total).toBeGreaterThan(0);
    const { default: SearchPage } = await import("@/app/(public)/sok/page");
    const html = renderToStaticMarkup(await SearchPage({ searchParams: Promise.resolve({ q: "og" }) }));
    expect(html).toContain("«og» er for vanlig til å søke på alene.");
    expect(html).not.toContain("Ingen treff");
  });

  it("keeps a too short query in the field with a message", async () => {
    const { default: SearchPage } = await import("@/app/(public)/sok/page");
    const html = renderToStaticMarkup(await SearchPage({ searchParams: Promise.resolve({ q: "a" }) }));
    expect(html).toContain('value="a"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("Skriv minst 2 tegn.");
    const empty = renderToStaticMarkup(await SearchPage({ searchParams: Promise.resolve({ q: "xyzzyplugh" }) }));
    expect(empty).toContain("Ingen treff for «xyzzyplugh».");
  });

  it("finds a case by its number first, by the case rules, whatever else the query says", async () => {
    const sak4 = await t.db.case.findFirstOrThrow({ where: { councilId, year: 2022, number: 4 }, select: { id: true, seriesId: true } });
    for (const q of ["Sak 4/22", "4/22", "sak 4/2022", "SAK4/22"]) {
      const out = await find(null, q);
      expect(out.results[0], q).toMatchObject({ type: "sak", title: "Sak 4/22 Prinsipp saker/samhandlingsinstruks", href: `/r/ringeriksregionen/saker/${sak4.id}` });
      expect(out.results.filter((r) => r.type === "sak"), q).toHaveLength(1);
    }
    // With words: the case first, then what the words find in the texts, the case listed once.
    const both = await find(null, "4/22 lunsj");
    expect(both.results[0].title).toBe("Sak 4/22 Prinsipp saker/samhandlingsinstruks");
    expect(both.results.some((r) => r.type === "vedtak")).toBe(true);
    expect(both.results.filter((r) => r.href.endsWith(sak4.id))).toHaveLength(1);
    expect(both.total).toBe((await find(null, "lunsj")).total + 1);
    // A number no case has is no hit, and no "too common" either; the filters still hold.
    const none = await find(null, "Sak 99/22");
    expect(none.total).toBe(0);
    expect(none.onlyCommonWords).toBeFalsy();
    expect((await find(null, "4/22", { ar: 2021 })).total).toBe(0);
    expect((await find(null, "4/22", { rad: "indre-ostfold" })).total).toBe(0);
    expect((await find(null, "4/22", { type: "vedtak" })).results.some((r) => r.type === "sak")).toBe(false);

    // An unnoticed exempt case, numbered: the secretariat's alone, title and text; nobody else's.
    const personal = await t.db.case.findFirstOrThrow({ where: { councilId, title: { startsWith: "Personalsak" } }, select: { id: true } });
    await t.db.case.update({ where: { id: personal.id }, data: { number: 8, seriesId: sak4.seriesId } });
    try {
      for (const who of [null, member]) expect((await find(who, "Sak 8/22")).total, who?.name ?? "anonym").toBe(0);
      const own = await find(secretariat, "Sak 8/22");
      expect(own.results[0]).toMatchObject({ type: "sak", title: "Sak 8/22 Personalsak – konfidensielt (demo)", exemptBasis: null });
      expect(own.results[0].snippet.map((s) => s.text).join("")).toContain(EXEMPT_DEMO_MARKER);
    } finally {
      await t.db.case.update({ where: { id: personal.id }, data: { number: null, seriesId: null } });
    }
  });

  it("never finds or shows exempt content except to the secretariat, also once the notice is public", async () => {
    const leaks = async (who: Viewer | null) => {
      for (const q of [EXEMPT_DEMO_MARKER, "UNNTATT", "oppdiktet", "saksframlegg personalsak", "DEMO-INNHOLD"]) {
        const out = await find(who, q);
        expect(JSON.stringify(out), `${q} for ${who?.name ?? "anonym"}`).not.toContain(EXEMPT_DEMO_MARKER);
        expect(out.results.filter((r) => r.title.startsWith("Personalsak")), q).toEqual([]);
      }
    };
    await leaks(null);
    await leaks(member);
    const meeting = await t.db.meeting.findFirstOrThrow({ where: { title: "IPR-møtet 7. februar" }, select: { id: true } });
    await t.db.meeting.update({ where: { id: meeting.id }, data: { noticeSentAt: new Date("2022-01-31T08:00:00Z"), status: "NOTICE_SENT" } });
    await leaks(null);
    await leaks(member);

    // Now public: the title and the legal basis, and nothing else.
    const byTitle = await find(null, "Personalsak");
    expect(byTitle.results.map((r) => r.type).sort()).toEqual(["innkalling", "sak"]);
    const sak = byTitle.results.find((r) => r.type === "sak")!;
    expect(sak.exemptBasis).toBe("offl. § 13, jf. fvl. § 13");
    expect(JSON.stringify(byTitle)).not.toContain(EXEMPT_DEMO_MARKER);
    expect((await find(null, "offentleglova", { type: "innkalling" })).total).toBe(1);

    // Proposed items stay the secretariat's though the meeting's notice is out.
    expect((await find(null, "Veteranplan", { type: "innkalling" })).total).toBe(0);
    expect((await find(secretariat, "Veteranplan", { type: "innkalling" })).total).toBe(1);

    const internal = await find(secretariat, EXEMPT_DEMO_MARKER);
    expect(internal.results.map((r) => r.type).sort()).toEqual(["innkalling", "sak"]);
    expect(internal.results.every((r) => r.exemptBasis === null)).toBe(true);
    expect(hits(internal.results[0].snippet).join(" ")).toMatch(/unntatt/);
    // Another council's secretariat is nobody special here.
    const other = await t.db.council.findUniqueOrThrow({ where: { slug: "indre-ostfold" }, select: { id: true } });
    await leaks({ ...viewer("SECRETARIAT", other.id), councils: [{ councilId: other.id, slug: "indre-ostfold", name: "Indre Østfold", role: "SECRETARIAT" }] });
  });

  it("keeps the council copied onto meetings, items, decisions and minutes, through moves and the lock", async () => {
    // Rows whose "councilId" is not their body's council; the column is not in the client.
    const wrong = () =>
      t.db.$queryRaw<{ n: number }[]>`SELECT (
          (SELECT count(*) FROM "Meeting" m JOIN "Body" b ON b."id" = m."bodyId" WHERE m."councilId" IS DISTINCT FROM b."councilId")
        + (SELECT count(*) FROM "AgendaItem" i JOIN "Meeting" m ON m."id" = i."meetingId" JOIN "Body" b ON b."id" = m."bodyId" WHERE i."councilId" IS DISTINCT FROM b."councilId")
        + (SELECT count(*) FROM "Decision" d JOIN "AgendaItem" i ON i."id" = d."agendaItemId" JOIN "Meeting" m ON m."id" = i."meetingId" JOIN "Body" b ON b."id" = m."bodyId" WHERE d."councilId" IS DISTINCT FROM b."councilId")
        + (SELECT count(*) FROM "Minutes" mi JOIN "Meeting" m ON m."id" = mi."meetingId" JOIN "Body" b ON b."id" = m."bodyId" WHERE mi."councilId" IS DISTINCT FROM b."councilId")
      )::int AS n`.then((r) => r[0].n);
    const copies = (table: string, councilOf: string) =>
      t.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE "councilId" = $1`, councilOf).then((r) => r[0].n);
    expect(await wrong()).toBe(0);
    expect(await copies("Decision", councilId)).toBeGreaterThan(0);
    const other = await t.db.council.findUniqueOrThrow({ where: { slug: "indre-ostfold" }, select: { id: true } });
    const otherBody = await t.db.body.findFirstOrThrow({ where: { councilId: other.id }, select: { id: true } });

    // A write of the column itself is overwritten from the parent.
    await t.db.$executeRaw`UPDATE "AgendaItem" SET "councilId" = ${other.id} WHERE "id" = (SELECT "id" FROM "AgendaItem" ORDER BY "id" LIMIT 1)`;
    expect(await wrong()).toBe(0);

    // A meeting without approved minutes moves to a body of another council, with its items,
    // decision and minutes, and back.
    const body = await t.db.body.findFirstOrThrow({ where: { councilId }, select: { id: true } });
    const meeting = await t.db.meeting.create({ data: { bodyId: body.id, startsAt: new Date("2026-06-01T08:00:00Z"), title: "Flyttemøtet" } });
    const item = await t.db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, title: "Flyttesaken", type: "VEDTAKSSAK" } });
    await t.db.decision.create({ data: { agendaItemId: item.id, text: "Flyttevedtaket" } });
    await t.db.minutes.create({ data: { meetingId: meeting.id } });
    expect(await wrong()).toBe(0);
    await t.db.meeting.update({ where: { id: meeting.id }, data: { bodyId: otherBody.id } });
    expect(await wrong()).toBe(0);
    const otherSecretariat: Viewer = { ...viewer("SECRETARIAT", other.id), councils: [{ councilId: other.id, slug: "indre-ostfold", name: "Indre Østfold", role: "SECRETARIAT" }] };
    expect((await find(otherSecretariat, "Flyttevedtaket", { rad: "indre-ostfold", type: "vedtak" })).total).toBe(1);
    expect((await find(secretariat, "Flyttevedtaket", { rad: "ringeriksregionen", type: "vedtak" })).total).toBe(0);
    await t.db.meeting.delete({ where: { id: meeting.id } });

    // A body moves to another council, approved minutes included: the lock lets the council
    // through, and nothing else.
    const locked = await t.db.decision.findFirstOrThrow({
      where: { agendaItem: { meeting: { minutes: { status: "APPROVED" } } } },
      select: { id: true, agendaItem: { select: { meeting: { select: { body: { select: { id: true, abbreviation: true } } } } } } },
    });
    const moved = locked.agendaItem.meeting.body;
    const decisions = await copies("Decision", councilId);
    await t.db.$executeRaw`UPDATE "Body" SET "councilId" = ${other.id}, "abbreviation" = 'FLYTTET' WHERE "id" = ${moved.id}`;
    expect(await wrong()).toBe(0);
    expect(await copies("Decision", councilId)).toBeLessThan(decisions);
    await t.db.$executeRaw`UPDATE "Body" SET "councilId" = ${councilId}, "abbreviation" = ${moved.abbreviation} WHERE "id" = ${moved.id}`;
    expect(await wrong()).toBe(0);
    expect(await copies("Decision", councilId)).toBe(decisions);
    await expect(t.db.$executeRaw`UPDATE "Decision" SET "text" = 'endret' WHERE "id" = ${locked.id}`).rejects.toThrow(/minutes_locked/);
    await expect(t.db.$executeRaw`UPDATE "Decision" SET "text" = 'endret', "councilId" = ${other.id} WHERE "id" = ${locked.id}`).rejects.toThrow(/minutes_locked/);
  });

  it("keeps each case's item facts for search through notices, withdrawals, closing, moves and deletes", async () => {
    // What the triggers keep ("searchNoticed", "searchClosed"; not in the client) against the same
    // facts worked out from the items, for every case.
    const stale = () => staleCaseFacts(t.db);
    const facts = (id: string) =>
      t.db.$queryRaw<{ noticed: boolean; closed: boolean }[]>`SELECT "searchNoticed" AS noticed, "searchClosed" AS closed FROM "Case" WHERE "id" = ${id}`.then((r) => r[0]);
    expect(await stale()).toBe(0);
    const noticedCases = await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Case" WHERE "searchNoticed"`;
    expect(noticedCases[0].n).toBeGreaterThan(0);

    const body = await t.db.body.findFirstOrThrow({ where: { councilId }, select: { id: true } });
    const c = await t.db.case.create({ data: { councilId, year: 2026, title: "Faktasaken om bølgekraft", type: "VEDTAKSSAK", background: "Saksframlegg om bølgekraft" } });
    const found = async (who: Viewer | null) => (await find(who, "bølgekraft", { rad: "ringeriksregionen", type: "sak" })).total;
    const first = await t.db.meeting.create({ data: { bodyId: body.id, startsAt: new Date("2026-09-01T08:00:00Z"), title: "Faktamøtet" } });
    const item = await t.db.agendaItem.create({ data: { meetingId: first.id, caseId: c.id, position: 1, title: c.title, type: "VEDTAKSSAK" } });
    expect(await facts(c.id)).toEqual({ noticed: false, closed: false });
    expect(await found(null)).toBe(0);
    expect(await found(secretariat)).toBe(1);

    await t.db.meeting.update({ where: { id: first.id }, data: { noticeSentAt: new Date("2026-08-20T08:00:00Z") } });
    expect(await facts(c.id)).toEqual({ noticed: true, closed: false });
    expect(await found(null)).toBe(1);

    await t.db.agendaItem.update({ where: { id: item.id }, data: { isClosed: true, closedBasis: "offl. § 14" } });
    expect(await facts(c.id)).toEqual({ noticed: true, closed: true });
    // The heading stays findable, the saksframlegg not.
    expect(await found(member)).toBe(1);
    expect((await find(member, "Saksframlegg bølgekraft", { rad: "ringeriksregionen", type: "sak" })).results.every((r) => r.exemptBasis !== null)).toBe(true);
    await t.db.agendaItem.update({ where: { id: item.id }, data: { isClosed: false, closedBasis: null, status: "WITHDRAWN" } });
    expect(await facts(c.id)).toEqual({ noticed: false, closed: false });
    expect(await found(null)).toBe(0);

    // Moved to a second meeting whose notice is out, then that notice is taken back.
    const second = await t.db.meeting.create({ data: { bodyId: body.id, startsAt: new Date("2026-10-01T08:00:00Z"), noticeSentAt: new Date("2026-09-20T08:00:00Z") } });
    await t.db.agendaItem.update({ where: { id: item.id }, data: { status: "ACTIVE", meetingId: second.id } });
    expect(await facts(c.id)).toEqual({ noticed: true, closed: false });
    await t.db.meeting.update({ where: { id: second.id }, data: { noticeSentAt: null } });
    expect(await facts(c.id)).toEqual({ noticed: false, closed: false });
    await t.db.meeting.update({ where: { id: second.id }, data: { noticeSentAt: new Date("2026-09-21T08:00:00Z") } });
    expect(await stale()).toBe(0);

    // The item carries the case's exemption ("searchCaseExempt"), from when it is written and
    // when the case changes.
    const itemExempt = () =>
      t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "AgendaItem" i LEFT JOIN "Case" c ON c."id" = i."caseId"
        WHERE i."searchCaseExempt" IS DISTINCT FROM coalesce(c."isExempt", FALSE)`.then((r) => r[0].n);
    expect(await itemExempt()).toBe(0);
    // A decision in minutes sent for comment, which members read: its text is found until the
    // case is made exempt, and then only by the secretariat.
    await t.db.decision.create({ data: { agendaItemId: item.id, text: "Vedtak om tidevannskraft" } });
    await t.db.minutes.create({ data: { meetingId: second.id, status: "SENT_FOR_COMMENT" } });
    const decisionFound = async (who: Viewer) => (await find(who, "tidevannskraft", { rad: "ringeriksregionen", type: "vedtak" })).total;
    expect(await decisionFound(member)).toBe(1);
    await t.db.case.update({ where: { id: c.id }, data: { isExempt: true, exemptionBasis: "offl. § 13" } });
    expect(await itemExempt()).toBe(0);
    expect(await facts(c.id)).toEqual({ noticed: true, closed: false });
    expect(await decisionFound(member)).toBe(0);
    expect(await decisionFound(secretariat)).toBe(1);
    const loose = await t.db.agendaItem.create({ data: { meetingId: second.id, position: 2, title: "Løst punkt", type: "ORIENTERINGSSAK" } });
    await t.db.agendaItem.update({ where: { id: loose.id }, data: { caseId: c.id } });
    expect(await itemExempt()).toBe(0);
    await t.db.$executeRaw`UPDATE "AgendaItem" SET "searchCaseExempt" = FALSE WHERE "id" = ${loose.id}`;
    expect(await itemExempt()).toBe(0);
    await t.db.case.update({ where: { id: c.id }, data: { isExempt: false, exemptionBasis: null } });
    expect(await itemExempt()).toBe(0);

    // Deleting the meeting deletes its items, and the case is no longer found.
    await t.db.meeting.delete({ where: { id: second.id } });
    expect(await facts(c.id)).toEqual({ noticed: false, closed: false });
    expect(await found(null)).toBe(0);
    await t.db.meeting.delete({ where: { id: first.id } });
    await t.db.case.delete({ where: { id: c.id } });
    expect(await stale()).toBe(0);
  });

  it("keeps each decision's item, meeting and minutes facts for search, also once the minutes are locked", async () => {
    // What the triggers keep on a decision (not in the client) against the same facts worked out
    // from its item, meeting and minutes, for every decision.
    const stale = () => staleDecisionFacts(t.db);
    expect(await stale()).toBe(0);
    const published = await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Decision" WHERE "searchMinutes" = 'PUBLISHED'`;
    expect(published[0].n).toBeGreaterThan(0);

    const [body, other] = await t.db.body.findMany({ where: { councilId }, select: { id: true }, orderBy: { id: "asc" }, take: 2 });
    const meeting = await t.db.meeting.create({
      data: { bodyId: body.id, startsAt: new Date("2026-11-03T08:00:00Z"), noticeSentAt: new Date("2026-10-25T08:00:00Z") },
    });
    const c = await t.db.case.create({ data: { councilId, year: 2026, title: "Faktasaken om havvind", type: "VEDTAKSSAK" } });
    const item = await t.db.agendaItem.create({ data: { meetingId: meeting.id, caseId: c.id, position: 1, title: c.title, type: "VEDTAKSSAK" } });
    const decision = await t.db.decision.create({ data: { agendaItemId: item.id, text: "Rådet støtter havvindparken ved Utsira" } });
    const found = async (who: Viewer | null, extra: Partial<SearchQuery> = {}) =>
      (await find(who, "havvindparken", { rad: "ringeriksregionen", type: "vedtak", ...extra })).results.filter((r) => r.key === `vedtak:${decision.id}`).length;
    const seen = async () => [await found(null), await found(member), await found(secretariat)];

    // No minutes yet: only those who read draft minutes.
    expect(await stale()).toBe(0);
    expect(await seen()).toEqual([0, 0, 1]);
    const minutes = await t.db.minutes.create({ data: { meetingId: meeting.id } });
    expect(await seen()).toEqual([0, 0, 1]);
    await t.db.minutes.update({ where: { id: minutes.id }, data: { status: "SENT_FOR_COMMENT" } });
    expect(await seen()).toEqual([0, 1, 1]);

    // The meeting moves: the year and body filters follow it.
    expect(await found(secretariat, { ar: 2026, organ: body.id })).toBe(1);
    await t.db.meeting.update({ where: { id: meeting.id }, data: { startsAt: new Date("2027-01-05T08:00:00Z") } });
    expect(await found(secretariat, { ar: 2026 })).toBe(0);
    expect(await found(secretariat, { ar: 2027 })).toBe(1);
    expect(await stale()).toBe(0);

    // A withdrawn item is for those who read drafts, a closed one's decision text for the secretariat.
    await t.db.agendaItem.update({ where: { id: item.id }, data: { status: "WITHDRAWN" } });
    expect(await seen()).toEqual([0, 0, 1]);
    await t.db.agendaItem.update({ where: { id: item.id }, data: { status: "ACTIVE", isClosed: true, closedBasis: "offl. § 14" } });
    expect(await found(member)).toBe(0);
    await t.db.agendaItem.update({ where: { id: item.id }, data: { isClosed: false, closedBasis: null } });
    expect(await seen()).toEqual([0, 1, 1]);

    // Approved, then published: the public finds it.
    await t.db.minutes.update({ where: { id: minutes.id }, data: { status: "APPROVED", approvedAt: new Date("2027-01-20T10:00:00Z") } });
    expect(await seen()).toEqual([0, 1, 1]);
    await t.db.minutes.update({ where: { id: minutes.id }, data: { publishedAt: new Date("2027-01-20T11:00:00Z") } });
    expect(await seen()).toEqual([1, 1, 1]);

    // Locked now: the facts still follow the case and the body, and the decision's content stays locked.
    await t.db.case.update({ where: { id: c.id }, data: { isExempt: true, exemptionBasis: "offl. § 13" } });
    expect(await seen()).toEqual([0, 0, 1]);
    await t.db.case.update({ where: { id: c.id }, data: { isExempt: false, exemptionBasis: null } });
    await t.db.meeting.update({ where: { id: meeting.id }, data: { bodyId: other.id } });
    expect(await found(null, { organ: other.id })).toBe(1);
    expect(await found(null, { organ: body.id })).toBe(0);
    await expect(t.db.decision.update({ where: { id: decision.id }, data: { text: "Endret etter godkjenning" } })).rejects.toThrow();
    await expect(t.db.$executeRaw`UPDATE "Decision" SET "text" = 'Endret', "searchAt" = now() WHERE "id" = ${decision.id}`).rejects.toThrow();
    expect(await stale()).toBe(0);
  });

  it("answers quickly on the demo data", async () => {
    const { search } = await import("@/lib/search/queries");
    const timings: string[] = [];
    for (const [who, q] of [[null, "møte"], [null, "samlingene"], [secretariat, "møte"], [secretariat, "kommunedirektørmøte lunsj"]] as const) {
      await search(who, query(q));
      const start = performance.now();
      const runs = 5;
      for (let i = 0; i < runs; i++) await search(who, query(q));
      timings.push(`${who ? "sekretariat" : "anonym"} «${q}»: ${((performance.now() - start) / runs).toFixed(1)} ms`);
    }
    console.info(`search on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}: ${timings.join(", ")}`);
    expect(timings).toHaveLength(4);
  });
});
