import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import type { Role, Viewer } from "@/lib/authz/policy";
import type { FormState } from "@/lib/forms";
import { planContentHash, type PlanDocument } from "@/lib/plans/document";

// The plan actions end to end against the database, with the signed-in viewer swapped per call:
// who may do what, lost updates refused, adoption freezing a version that later edits cannot
// touch, and next year's copy. Runs on PGlite and on PostgreSQL.
let t: TestDb;
let current: Viewer | null = null;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => current }));
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void revalidated.push(path) }));
vi.mock("next/navigation", async () => (await import("@/tests/helpers/action-harness")).navigationModule);
const { Forbidden, NotFound, Redirect } = await import("@/tests/helpers/action-harness");

const actions = await import("@/lib/plans/actions");
const queries = await import("@/lib/plans/queries");

const form = (values: Record<string, string | number | undefined>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) fd.set(k, String(v));
  return fd;
};
const none: FormState = { ok: false };

describe("plans", () => {
  let councilId: string;
  let otherCouncilId: string;
  let planId: string;
  let decisionId: string;
  const as = (role: Role, council = councilId): Viewer => ({
    userId: "test-user",
    name: `Test ${role}`,
    email: `${role}@test.example`,
    personId: null,
    isSystemAdmin: false,
    councils: [{ councilId: council, slug: council === councilId ? "ringeriksregionen" : "indre-ostfold", name: "Rådet", role }],
  });

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    councilId = (await t.db.council.findUniqueOrThrow({ where: { slug: "ringeriksregionen" } })).id;
    otherCouncilId = (await t.db.council.findUniqueOrThrow({ where: { slug: "indre-ostfold" } })).id;
    planId = (await t.db.plan.findFirstOrThrow({ where: { councilId, title: "Handlingsplan 2022 (demo)" } })).id;
    decisionId = (await t.db.decision.findFirstOrThrow({ where: { agendaItem: { number: 4, meeting: { body: { councilId } } } } })).id;
  }, 180_000);
  afterAll(async () => t?.close());

  const measure = (title: string) => t.db.measure.findFirstOrThrow({ where: { title, focusArea: { planId } } });

  it("lets only the council's secretariat change the plan; members, coordinators and other councils are refused", async () => {
    const m = await measure("Veteranplan for Ringeriksregionen");
    const values = { focusAreaId: m.focusAreaId, measureId: m.id, version: m.version, title: "Endret", status: "PLANNED" };
    // 403 for those who see the council, 404 for another council's secretariat and anonymous visitors.
    for (const [v, refusal] of [[as("MEMBER"), Forbidden], [as("COORDINATOR"), Forbidden], [as("SECRETARIAT", otherCouncilId), NotFound], [null, NotFound]] as const) {
      current = v;
      await expect(actions.saveMeasureAction(none, form(values))).rejects.toBeInstanceOf(refusal);
    }
    expect((await measure("Veteranplan for Ringeriksregionen")).version).toBe(m.version);
    // A member cannot read the draft at all; the secretariat can.
    expect(await queries.getPlanPage(as("MEMBER"), "ringeriksregionen", planId)).toBeNull();
    expect((await queries.getPlanPage(as("SECRETARIAT"), "ringeriksregionen", planId))?.doc.title).toBe("Handlingsplan 2022 (demo)");
  });

  it("names a draft plan's measures only to those who may read the draft: on action items, in the filters and on the case", async () => {
    const followUp = await import("@/lib/follow-up/queries");
    const { parseActionFilter } = await import("@/lib/follow-up/schemas");
    const item = await t.db.actionItem.findFirstOrThrow({ where: { councilId, measure: { focusArea: { planId } } }, select: { id: true, measure: { select: { id: true, title: true } } } });
    const title = item.measure!.title;
    const tag = await t.db.caseTag.findFirstOrThrow({ where: { case: { councilId }, measure: { focusArea: { planId } } }, select: { caseId: true, measure: { select: { title: true } } } });
    const filter = parseActionFilter({ status: "alle" });
    const seen = async (viewer: Viewer) => {
      const view = await followUp.getActionItemForViewer(viewer, item.id);
      const options = await followUp.getActionFilterOptions(viewer, filter);
      const row = (await followUp.listActionItems(viewer, filter, new Date(), 500)).rows.find((r) => r.id === item.id);
      const tags = await queries.getCasePlanTags(viewer, councilId, tag.caseId);
      expect(view).not.toBeNull();
      expect(row).toBeDefined();
      return {
        item: view!.measure?.title ?? null,
        inDraft: view!.measureInDraftPlan,
        options: options!.measures.some((m) => m.value === item.measure!.id),
        row: row!.measureTitle,
        caseTags: tags!.caseTags.some((c) => c.title === tag.measure!.title),
      };
    };
    // The plan is a draft (adopted further down): the secretariat sees its measures everywhere, a member nowhere.
    expect(await seen(as("SECRETARIAT"))).toEqual({ item: title, inDraft: false, options: true, row: title, caseTags: true });
    // The member is told the item is linked to a measure not yet adopted, not that it is unlinked.
    expect(await seen(as("MEMBER"))).toEqual({ item: null, inDraft: true, options: false, row: null, caseTags: false });
    expect(await queries.getMeasurePage(as("MEMBER"), "ringeriksregionen", (await measure(title)).id)).toBeNull();
  });

  it("refuses a save based on a stale version, keeping what was typed, and keeps the first save", async () => {
    current = as("SECRETARIAT");
    const m = await measure("Kunst, kultur og opplevelser/turisme");
    const base = { focusAreaId: m.focusAreaId, measureId: m.id, version: m.version, status: m.status };
    const [a, b] = await Promise.all([
      actions.saveMeasureAction(none, form({ ...base, title: "Kunst, kultur og opplevelser/turisme (A)" })),
      actions.saveMeasureAction(none, form({ ...base, title: "Kunst, kultur og opplevelser/turisme (B)" })),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok)!;
    expect(lost.message).toMatch(/Noen andre har lagret en endring her/);
    const stored = await t.db.measure.findUniqueOrThrow({ where: { id: m.id } });
    expect(stored.version).toBe(m.version + 1);
    expect(stored.title).not.toBe(lost.values?.title);
    // A stale save again: refused, and the page is revalidated, so the form takes the stored version.
    revalidated.length = 0;
    const stale = await actions.saveMeasureAction(none, form({ ...base, title: "Kunst (C)" }));
    expect(stale).toMatchObject({ ok: false, values: { title: "Kunst (C)" } });
    expect(revalidated).toContain("/portal/ringeriksregionen/planer");
    // Put it back for the tests below.
    await actions.saveMeasureAction(none, form({ ...base, version: stored.version, title: "Kunst, kultur og opplevelser/turisme" }));
  });

  it("keeps what was typed in a part someone else deleted: not revalidated, saved again as a new part; a measure whose focus area went is refused", async () => {
    current = as("SECRETARIAT");
    expect((await actions.saveSectionAction(none, form({ planId, version: 0, heading: "Slettes snart", body: "" }))).ok).toBe(true);
    const section = await t.db.planSection.findFirstOrThrow({ where: { planId, heading: "Slettes snart" } });
    expect((await actions.deletePlanPartAction(none, form({ part: "section", id: section.id, version: section.version }))).ok).toBe(true);

    revalidated.length = 0;
    const typed = { planId, sectionId: section.id, version: section.version, heading: "Min nye overskrift", body: "Teksten jeg skrev." };
    const lost = await actions.saveSectionAction(none, form(typed));
    expect(lost).toMatchObject({ ok: false, gone: true, areaGone: false, values: { heading: "Min nye overskrift", body: "Teksten jeg skrev." } });
    expect(lost.message).toMatch(/Noen andre har slettet dette fra planen/);
    // The page keeps the deleted part's form with the typed text: a revalidation would take it away.
    expect(revalidated).toEqual([]);
    // The form then sends no id: the text becomes a new section.
    const again = await actions.saveSectionAction(none, form({ ...typed, sectionId: undefined, version: 0 }));
    expect(again.ok).toBe(true);
    const readded = await t.db.planSection.findFirstOrThrow({ where: { planId, heading: "Min nye overskrift" } });
    expect(readded.body).toBe("Teksten jeg skrev.");
    await actions.deletePlanPartAction(none, form({ part: "section", id: readded.id, version: readded.version }));

    expect((await actions.saveFocusAreaAction(none, form({ planId, version: 0, title: "Område som slettes", description: "" }))).ok).toBe(true);
    const area = await t.db.focusArea.findFirstOrThrow({ where: { planId, title: "Område som slettes" } });
    expect((await actions.saveMeasureAction(none, form({ focusAreaId: area.id, version: 0, status: "PLANNED", title: "Tiltak i området" }))).ok).toBe(true);
    const m = await t.db.measure.findFirstOrThrow({ where: { focusAreaId: area.id } });
    expect((await actions.deletePlanPartAction(none, form({ part: "focusArea", id: area.id, version: area.version }))).ok).toBe(true);
    const measureForm = form({ focusAreaId: area.id, measureId: m.id, version: m.version, status: "PLANNED", title: "Tiltak i området, omskrevet" });
    const areaLost = await actions.saveMeasureAction(none, measureForm);
    expect(areaLost).toMatchObject({ ok: false, gone: true, areaGone: true, values: { title: "Tiltak i området, omskrevet" } });
    expect(areaLost.message).toMatch(/slettet satsingsområdet/);
    expect(await t.db.measure.count({ where: { title: { startsWith: "Tiltak i området" } } })).toBe(0);
    // Only those who may edit the council's plans learn that it was there.
    for (const [v, refusal] of [[as("MEMBER"), Forbidden], [as("SECRETARIAT", otherCouncilId), NotFound]] as const) {
      current = v;
      await expect(actions.saveMeasureAction(none, measureForm)).rejects.toBeInstanceOf(refusal);
      await expect(actions.saveGoalAction(none, form({ focusAreaId: area.id, version: 0, text: "Et mål" }))).rejects.toBeInstanceOf(refusal);
    }
    current = as("SECRETARIAT");
  });

  it("adopts a version that later revisions cannot change, and shows members only adopted versions", async () => {
    current = as("SECRETARIAT");
    const plan = await t.db.plan.findUniqueOrThrow({ where: { id: planId } });
    const missing = await actions.adoptPlanAction(none, form({ planId, version: plan.version, adoptedAt: "2022-01-17" }));
    expect(missing.fieldErrors?.decisionId).toBe("Velg vedtaket som vedtok planen.");
    const other = await t.db.decision.findFirst({ where: { agendaItem: { meeting: { body: { councilId: otherCouncilId } } } } });
    if (other) expect((await actions.adoptPlanAction(none, form({ planId, version: plan.version, decisionId: other.id, adoptedAt: "2022-01-17" }))).fieldErrors?.decisionId).toBeDefined();

    const r = await actions.adoptPlanAction(none, form({ planId, version: plan.version, decisionId, adoptedAt: "2022-01-17" }));
    expect(r.ok).toBe(true);
    const v1 = await t.db.planVersion.findFirstOrThrow({ where: { planId, number: 1 } });
    const snap1 = v1.snapshot as unknown as PlanDocument;
    expect(snap1.adoption?.decision).toMatch(/Sak 4\/22/);
    expect(planContentHash(snap1)).toBe(v1.sha256);

    // Locked: text edits are refused until a revision is started.
    const area = await t.db.focusArea.findFirstOrThrow({ where: { planId, title: "Samfunn" } });
    const locked = await actions.saveFocusAreaAction(none, form({ planId, focusAreaId: area.id, version: area.version, title: "Samfunn og beredskap" }));
    expect(locked.message).toMatch(/vedtatt og låst/);

    const adopted = await t.db.plan.findUniqueOrThrow({ where: { id: planId } });
    await expect(actions.startPlanRevisionAction(none, form({ planId, version: adopted.version }))).rejects.toBeInstanceOf(Redirect);
    expect((await actions.saveFocusAreaAction(none, form({ planId, focusAreaId: area.id, version: area.version, title: "Samfunn og beredskap" }))).ok).toBe(true);

    // During the revision members still read version 1; the secretariat the live text.
    const memberView = await queries.getPlanPage(as("MEMBER"), "ringeriksregionen", planId);
    expect(memberView?.doc.focusAreas.map((a) => a.title)).toContain("Samfunn");
    expect((await queries.getPlanPage(as("SECRETARIAT"), "ringeriksregionen", planId))?.doc.focusAreas.map((a) => a.title)).toContain("Samfunn og beredskap");
    // So do the year report, the overview and the measure pages: a measure added in the revision is not theirs yet.
    expect((await actions.saveMeasureAction(none, form({ planId, focusAreaId: area.id, version: 0, status: "PLANNED", title: "Tiltak fra revisjonen" }))).ok).toBe(true);
    const added = await measure("Tiltak fra revisjonen");
    const kept = await t.db.measure.findFirstOrThrow({ where: { focusAreaId: area.id, id: { not: added.id } }, select: { id: true, title: true } });
    const memberReport = JSON.stringify((await queries.getYearReport(as("MEMBER"), "ringeriksregionen", planId, 2022))?.report);
    expect(memberReport).toContain('"Samfunn"');
    expect(memberReport).toContain(kept.title);
    expect(memberReport).not.toContain("Samfunn og beredskap");
    expect(memberReport).not.toContain("Tiltak fra revisjonen");
    expect(JSON.stringify(await queries.getPlanOverview(as("MEMBER"), "ringeriksregionen", new Date("2022-06-01T10:00:00Z")))).not.toContain("Tiltak fra revisjonen");
    expect(JSON.stringify((await queries.getYearReport(as("SECRETARIAT"), "ringeriksregionen", planId, 2022))?.report)).toContain("Tiltak fra revisjonen");
    expect(await queries.getMeasurePage(as("MEMBER"), "ringeriksregionen", added.id)).toBeNull();
    expect(await queries.getMeasurePage(as("SECRETARIAT"), "ringeriksregionen", added.id)).not.toBeNull();
    expect((await queries.getMeasurePage(as("MEMBER"), "ringeriksregionen", kept.id))?.measure.focusArea.title).toBe("Samfunn");

    const revising = await t.db.plan.findUniqueOrThrow({ where: { id: planId } });
    expect((await actions.adoptPlanAction(none, form({ planId, version: revising.version, decisionId, adoptedAt: "2022-02-07", changeNote: "Nytt navn" }))).ok).toBe(true);
    const versions = await t.db.planVersion.findMany({ where: { planId }, orderBy: { number: "asc" } });
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    const again1 = versions[0].snapshot as unknown as PlanDocument;
    expect(again1.focusAreas.map((a) => a.title)).toContain("Samfunn");
    expect(planContentHash(again1)).toBe(versions[0].sha256);
    expect((versions[1].snapshot as unknown as PlanDocument).focusAreas.map((a) => a.title)).toContain("Samfunn og beredskap");
    // Adopting twice from the same form is refused.
    const twice = await actions.adoptPlanAction(none, form({ planId, version: revising.version, decisionId, adoptedAt: "2022-02-07" }));
    expect(twice.ok).toBe(false);
    expect(await t.db.planVersion.count({ where: { planId } })).toBe(2);
  });

  it("lets a coordinator record measure status on the adopted plan, with history", async () => {
    current = as("COORDINATOR");
    const m = await measure("Kunst, kultur og opplevelser/turisme");
    const r = await actions.updateMeasureStatusAction(none, form({ measureId: m.id, version: m.version, status: "ONGOING", comment: "I gang" }));
    expect(r.message).toBe("Status er endret til «Pågår».");
    const updates = await t.db.measureUpdate.findMany({ where: { measureId: m.id } });
    expect(updates.map((u) => [u.fromStatus, u.toStatus, u.comment])).toContainEqual(["PLANNED", "ONGOING", "I gang"]);
    const stale = await actions.updateMeasureStatusAction(none, form({ measureId: m.id, version: m.version, status: "DONE" }));
    expect(stale.message).toMatch(/Noen andre har lagret en endring/);
  });

  it("copies to next year: unfinished measures carried with their origin, done and cancelled left, postponed planned again", async () => {
    current = as("SECRETARIAT");
    const before = await t.db.measure.findMany({ where: { focusArea: { planId } }, select: { id: true, title: true, status: true, resourceAnchored: true } });
    let newPlanUrl = "";
    await actions.copyPlanAction(none, form({ planId, title: "Handlingsplan 2023 (demo)", year: 2023 })).catch((e) => {
      if (!(e instanceof Redirect)) throw e;
      newPlanUrl = e.to;
    });
    const copy = await t.db.plan.findFirstOrThrow({ where: { councilId, title: "Handlingsplan 2023 (demo)" }, include: { focusAreas: { include: { measures: true } } } });
    expect(newPlanUrl).toContain(copy.id);
    expect(copy).toMatchObject({ status: "DRAFT", periodFrom: 2023, periodTo: 2023, copiedFromPlanId: planId });
    const carried = copy.focusAreas.flatMap((a) => a.measures);
    const expected = before.filter((m) => ["PLANNED", "ONGOING", "POSTPONED"].includes(m.status));
    expect(carried.map((m) => m.title).sort()).toEqual(expected.map((m) => m.title).sort());
    for (const m of carried) {
      const from = before.find((b) => b.id === m.carriedFromId)!;
      expect(from.title).toBe(m.title);
      expect(m.status).toBe(from.status === "POSTPONED" ? "PLANNED" : from.status);
    }
    // Leaving out the measures without resources, by the council's rule.
    await actions.copyPlanAction(none, form({ planId, title: "Handlingsplan 2024 (demo)", year: 2024, excludeUnanchored: "on" })).catch((e) => {
      if (!(e instanceof Redirect)) throw e;
    });
    const strict = await t.db.measure.findMany({ where: { focusArea: { plan: { councilId, title: "Handlingsplan 2024 (demo)" } } } });
    expect(strict.map((m) => m.title).sort()).toEqual(expected.filter((m) => m.resourceAnchored).map((m) => m.title).sort());
    // The carried measures have the same titles in each plan: the task filter names the plan too.
    const followUp = await import("@/lib/follow-up/queries");
    const { parseActionFilter } = await import("@/lib/follow-up/schemas");
    const measureOptions = (await followUp.getActionFilterOptions(as("SECRETARIAT"), parseActionFilter({ status: "alle" })))!.measures;
    const carriedTitle = carried[0].title;
    expect(measureOptions.filter((o) => o.label.startsWith(`${carriedTitle} (`)).map((o) => o.label).sort()).toEqual(
      [`${carriedTitle} (Handlingsplan 2022 (demo))`, `${carriedTitle} (Handlingsplan 2023 (demo))`, ...(strict.some((m) => m.title === carriedTitle) ? [`${carriedTitle} (Handlingsplan 2024 (demo))`] : [])].sort(),
    );
    expect(new Set(measureOptions.map((o) => o.label)).size).toBe(measureOptions.length);
    // A year not after the plan is refused on the field.
    const bad = await actions.copyPlanAction(none, form({ planId, title: "X", year: 2022 }));
    expect(bad.fieldErrors?.year).toBe("Den nye planen må gjelde et år etter 2022.");
    // At 00.30 on New Year's Day in Oslo it is still 2022 in UTC: the overview shows the new year's plan.
    const overview = await queries.getPlanOverview(as("SECRETARIAT"), "ringeriksregionen", new Date("2022-12-31T23:30:00Z"));
    expect(overview?.plan?.title).toBe("Handlingsplan 2023 (demo)");
  });

  it("withholds the decision of an exempt case or a closed item from a measure's readers without exempt rights", async () => {
    const m = await measure("Veteranplan for Ringeriksregionen");
    const decision = await t.db.decision.findUniqueOrThrow({ where: { id: decisionId }, select: { text: true, agendaItem: { select: { caseId: true } } } });
    await t.db.decisionTag.create({ data: { decisionId, measureId: m.id } });
    const text = async (viewer: Viewer) => (await queries.getMeasurePage(viewer, "ringeriksregionen", m.id))!.links.decisions.find((d) => d.id === decisionId)?.text;
    expect(await text(as("MEMBER"))).toBe(decision.text);
    await t.db.case.update({ where: { id: decision.agendaItem.caseId! }, data: { isExempt: true, exemptionBasis: "offl. § 13" } });
    try {
      expect(await text(as("MEMBER"))).toBe("Vedtaket er ikke offentlig: saken ble behandlet i lukket møte eller er unntatt offentlighet.");
      expect(await text(as("COORDINATOR"))).toBe("Vedtaket er ikke offentlig: saken ble behandlet i lukket møte eller er unntatt offentlighet.");
      expect(await text(as("SECRETARIAT"))).toBe(decision.text);
    } finally {
      await t.db.case.update({ where: { id: decision.agendaItem.caseId! }, data: { isExempt: false, exemptionBasis: null } });
      await t.db.decisionTag.deleteMany({ where: { decisionId, measureId: m.id } });
    }
  });
  it("names a plan under revision to readers as adopted, and a draft copy not at all: plan lists and overview, the strategy built on, plan page, measure page, case tags, follow-up and search", async () => {
    current = as("SECRETARIAT");
    const plan = await t.db.plan.findUniqueOrThrow({ where: { id: planId } });
    const adoptedTitle = plan.title;
    await expect(actions.startPlanRevisionAction(none, form({ planId, version: plan.version }))).rejects.toBeInstanceOf(Redirect);
    await t.db.plan.update({ where: { id: planId }, data: { title: "Handlingsplan 2022–2023 (utkast)", periodTo: 2023 } });
    expect((await actions.saveFocusAreaAction(none, form({ planId, focusAreaId: "", version: 0, title: "Forsvar og beredskap" }))).ok).toBe(true);
    const newArea = await t.db.focusArea.findFirstOrThrow({ where: { planId, title: "Forsvar og beredskap" } });
    expect((await actions.saveMeasureAction(none, form({ planId, focusAreaId: newArea.id, version: 0, status: "PLANNED", title: "Beredskapsøvelse" }))).ok).toBe(true);
    const newMeasure = await measure("Beredskapsøvelse");
    const caseId = (await t.db.decision.findUniqueOrThrow({ where: { id: decisionId }, select: { agendaItem: { select: { caseId: true } } } })).agendaItem.caseId!;
    await t.db.caseTag.create({ data: { caseId, measureId: newMeasure.id } });
    const carriedFrom = await t.db.measure.findFirstOrThrow({ where: { focusArea: { planId }, carriedTo: { some: {} } }, select: { id: true } });
    const search = await import("@/lib/search/queries");
    // The strategy the plan builds on: a draft, then adopted and under revision.
    const strategy = await t.db.plan.create({ data: { councilId, kind: "STRATEGY", title: "Regional strategi (utkast)", periodFrom: 2022, periodTo: 2030, purpose: "" }, select: { id: true } });
    await t.db.plan.update({ where: { id: planId }, data: { strategyId: strategy.id } });
    expect(JSON.stringify(await queries.listPlans(as("MEMBER"), "ringeriksregionen"))).not.toContain("Regional strategi");
    expect(JSON.stringify(await queries.listPlans(as("SECRETARIAT"), "ringeriksregionen"))).toContain("Regional strategi (utkast)");
    await t.db.plan.update({ where: { id: strategy.id }, data: { title: "Regional strategi 2022–2030" } });
    const s0 = await t.db.plan.findUniqueOrThrow({ where: { id: strategy.id } });
    expect((await actions.adoptPlanAction(none, form({ planId: strategy.id, version: s0.version, decisionId, adoptedAt: "2022-01-17" }))).ok).toBe(true);
    const s1 = await t.db.plan.findUniqueOrThrow({ where: { id: strategy.id } });
    await expect(actions.startPlanRevisionAction(none, form({ planId: strategy.id, version: s1.version }))).rejects.toBeInstanceOf(Redirect);
    await t.db.plan.update({ where: { id: strategy.id }, data: { title: "Regional strategi 2026–2034 (utkast)" } });

    // Follow-up items: one on the measure the revision added, one on a measure the revision renamed.
    const followUp = await import("@/lib/follow-up/queries");
    const { parseActionFilter } = await import("@/lib/follow-up/schemas");
    const renamed = await measure("Veteranplan for Ringeriksregionen");
    await t.db.measure.update({ where: { id: renamed.id }, data: { title: "Veteranplan (utkast til ny tekst)" } });
    const onNew = await t.db.actionItem.create({ data: { councilId, title: "Øvelse planlegges", responsibleText: "Sekretariatet", measureId: newMeasure.id, focusAreaId: newArea.id }, select: { id: true } });
    const onRenamed = await t.db.actionItem.create({ data: { councilId, title: "Veteranplanen følges opp", responsibleText: "Sekretariatet", measureId: renamed.id }, select: { id: true } });
    const followUpSees = async (viewer: Viewer) => {
      const filter = parseActionFilter({ status: "alle" });
      const rows = (await followUp.listActionItems(viewer, filter, new Date(), 1000)).rows.filter((r) => r.id === onNew.id || r.id === onRenamed.id);
      const [a, b] = [await followUp.getActionItemForViewer(viewer, onNew.id), await followUp.getActionItemForViewer(viewer, onRenamed.id)];
      const options = await followUp.getActionFilterOptions(viewer, filter);
      return JSON.stringify({ rows, a: [a!.measure, a!.focusArea, a!.measureInDraftPlan], b: [b!.measure, b!.focusArea], options: [options!.measures, options!.focusAreas] });
    };
    const coordinatorSees = await followUpSees(as("COORDINATOR"));
    expect(coordinatorSees).toContain("Veteranplan for Ringeriksregionen");
    expect(coordinatorSees).toContain(adoptedTitle);
    for (const draft of ["Veteranplan (utkast til ny tekst)", "Beredskapsøvelse", "Forsvar og beredskap", "Handlingsplan 2022–2023 (utkast)"]) expect(coordinatorSees).not.toContain(draft);
    // The item on the added measure says it is linked to a measure not yet adopted.
    expect((await followUp.getActionItemForViewer(as("COORDINATOR"), onNew.id))!.measureInDraftPlan).toBe(true);
    const secretariatSees = await followUpSees(as("SECRETARIAT"));
    for (const draft of ["Veteranplan (utkast til ny tekst)", "Beredskapsøvelse", "Forsvar og beredskap", "Handlingsplan 2022–2023 (utkast)"]) expect(secretariatSees).toContain(draft);
    await t.db.actionItem.deleteMany({ where: { id: { in: [onNew.id, onRenamed.id] } } });
    await t.db.measure.update({ where: { id: renamed.id }, data: { title: renamed.title } });

    const member = as("MEMBER");
    const listed = (await queries.listPlans(member, "ringeriksregionen"))!.plans.find((p) => p.id === planId)!;
    expect(listed.strategy).toEqual({ id: strategy.id, title: "Regional strategi 2022–2030" });
    const overview = await queries.getPlanOverview(member, "ringeriksregionen", new Date("2022-06-01T10:00:00Z"));
    expect(overview!.plan).toMatchObject({ id: planId, title: adoptedTitle, periodFrom: 2022, periodTo: 2022 });
    const memberSees = JSON.stringify({
      overview: overview!.plan,
      list: await queries.listPlans(member, "ringeriksregionen"),
      page: (await queries.getPlanPage(member, "ringeriksregionen", planId))!.plan,
      measure: (await queries.getMeasurePage(member, "ringeriksregionen", carriedFrom.id))!.measure.carriedTo,
      tags: await queries.getCasePlanTags(member, councilId, caseId),
      publicList: await queries.listPublicPlans(councilId),
      filters: (await search.listSearchFilters(null, "ringeriksregionen")).focusAreas,
    });
    expect(memberSees).toContain(adoptedTitle);
    for (const draft of ["Handlingsplan 2022–2023 (utkast)", "Forsvar og beredskap", "Beredskapsøvelse", "Handlingsplan 2023 (demo)", "Handlingsplan 2024 (demo)", "Regional strategi 2026–2034 (utkast)"]) expect(memberSees).not.toContain(draft);
    expect((await queries.getPlanPage(member, "ringeriksregionen", planId))!.plan).toMatchObject({ title: adoptedTitle, periodTo: 2022, copies: [] });
    const refused = await search.search(null, { q: "tiltak", rad: "ringeriksregionen", fokus: newArea.id, side: 1 });
    expect(refused).toMatchObject({ ok: false, field: "fokus" });

    const secretariat = JSON.stringify({
      page: (await queries.getPlanPage(as("SECRETARIAT"), "ringeriksregionen", planId))!.plan,
      tags: await queries.getCasePlanTags(as("SECRETARIAT"), councilId, caseId),
      filters: (await search.listSearchFilters(as("SECRETARIAT"), "ringeriksregionen")).focusAreas,
    });
    for (const draft of ["Handlingsplan 2022–2023 (utkast)", "Forsvar og beredskap", "Beredskapsøvelse", "Handlingsplan 2023 (demo)"]) expect(secretariat).toContain(draft);
    // The year the revision adds is not reported to readers yet.
    expect(await queries.getYearReport(member, "ringeriksregionen", planId, 2023)).toBeNull();
    expect(await queries.getYearReport(as("SECRETARIAT"), "ringeriksregionen", planId, 2023)).not.toBeNull();
    expect((await queries.getYearReport(member, "ringeriksregionen", planId, 2022))!.plan.title).toBe(adoptedTitle);

    // An adopted plan whose last year's plan is a draft: the report compares with nothing for a reader.
    const draft2023 = await t.db.plan.findFirstOrThrow({ where: { councilId, title: "Handlingsplan 2023 (demo)" } });
    const plan2024 = await t.db.plan.update({ where: { id: (await t.db.plan.findFirstOrThrow({ where: { councilId, title: "Handlingsplan 2024 (demo)" } })).id }, data: { copiedFromPlanId: draft2023.id } });
    expect((await actions.adoptPlanAction(none, form({ planId: plan2024.id, version: plan2024.version, decisionId, adoptedAt: "2024-01-15" }))).ok).toBe(true);
    expect((await queries.getYearReport(member, "ringeriksregionen", plan2024.id, 2024))!.previousPlan).toBeNull();
    expect((await queries.getYearReport(as("SECRETARIAT"), "ringeriksregionen", plan2024.id, 2024))!.previousPlan?.title).toBe("Handlingsplan 2023 (demo)");
  });
});
