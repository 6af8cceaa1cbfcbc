"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb, type Tx } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";
import { formValues, invalid, refuse, requireViewer, TX } from "@/lib/authz/guards";
import { can, type Permission, type Viewer } from "@/lib/authz/policy";
import type { FormState } from "@/lib/forms";
import { loadLiveDocument, MEASURE_FORM_FIELDS } from "@/lib/plans/queries";
import { decisionCitation, planContentHash } from "@/lib/plans/document";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  addTagSchema,
  adoptPlanSchema,
  bulkMeasuresSchema,
  copyPlanSchema,
  createPlanSchema,
  deletePartSchema,
  editPlanSchema,
  evaluationAreaSchema,
  evaluationSummarySchema,
  focusAreaSchema,
  goalSchema,
  MEASURE_STATUS_LABELS,
  measureSchema,
  measureStatusSchema,
  movePartSchema,
  planVersionSchema,
  removeTagSchema,
  sectionSchema,
  UNFINISHED_STATUSES,
  type MeasureStatus,
  type PlanPart,
} from "@/lib/plans/schemas";

const CONFLICT = "Noen andre har lagret en endring her etter at du åpnet siden. Det du skrev står fortsatt i feltene; lagrer du igjen, erstatter det den andre endringen.";
const GONE = "Noen andre har slettet dette fra planen mens du skrev. Det du skrev står fortsatt i feltene: «Legg til på nytt» lagrer det som en ny del av planen.";
const AREA_GONE = "Noen andre har slettet satsingsområdet mens du skrev. Det du skrev står fortsatt i feltene, men kan ikke lagres her: kopier teksten til satsingsområdet den skal stå i.";
const LOCKED = "Planen er vedtatt og låst. Start en revisjon for å endre teksten.";
const INVALID = "Skjemaet har feil. Se feltene som er markert.";
const OUTSIDE_PERIOD = "Året er utenfor planperioden.";

type PlanScope = { viewer: Viewer; planId: string; councilId: string; slug: string; status: string; revisionOpen: boolean; version: number };

/** The plan (null: the part named has no plan) and the viewer, when they hold `permission` in its council; otherwise refused. */
async function authorizePlan(planId: string | null, permission: Permission): Promise<PlanScope> {
  const viewer = await requireViewer();
  const db = await getDb();
  const p = planId
    ? await db.plan.findUnique({
        where: { id: planId },
        select: { id: true, councilId: true, status: true, revisionOpen: true, version: true, council: { select: { slug: true } } },
      })
    : null;
  if (!p || !can(viewer, permission, p.councilId)) refuse(viewer, p?.councilId);
  return { viewer, planId: p.id, councilId: p.councilId, slug: p.council.slug, status: p.status, revisionOpen: p.revisionOpen, version: p.version };
}

async function planIdOfPart(part: PlanPart, id: string): Promise<string | null> {
  const db = await getDb();
  switch (part) {
    case "section":
      return (await db.planSection.findUnique({ where: { id }, select: { planId: true } }))?.planId ?? null;
    case "focusArea":
      return (await db.focusArea.findUnique({ where: { id }, select: { planId: true } }))?.planId ?? null;
    case "goal":
      return (await db.goal.findUnique({ where: { id }, select: { focusArea: { select: { planId: true } } } }))?.focusArea.planId ?? null;
    case "measure":
      return (await db.measure.findUnique({ where: { id }, select: { focusArea: { select: { planId: true } } } }))?.focusArea.planId ?? null;
  }
}

const editable = (s: PlanScope) => s.status === "DRAFT" || s.revisionOpen;

function audit(s: { viewer: Viewer; councilId: string }, action: string, entityType: string, entityId: string, before: unknown, after: unknown) {
  return { userId: s.viewer.userId, actor: s.viewer.email, councilId: s.councilId, action, entityType, entityId, before, after };
}

function revalidatePlans(slug: string) {
  revalidatePath(`/portal/${slug}/planer`, "layout");
}

class Conflict extends Error {}
/** The part being saved was deleted by someone else. */
class Gone extends Error {}

/**
 * Runs a mutation; a stale version becomes the conflict message, with what the user typed kept.
 * The page is revalidated then too: the form takes the stored version, so that saving again
 * replaces the other change on purpose instead of meeting the same refusal forever.
 */
async function guarded(slug: string, values: Record<string, string>, fn: () => Promise<FormState>): Promise<FormState> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Conflict) return conflict(slug, values);
    // Not revalidated: the page would drop the deleted part's form, and what was typed with it.
    if (e instanceof Gone) return gone(values, false);
    throw e;
  }
}

// `conflict` tells the form to show the stored text beside what was typed: after the revalidation
// its props are the stored version.
function conflict(slug: string, values: Record<string, string>): FormState & { conflict: true } {
  revalidatePlans(slug);
  return { ok: false, message: CONFLICT, values, conflict: true };
}

// `gone` tells the form that its part no longer exists: saving again adds it anew, unless its focus area went too.
function gone(values: Record<string, string>, areaGone: boolean): FormState & { gone: true; areaGone: boolean } {
  return { ok: false, message: areaGone ? AREA_GONE : GONE, values, gone: true, areaGone };
}

function assertUpdated(count: number) {
  if (count !== 1) throw new Conflict();
}

// ───────────────────────────── The plan ─────────────────────────────

export async function createPlanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = createPlanSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const viewer = await requireViewer();
  const db = await getDb();
  const council = await db.council.findUnique({ where: { slug: d.councilSlug }, select: { id: true, slug: true } });
  if (!council || !can(viewer, "plan.manage", council.id)) refuse(viewer, council?.id);
  if (d.strategyId && !(await db.plan.findFirst({ where: { id: d.strategyId, councilId: council.id, kind: "STRATEGY" }, select: { id: true } }))) {
    return { ok: false, message: INVALID, fieldErrors: { strategyId: "Strategien finnes ikke i dette rådet." }, values };
  }
  const plan = await db.$transaction(async (tx) => {
    const p = await tx.plan.create({
      data: { councilId: council.id, kind: d.kind, title: d.title, subtitle: d.subtitle, periodFrom: d.periodFrom, periodTo: d.periodTo, strategyId: d.kind === "ACTION_PLAN" ? d.strategyId : null },
      select: { id: true },
    });
    await writeAudit(tx, audit({ viewer, councilId: council.id }, "plan.create", "Plan", p.id, null, d));
    return p;
  }, TX);
  revalidatePlans(council.slug);
  redirect(`/portal/${council.slug}/planer/${plan.id}/rediger`);
}

export async function updatePlanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = editPlanSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { planId, version, ...d } = parsed.data;
  const scope = await authorizePlan(planId, "plan.manage");
  if (!editable(scope)) return { ok: false, message: LOCKED, values };
  const db = await getDb();
  if (d.strategyId && !(await db.plan.findFirst({ where: { id: d.strategyId, councilId: scope.councilId, kind: "STRATEGY", NOT: { id: planId } }, select: { id: true } }))) {
    return { ok: false, message: INVALID, fieldErrors: { strategyId: "Strategien finnes ikke i dette rådet." }, values };
  }
  return guarded(scope.slug, values, async () => {
    await db.$transaction(async (tx) => {
      const before = await tx.plan.findUniqueOrThrow({
        where: { id: planId },
        select: { kind: true, title: true, subtitle: true, periodFrom: true, periodTo: true, strategyId: true, purpose: true, principlesInclude: true, principlesExclude: true },
      });
      const r = await tx.plan.updateMany({
        where: { id: planId, version },
        data: { ...d, strategyId: d.kind === "ACTION_PLAN" ? d.strategyId : null, version: { increment: 1 } },
      });
      assertUpdated(r.count);
      await writeAudit(tx, audit(scope, "plan.update", "Plan", planId, before, d));
    }, TX);
    revalidatePlans(scope.slug);
    return { ok: true, message: "Planen er lagret." };
  });
}

// ───────────────────────────── Sections, focus areas, goals, measures ─────────────────────────────

async function nextPosition(tx: Tx, part: PlanPart, parentId: string): Promise<number> {
  const agg =
    part === "section"
      ? await tx.planSection.aggregate({ where: { planId: parentId }, _max: { position: true } })
      : part === "focusArea"
        ? await tx.focusArea.aggregate({ where: { planId: parentId }, _max: { position: true } })
        : part === "goal"
          ? await tx.goal.aggregate({ where: { focusAreaId: parentId }, _max: { position: true } })
          : await tx.measure.aggregate({ where: { focusAreaId: parentId }, _max: { position: true } });
  return (agg._max.position ?? 0) + 1;
}

export async function saveSectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = sectionSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { planId, sectionId, version, ...d } = parsed.data;
  const scope = await authorizePlan(planId, "plan.manage");
  if (!editable(scope)) return { ok: false, message: LOCKED, values };
  const db = await getDb();
  return guarded(scope.slug, values, async () => {
    await db.$transaction(async (tx) => {
      if (sectionId) {
        const before = await tx.planSection.findFirst({ where: { id: sectionId, planId }, select: { heading: true, body: true, afterFocusAreas: true } });
        if (!before) throw new Gone();
        assertUpdated((await tx.planSection.updateMany({ where: { id: sectionId, planId, version }, data: { ...d, version: { increment: 1 } } })).count);
        await writeAudit(tx, audit(scope, "plan.section.update", "PlanSection", sectionId, before, d));
      } else {
        const s = await tx.planSection.create({ data: { planId, position: await nextPosition(tx, "section", planId), ...d }, select: { id: true } });
        await writeAudit(tx, audit(scope, "plan.section.create", "PlanSection", s.id, null, d));
      }
    }, TX);
    revalidatePlans(scope.slug);
    return { ok: true, message: sectionId ? "Seksjonen er lagret." : `Seksjonen «${d.heading}» er lagt til.` };
  });
}

export async function saveFocusAreaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = focusAreaSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { planId, focusAreaId, version, ...d } = parsed.data;
  const scope = await authorizePlan(planId, "plan.manage");
  if (!editable(scope)) return { ok: false, message: LOCKED, values };
  const db = await getDb();
  return guarded(scope.slug, values, async () => {
    await db.$transaction(async (tx) => {
      if (focusAreaId) {
        const before = await tx.focusArea.findFirst({ where: { id: focusAreaId, planId }, select: { title: true, description: true } });
        if (!before) throw new Gone();
        assertUpdated((await tx.focusArea.updateMany({ where: { id: focusAreaId, planId, version }, data: { ...d, version: { increment: 1 } } })).count);
        await writeAudit(tx, audit(scope, "plan.area.update", "FocusArea", focusAreaId, before, d));
      } else {
        const a = await tx.focusArea.create({ data: { planId, position: await nextPosition(tx, "focusArea", planId), ...d }, select: { id: true } });
        await writeAudit(tx, audit(scope, "plan.area.create", "FocusArea", a.id, null, d));
      }
    }, TX);
    revalidatePlans(scope.slug);
    return { ok: true, message: focusAreaId ? "Satsingsområdet er lagret." : `Satsingsområdet «${d.title}» er lagt til.` };
  });
}

/**
 * A goal or measure saved after its focus area was deleted (with them): the log tells which council
 * the area was in, so only those who may edit that council's plans learn that it is gone.
 */
async function areaGone(focusAreaId: string, values: Record<string, string>): Promise<FormState> {
  const viewer = await requireViewer();
  const db = await getDb();
  const deleted = await db.auditEvent.findFirst({ where: { entityType: "focusArea", entityId: focusAreaId, action: "plan.focusArea.delete" }, select: { councilId: true } });
  if (!deleted?.councilId || !can(viewer, "plan.manage", deleted.councilId)) refuse(viewer, deleted?.councilId);
  return gone(values, true);
}

async function planOfArea(focusAreaId: string) {
  const db = await getDb();
  return (await db.focusArea.findUnique({ where: { id: focusAreaId }, select: { planId: true } }))?.planId ?? null;
}

export async function saveGoalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = goalSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { focusAreaId, goalId, version, text } = parsed.data;
  const planId = await planOfArea(focusAreaId);
  if (!planId) return areaGone(focusAreaId, values);
  const scope = await authorizePlan(planId, "plan.manage");
  if (!editable(scope)) return { ok: false, message: LOCKED, values };
  const db = await getDb();
  return guarded(scope.slug, values, async () => {
    await db.$transaction(async (tx) => {
      if (goalId) {
        const before = await tx.goal.findFirst({ where: { id: goalId, focusAreaId }, select: { text: true } });
        if (!before) throw new Gone();
        assertUpdated((await tx.goal.updateMany({ where: { id: goalId, focusAreaId, version }, data: { text, version: { increment: 1 } } })).count);
        await writeAudit(tx, audit(scope, "plan.goal.update", "Goal", goalId, before, { text }));
      } else {
        const g = await tx.goal.create({ data: { focusAreaId, position: await nextPosition(tx, "goal", focusAreaId), text }, select: { id: true } });
        await writeAudit(tx, audit(scope, "plan.goal.create", "Goal", g.id, null, { text }));
      }
    }, TX);
    revalidatePlans(scope.slug);
    return { ok: true, message: goalId ? "Målet er lagret." : "Målet er lagt til." };
  });
}

/** Owners and goals must belong to the plan's council and focus area. */
async function checkMeasureRefs(tx: Tx, councilId: string, focusAreaId: string, d: { goalId: string | null; ownerPersonId: string | null; ownerBodyId: string | null; ownerOrganizationId: string | null }) {
  const errors: Record<string, string> = {};
  if (d.goalId && !(await tx.goal.findFirst({ where: { id: d.goalId, focusAreaId }, select: { id: true } }))) errors.goalId = "Målet hører ikke til dette satsingsområdet.";
  if (d.ownerBodyId && !(await tx.body.findFirst({ where: { id: d.ownerBodyId, councilId }, select: { id: true } }))) errors.owner = "Organet finnes ikke i dette rådet.";
  if (d.ownerOrganizationId && !(await tx.organization.findFirst({ where: { id: d.ownerOrganizationId, councilMemberships: { some: { councilId } } }, select: { id: true } })))
    errors.owner = "Medlemmet finnes ikke i dette rådet.";
  if (d.ownerPersonId && !(await tx.person.findFirst({ where: { id: d.ownerPersonId }, select: { id: true } }))) errors.owner = "Personen finnes ikke.";
  return errors;
}

export async function saveMeasureAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = measureSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { focusAreaId, measureId, version, owner: _owner, deadline, ...rest } = parsed.data;
  const planId = await planOfArea(focusAreaId);
  if (!planId) return areaGone(focusAreaId, values);
  const scope = await authorizePlan(planId, "plan.manage");
  if (!editable(scope)) return { ok: false, message: LOCKED, values };
  const db = await getDb();
  const data = { ...rest, deadline: deadline ? new Date(`${deadline}T00:00:00Z`) : null };
  return guarded(scope.slug, values, async () => {
    const errors = await db.$transaction(async (tx) => {
      const errors = await checkMeasureRefs(tx, scope.councilId, focusAreaId, data);
      if (Object.keys(errors).length) return errors;
      if (measureId) {
        const before = await tx.measure.findFirst({ where: { id: measureId, focusAreaId }, select: MEASURE_FORM_FIELDS });
        if (!before) throw new Gone();
        assertUpdated((await tx.measure.updateMany({ where: { id: measureId, focusAreaId, version }, data: { ...data, version: { increment: 1 } } })).count);
        if (before.status !== data.status) {
          await tx.measureUpdate.create({ data: { measureId, userId: scope.viewer.userId, actor: scope.viewer.name, fromStatus: before.status, toStatus: data.status, comment: "Endret i planen." } });
        }
        await writeAudit(tx, audit(scope, "plan.measure.update", "Measure", measureId, before, data));
      } else {
        const m = await tx.measure.create({ data: { focusAreaId, position: await nextPosition(tx, "measure", focusAreaId), ...data }, select: { id: true } });
        await writeAudit(tx, audit(scope, "plan.measure.create", "Measure", m.id, null, data));
      }
      return null;
    }, TX);
    if (errors) return { ok: false, message: INVALID, fieldErrors: errors, values };
    revalidatePlans(scope.slug);
    return { ok: true, message: measureId ? "Tiltaket er lagret." : `Tiltaket «${data.title}» er lagt til.` };
  });
}

/** Several measures at once, one per line, as they stand in a Word list. */
export async function addMeasuresAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = bulkMeasuresSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { focusAreaId, lines } = parsed.data;
  const planId = await planOfArea(focusAreaId);
  const scope = await authorizePlan(planId, "plan.manage");
  if (!editable(scope)) return { ok: false, message: LOCKED, values };
  const db = await getDb();
  await db.$transaction(async (tx) => {
    let position = await nextPosition(tx, "measure", focusAreaId);
    for (const title of lines) await tx.measure.create({ data: { focusAreaId, position: position++, title } });
    await writeAudit(tx, audit(scope, "plan.measure.create", "FocusArea", focusAreaId, null, { titles: lines }));
  }, TX);
  revalidatePlans(scope.slug);
  return { ok: true, message: lines.length === 1 ? "1 tiltak er lagt til." : `${lines.length} tiltak er lagt til.` };
}

export async function deletePlanPartAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = deletePartSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { part, id, version } = parsed.data;
  const planId = await planIdOfPart(part, id);
  const scope = await authorizePlan(planId, "plan.manage");
  if (!editable(scope)) return { ok: false, message: LOCKED, values };
  const db = await getDb();
  return guarded(scope.slug, values, async () => {
    await db.$transaction(async (tx) => {
      const where = { id, version };
      // What is deleted goes into the log whole: afterwards it exists nowhere else.
      const before =
        part === "section"
          ? await tx.planSection.findUnique({ where: { id }, select: { heading: true, body: true, afterFocusAreas: true, position: true, version: true } })
          : part === "focusArea"
            ? await tx.focusArea.findUnique({ where: { id }, select: { title: true, description: true, position: true, version: true } })
            : part === "goal"
              ? await tx.goal.findUnique({ where: { id }, select: { text: true, position: true, version: true } })
              : await tx.measure.findUnique({ where: { id }, select: { ...MEASURE_FORM_FIELDS, position: true, version: true } });
      const count =
        part === "section"
          ? (await tx.planSection.deleteMany({ where })).count
          : part === "focusArea"
            ? (await tx.focusArea.deleteMany({ where })).count
            : part === "goal"
              ? (await tx.goal.deleteMany({ where })).count
              : (await tx.measure.deleteMany({ where })).count;
      assertUpdated(count);
      await writeAudit(tx, audit(scope, `plan.${part}.delete`, part, id, before, null));
    }, TX);
    revalidatePlans(scope.slug);
    return { ok: true, message: "Slettet." };
  });
}

/** Moves a part one place up or down among its siblings (buttons, so it works from the keyboard). */
export async function movePlanPartAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = movePartSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { part, id, direction } = parsed.data;
  const planId = await planIdOfPart(part, id);
  const scope = await authorizePlan(planId, "plan.manage");
  if (!editable(scope)) return { ok: false, message: LOCKED, values };
  const db = await getDb();
  await db.$transaction(async (tx) => {
    // Siblings in order; the two swapped positions are rewritten as 1..n, so gaps heal.
    const siblings: { id: string }[] =
      part === "section"
        ? await tx.planSection.findMany({ where: { planId: planId! }, orderBy: { position: "asc" }, select: { id: true } })
        : part === "focusArea"
          ? await tx.focusArea.findMany({ where: { planId: planId! }, orderBy: { position: "asc" }, select: { id: true } })
          : part === "goal"
            ? await tx.goal.findMany({ where: { focusArea: { goals: { some: { id } } } }, orderBy: { position: "asc" }, select: { id: true } })
            : await tx.measure.findMany({ where: { focusArea: { measures: { some: { id } } } }, orderBy: { position: "asc" }, select: { id: true } });
    const i = siblings.findIndex((s) => s.id === id);
    const j = direction === "up" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= siblings.length) return;
    [siblings[i], siblings[j]] = [siblings[j], siblings[i]];
    for (const [k, s] of siblings.entries()) {
      const data = { position: k + 1 };
      if (part === "section") await tx.planSection.update({ where: { id: s.id }, data });
      else if (part === "focusArea") await tx.focusArea.update({ where: { id: s.id }, data });
      else if (part === "goal") await tx.goal.update({ where: { id: s.id }, data });
      else await tx.measure.update({ where: { id: s.id }, data });
    }
    await writeAudit(tx, audit(scope, `plan.${part}.move`, part, id, null, { direction }));
  }, TX);
  revalidatePlans(scope.slug);
  return { ok: true, message: direction === "up" ? "Flyttet opp." : "Flyttet ned." };
}

// ───────────────────────────── Adoption and versions ─────────────────────────────

/** Adoption freezes the plan as it stands into the next PlanVersion, citing the decision. */
export async function adoptPlanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = adoptPlanSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizePlan(d.planId, "plan.manage");
  if (!editable(scope)) return { ok: false, message: "Planen er allerede vedtatt. Start en revisjon for å vedta en ny versjon.", values };
  const db = await getDb();
  const decision = await db.decision.findFirst({
    where: { id: d.decisionId, agendaItem: { meeting: { body: { councilId: scope.councilId } } } },
    select: { id: true, agendaItem: { select: { title: true, number: true, year: true, series: { select: { format: true } }, meeting: { select: { startsAt: true, body: { select: { name: true } } } } } } },
  });
  if (!decision) return { ok: false, message: INVALID, fieldErrors: { decisionId: "Vedtaket finnes ikke i dette rådet." }, values };
  const decisionText = decisionCitation(decision.agendaItem);
  return guarded(scope.slug, values, async () => {
    const versionNumber = await db.$transaction(async (tx) => {
      assertUpdated(
        (
          await tx.plan.updateMany({
            where: { id: d.planId, version: d.version, OR: [{ status: "DRAFT" }, { revisionOpen: true }] },
            data: { status: "ADOPTED", revisionOpen: false, adoptedAt: new Date(`${d.adoptedAt}T00:00:00Z`), adoptedByDecisionId: decision.id, version: { increment: 1 } },
          })
        ).count,
      );
      const n = (await tx.planVersion.count({ where: { planId: d.planId } })) + 1;
      const doc = await loadLiveDocument(tx, d.planId, scope.councilId);
      if (!doc) throw new Conflict();
      const snapshot = { ...doc, adoption: { versionNumber: n, adoptedAt: d.adoptedAt, decision: decisionText } };
      const sha256 = planContentHash(snapshot);
      await tx.planVersion.create({
        data: { planId: d.planId, number: n, adoptedAt: new Date(`${d.adoptedAt}T00:00:00Z`), decisionId: decision.id, snapshot: snapshot as unknown as Prisma.InputJsonValue, sha256, changeNote: d.changeNote },
      });
      // Next year's plan replaces the one it was copied from once it is adopted.
      const source = await tx.plan.findUnique({ where: { id: d.planId }, select: { copiedFromPlanId: true } });
      if (n === 1 && source?.copiedFromPlanId) {
        await tx.plan.updateMany({ where: { id: source.copiedFromPlanId, status: "ADOPTED", revisionOpen: false }, data: { status: "SUPERSEDED" } });
      }
      await writeAudit(tx, audit(scope, "plan.adopt", "Plan", d.planId, { status: scope.status }, { version: n, decisionId: decision.id, adoptedAt: d.adoptedAt, sha256 }));
      return n;
    }, TX);
    revalidatePlans(scope.slug);
    return { ok: true, message: `Planen er vedtatt som versjon ${versionNumber} (${decisionText}).` };
  });
}

/** Opens an adopted plan for changes. Readers keep seeing the adopted version until the next adoption. */
export async function startPlanRevisionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = planVersionSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const scope = await authorizePlan(parsed.data.planId, "plan.manage");
  const db = await getDb();
  return guarded(scope.slug, values, async () => {
    await db.$transaction(async (tx) => {
      assertUpdated((await tx.plan.updateMany({ where: { id: scope.planId, version: parsed.data.version, status: { not: "DRAFT" }, revisionOpen: false }, data: { revisionOpen: true, version: { increment: 1 } } })).count);
      await writeAudit(tx, audit(scope, "plan.revision.start", "Plan", scope.planId, { status: scope.status, revisionOpen: false }, { status: scope.status, revisionOpen: true }));
    }, TX);
    revalidatePlans(scope.slug);
    redirect(`/portal/${scope.slug}/planer/${scope.planId}/rediger`);
  });
}

// ───────────────────────────── Measure status ─────────────────────────────

export async function updateMeasureStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = measureStatusSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const planId = await planIdOfPart("measure", d.measureId);
  const scope = await authorizePlan(planId, "plan.update");
  const db = await getDb();
  return guarded(scope.slug, values, async () => {
    const outcome = await db.$transaction(async (tx) => {
      const before = await tx.measure.findUniqueOrThrow({ where: { id: d.measureId }, select: { status: true } });
      if (before.status === d.status && !d.comment) return "empty" as const;
      assertUpdated((await tx.measure.updateMany({ where: { id: d.measureId, version: d.version }, data: { status: d.status, version: { increment: 1 } } })).count);
      await tx.measureUpdate.create({
        data: {
          measureId: d.measureId,
          userId: scope.viewer.userId,
          actor: scope.viewer.name,
          fromStatus: before.status !== d.status ? before.status : null,
          toStatus: before.status !== d.status ? d.status : null,
          comment: d.comment,
        },
      });
      await writeAudit(tx, audit(scope, "plan.measure.status", "Measure", d.measureId, before, { status: d.status, comment: d.comment }));
      return before.status as MeasureStatus;
    }, TX);
    if (outcome === "empty") return { ok: false, message: INVALID, fieldErrors: { comment: "Velg en ny status eller skriv et notat." }, values };
    revalidatePlans(scope.slug);
    return { ok: true, message: outcome !== d.status ? `Status er endret til «${MEASURE_STATUS_LABELS[d.status]}».` : "Notatet er lagret." };
  });
}

// ───────────────────────────── Tags on cases and decisions ─────────────────────────────

async function tagTargetCouncil(target: "case" | "decision", targetId: string) {
  const db = await getDb();
  if (target === "case") return (await db.case.findUnique({ where: { id: targetId }, select: { councilId: true, council: { select: { slug: true } } } })) ?? null;
  const d = await db.decision.findUnique({ where: { id: targetId }, select: { agendaItem: { select: { caseId: true, meeting: { select: { body: { select: { councilId: true, council: { select: { slug: true } } } } } } } } } });
  return d ? d.agendaItem.meeting.body : null;
}

export async function addPlanTagAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = addTagSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { target, targetId, tag } = parsed.data;
  const viewer = await requireViewer();
  const owner = await tagTargetCouncil(target, targetId);
  if (!owner || !can(viewer, "plan.manage", owner.councilId)) refuse(viewer, owner?.councilId);
  const [kind, tagId] = tag.split(":");
  const db = await getDb();
  const councilId = owner.councilId;
  const exists =
    kind === "measure"
      ? await db.measure.findFirst({ where: { id: tagId, focusArea: { plan: { councilId } } }, select: { id: true } })
      : await db.focusArea.findFirst({ where: { id: tagId, plan: { councilId } }, select: { id: true } });
  if (!exists) return { ok: false, message: INVALID, fieldErrors: { tag: "Fant ikke satsingsområdet eller tiltaket i dette rådet." }, values };
  const link = kind === "measure" ? { measureId: tagId } : { focusAreaId: tagId };
  const created = await db.$transaction(async (tx) => {
    if (target === "case") {
      if (await tx.caseTag.findFirst({ where: { caseId: targetId, ...link }, select: { id: true } })) return false;
      const t = await tx.caseTag.create({ data: { caseId: targetId, ...link }, select: { id: true } });
      await writeAudit(tx, audit({ viewer, councilId }, "plan.tag.add", "CaseTag", t.id, null, { caseId: targetId, ...link }));
    } else {
      if (await tx.decisionTag.findFirst({ where: { decisionId: targetId, ...link }, select: { id: true } })) return false;
      const t = await tx.decisionTag.create({ data: { decisionId: targetId, ...link }, select: { id: true } });
      await writeAudit(tx, audit({ viewer, councilId }, "plan.tag.add", "DecisionTag", t.id, null, { decisionId: targetId, ...link }));
    }
    return true;
  }, TX);
  revalidatePath(`/portal/${owner.council.slug}`, "layout");
  return created ? { ok: true, message: "Koblingen er lagt til." } : { ok: true, message: "Koblingen fantes fra før." };
}

export async function removePlanTagAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = removeTagSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { target, tagId } = parsed.data;
  const viewer = await requireViewer();
  const db = await getDb();
  const row =
    target === "case"
      ? await db.caseTag.findUnique({ where: { id: tagId }, select: { caseId: true } }).then((t) => (t ? { targetId: t.caseId } : null))
      : await db.decisionTag.findUnique({ where: { id: tagId }, select: { decisionId: true } }).then((t) => (t ? { targetId: t.decisionId } : null));
  const owner = row ? await tagTargetCouncil(target, row.targetId) : null;
  if (!owner || !can(viewer, "plan.manage", owner.councilId)) refuse(viewer, owner?.councilId);
  await db.$transaction(async (tx) => {
    if (target === "case") await tx.caseTag.deleteMany({ where: { id: tagId } });
    else await tx.decisionTag.deleteMany({ where: { id: tagId } });
    await writeAudit(tx, audit({ viewer, councilId: owner.councilId }, "plan.tag.remove", target === "case" ? "CaseTag" : "DecisionTag", tagId, row, null));
  }, TX);
  revalidatePath(`/portal/${owner.council.slug}`, "layout");
  return { ok: true, message: "Koblingen er fjernet." };
}

// ───────────────────────────── The yearly evaluation ─────────────────────────────

/** The plan's scope, or null when the year is outside the plan's period. */
async function evaluationScope(planId: string, year: number) {
  const scope = await authorizePlan(planId, "plan.manage");
  const db = await getDb();
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { periodFrom: true, periodTo: true } });
  if (year < plan.periodFrom || year > plan.periodTo) return null;
  return scope;
}

async function ensureEvaluation(tx: Tx, planId: string, year: number) {
  return tx.planEvaluation.upsert({ where: { planId_year: { planId, year } }, create: { planId, year }, update: {}, select: { id: true } });
}

export async function saveEvaluationAreaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = evaluationAreaSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { planId, year, focusAreaId, version, ...texts } = parsed.data;
  const scope = await evaluationScope(planId, year);
  if (!scope) return { ok: false, message: INVALID, fieldErrors: { year: OUTSIDE_PERIOD }, values };
  const db = await getDb();
  if (!(await db.focusArea.findFirst({ where: { id: focusAreaId, planId }, select: { id: true } }))) refuse(scope.viewer);
  return guarded(scope.slug, values, async () => {
    await db.$transaction(async (tx) => {
      const ev = await ensureEvaluation(tx, planId, year);
      const before = await tx.focusAreaEvaluation.findUnique({
        where: { evaluationId_focusAreaId: { evaluationId: ev.id, focusAreaId } },
        select: { statusText: true, trends: true, priorities: true },
      });
      if (version === 0) {
        // The first save creates the row; a second first save at the same time is a conflict.
        const existing = await tx.focusAreaEvaluation.findUnique({ where: { evaluationId_focusAreaId: { evaluationId: ev.id, focusAreaId } }, select: { id: true } });
        if (existing) throw new Conflict();
        await tx.focusAreaEvaluation.create({ data: { evaluationId: ev.id, focusAreaId, ...texts } });
      } else {
        assertUpdated((await tx.focusAreaEvaluation.updateMany({ where: { evaluationId: ev.id, focusAreaId, version }, data: { ...texts, version: { increment: 1 } } })).count);
      }
      await writeAudit(tx, audit(scope, "plan.evaluation.area", "FocusAreaEvaluation", focusAreaId, before ? { year, ...before } : null, { year, ...texts }));
    }, TX);
    revalidatePlans(scope.slug);
    return { ok: true, message: "Vurderingen er lagret." };
  }).catch((e) => {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return conflict(scope.slug, values);
    throw e;
  });
}

export async function saveEvaluationSummaryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = evaluationSummarySchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const { planId, year, version, summary } = parsed.data;
  const scope = await evaluationScope(planId, year);
  if (!scope) return { ok: false, message: INVALID, fieldErrors: { year: OUTSIDE_PERIOD }, values };
  const db = await getDb();
  return guarded(scope.slug, values, async () => {
    await db.$transaction(async (tx) => {
      await ensureEvaluation(tx, planId, year);
      const before = await tx.planEvaluation.findUniqueOrThrow({ where: { planId_year: { planId, year } }, select: { summary: true } });
      // A new row starts at version 1; the form of a report never saved sends 0, which matches it.
      assertUpdated((await tx.planEvaluation.updateMany({ where: { planId, year, version: Math.max(version, 1) }, data: { summary, version: { increment: 1 } } })).count);
      await writeAudit(tx, audit(scope, "plan.evaluation.summary", "PlanEvaluation", planId, { year, summary: before.summary }, { year, summary }));
    }, TX);
    revalidatePlans(scope.slug);
    return { ok: true, message: "Oppsummeringen er lagret." };
  });
}

// ───────────────────────────── Next year ─────────────────────────────

/**
 * Copies a plan into next year's draft: text, sections, focus areas and goals as they are, and the
 * unfinished measures, each recording the measure it was carried from.
 */
export async function copyPlanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = copyPlanSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizePlan(d.planId, "plan.manage");
  const db = await getDb();
  const source = await db.plan.findUniqueOrThrow({
    where: { id: d.planId },
    select: {
      kind: true,
      subtitle: true,
      periodFrom: true,
      periodTo: true,
      strategyId: true,
      purpose: true,
      principlesInclude: true,
      principlesExclude: true,
      sections: { orderBy: { position: "asc" }, select: { heading: true, body: true, afterFocusAreas: true } },
      focusAreas: {
        orderBy: { position: "asc" },
        select: {
          title: true,
          description: true,
          goals: { orderBy: { position: "asc" }, select: { id: true, text: true } },
          measures: { orderBy: { position: "asc" } },
        },
      },
    },
  });
  if (d.year <= source.periodTo) return { ok: false, message: INVALID, fieldErrors: { year: `Den nye planen må gjelde et år etter ${source.periodTo}.` }, values };
  const span = source.periodTo - source.periodFrom;
  const newId = await db.$transaction(async (tx) => {
    const plan = await tx.plan.create({
      data: {
        councilId: scope.councilId,
        kind: source.kind,
        title: d.title,
        subtitle: source.subtitle,
        periodFrom: d.year,
        periodTo: d.year + span,
        strategyId: source.strategyId,
        purpose: source.purpose,
        principlesInclude: source.principlesInclude,
        principlesExclude: source.principlesExclude,
        copiedFromPlanId: d.planId,
        sections: { create: source.sections.map((s, i) => ({ ...s, position: i + 1 })) },
      },
      select: { id: true },
    });
    let carried = 0;
    for (const [ai, area] of source.focusAreas.entries()) {
      const a = await tx.focusArea.create({ data: { planId: plan.id, position: ai + 1, title: area.title, description: area.description }, select: { id: true } });
      const goalIds = new Map<string, string>();
      for (const [gi, g] of area.goals.entries()) goalIds.set(g.id, (await tx.goal.create({ data: { focusAreaId: a.id, position: gi + 1, text: g.text }, select: { id: true } })).id);
      const kept = area.measures.filter((m) => UNFINISHED_STATUSES.includes(m.status as MeasureStatus) && (!d.excludeUnanchored || m.resourceAnchored));
      for (const [mi, m] of kept.entries()) {
        await tx.measure.create({
          data: {
            focusAreaId: a.id,
            goalId: m.goalId ? (goalIds.get(m.goalId) ?? null) : null,
            position: mi + 1,
            title: m.title,
            description: m.description,
            ownerPersonId: m.ownerPersonId,
            ownerBodyId: m.ownerBodyId,
            ownerOrganizationId: m.ownerOrganizationId,
            ownerText: m.ownerText,
            timeFrame: m.timeFrame,
            deadline: m.deadline,
            // A postponed measure is planned again in its new year.
            status: m.status === "POSTPONED" ? "PLANNED" : m.status,
            resourceAnchored: m.resourceAnchored,
            indicators: m.indicators,
            carriedFromId: m.id,
          },
        });
        carried++;
      }
    }
    await writeAudit(tx, audit(scope, "plan.copy", "Plan", plan.id, { from: d.planId }, { title: d.title, year: d.year, carried, excludeUnanchored: d.excludeUnanchored }));
    return plan.id;
  }, TX);
  revalidatePlans(scope.slug);
  redirect(`/portal/${scope.slug}/planer/${newId}?kopiert=1`);
}
