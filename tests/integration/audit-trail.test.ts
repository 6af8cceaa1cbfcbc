import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import type { Viewer } from "@/lib/authz/policy";
import type { FormState } from "@/lib/forms";
import { auditDiff } from "@/lib/audit/diff";

// What the audit log browser shows must be readable: an edit's before and after cover the same
// fields (so the diff lists only what changed), and a deletion keeps what was deleted.
let t: TestDb;
let current: Viewer | null = null;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => ({ redirect: (to: string) => { throw new Error(`redirect ${to}`); } }));

const plans = await import("@/lib/plans/actions");

const form = (values: Record<string, string | number | boolean | null | undefined>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== false) fd.set(k, String(v));
  return fd;
};
const none: FormState = { ok: false };
const lastAudit = (action: string) => t.db.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { id: "desc" } });

describe("audit trail of plan edits", () => {
  let planId: string, focusAreaId: string, measureId: string, sectionId: string;
  beforeAll(async () => {
    t = await createTestDb();
    const council = await t.db.council.create({ data: { slug: "r", name: "Rådet" } });
    current = { userId: "u", name: "Sekretær", email: "sek@k.no", personId: null, isSystemAdmin: false, councils: [{ councilId: council.id, slug: "r", name: "Rådet", role: "SECRETARIAT" }] };
    const plan = await t.db.plan.create({ data: { councilId: council.id, kind: "ACTION_PLAN", title: "Handlingsplan", periodFrom: 2026, periodTo: 2026 } });
    planId = plan.id;
    focusAreaId = (await t.db.focusArea.create({ data: { planId, position: 1, title: "Samferdsel" } })).id;
    measureId = (await t.db.measure.create({ data: { focusAreaId, position: 1, title: "Bedre busstilbud", description: "Flere avganger", timeFrame: "2026" } })).id;
    sectionId = (await t.db.planSection.create({ data: { planId, position: 1, heading: "Innledning", body: "Planen gjelder for ett år." } })).id;
  });
  afterAll(async () => t?.close());

  it("records an edited measure so that only the changed field shows as changed", async () => {
    const m = await t.db.measure.findUniqueOrThrow({ where: { id: measureId } });
    const r = await plans.saveMeasureAction(none, form({ focusAreaId, measureId, version: m.version, title: "Mye bedre busstilbud", description: m.description, timeFrame: m.timeFrame, status: m.status }));
    expect(r.ok).toBe(true);
    const audit = await lastAudit("plan.measure.update");
    expect(auditDiff(audit.before, audit.after)).toEqual([{ field: "title", before: "Bedre busstilbud", after: "Mye bedre busstilbud" }]);
  });

  it("keeps a deleted section's text in the log", async () => {
    const s = await t.db.planSection.findUniqueOrThrow({ where: { id: sectionId } });
    expect((await plans.deletePlanPartAction(none, form({ part: "section", id: sectionId, version: s.version }))).ok).toBe(true);
    const audit = await lastAudit("plan.section.delete");
    expect(audit.before).toMatchObject({ heading: "Innledning", body: "Planen gjelder for ett år." });
    expect(audit.after).toBeNull();
  });

  it("records the plan's fields before an edit, field for field", async () => {
    const p = await t.db.plan.findUniqueOrThrow({ where: { id: planId } });
    const r = await plans.updatePlanAction(none, form({ planId, version: p.version, kind: p.kind, title: p.title, periodFrom: 2026, periodTo: 2027, purpose: "" }));
    expect(r).toMatchObject({ ok: true });
    const audit = await lastAudit("plan.update");
    expect(auditDiff(audit.before, audit.after).map((d) => d.field)).toEqual(["periodTo"]);
  });
});
