"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Db, type Tx } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";
import { authorizeCouncil, formValues, invalid, refuse, TX, type CouncilScope } from "@/lib/authz/guards";
import { CONFLICT, NOT_SAVED, type FormState } from "@/lib/forms";
import { formatCalendarDate, formatMeetingTime, osloLocalToDate } from "@/lib/format/dates";
import { addCouncilMemberSchema, createBodySchema, endCouncilMemberSchema, updateBodySchema } from "@/lib/bodies/schemas";

const TAKEN = "Et annet organ i rådet har denne forkortelsen. Velg en annen.";
const SERIES_TAKEN = "Rådet har alt en saksserie med dette navnet. Gi organet et annet navn.";

// Members and bodies belong to the council's secretariat (council.manage).
const authorizeStructure = (slug: string) => authorizeCouncil(slug, "council.manage");

function revalidateStructure(slug: string) {
  revalidatePath(`/portal/${slug}`, "layout");
  // The public council page lists the members and the active bodies.
  revalidatePath(`/r/${slug}`, "layout");
}

function audit(s: CouncilScope, action: string, entityType: string, entityId: string, before: unknown, after: unknown) {
  return { userId: s.viewer.userId, actor: s.viewer.email, councilId: s.council.id, action, entityType, entityId, before, after };
}

const day = (v: string) => new Date(`${v}T00:00:00Z`);
const dayAfter = (v: string) => new Date(day(v).getTime() + 86_400_000).toISOString().slice(0, 10);

/** A field error when the parent is not another of the council's bodies, or would make the body its own ancestor. */
async function parentProblem(db: Db | Tx, councilId: string, bodyId: string | null, parentId: string | null): Promise<string | null> {
  if (!parentId) return null;
  if (parentId === bodyId) return "Et organ kan ikke rapportere til seg selv.";
  let at: string | null = parentId;
  for (let depth = 0; at && depth < 50; depth++) {
    const b: { councilId: string; parentBodyId: string | null } | null = await db.body.findUnique({ where: { id: at }, select: { councilId: true, parentBodyId: true } });
    if (!b || b.councilId !== councilId) return "Organet finnes ikke i dette rådet.";
    if (bodyId && b.parentBodyId === bodyId) return "Det valgte organet rapporterer selv til dette organet.";
    at = b.parentBodyId;
  }
  return null;
}

const abbreviationTaken = (db: Db | Tx, councilId: string, abbreviation: string, except: string | null) =>
  db.body.count({ where: { councilId, abbreviation: { equals: abbreviation, mode: "insensitive" }, ...(except ? { id: { not: except } } : {}) } });

/** A new body: a fagteam, a working group or a board, with its own case series when it numbers its cases. */
export async function createBodyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = createBodySchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizeStructure(d.councilSlug);
  const db = await getDb();
  const errors: Record<string, string> = {};
  const parent = await parentProblem(db, scope.council.id, null, d.parentBodyId);
  if (parent) errors.parentBodyId = parent;
  if (await abbreviationTaken(db, scope.council.id, d.abbreviation, null)) errors.abbreviation = TAKEN;
  if (d.numbering !== "NONE" && (await db.caseSeries.count({ where: { councilId: scope.council.id, name: d.name } }))) {
    errors.name = SERIES_TAKEN;
  }
  if (Object.keys(errors).length) return { ok: false, message: NOT_SAVED, fieldErrors: errors, values };
  const isPolitical = d.nature === "POLITICAL";
  let body: { id: string };
  try {
    body = await db.$transaction(async (tx) => {
      const series =
        d.numbering === "NONE"
          ? null
          : await tx.caseSeries.create({ data: { councilId: scope.council.id, name: d.name, format: d.numbering === "YEARLY" ? "Sak {n}/{yy}" : "{n}.", scope: d.numbering }, select: { id: true } });
      const b = await tx.body.create({
        data: {
          councilId: scope.council.id,
          kind: d.kind,
          name: d.name,
          abbreviation: d.abbreviation,
          isPolitical,
          // Kommuneloven § 11-4: a political body's approved minutes are public. Administrative bodies start closed and choose on the minutes page.
          publishMinutes: isPolitical,
          caseSeriesId: series?.id ?? null,
          targetMeetingsPerYear: d.targetMeetingsPerYear,
          parentBodyId: d.parentBodyId,
          description: d.description,
          activeFrom: d.activeFrom ? day(d.activeFrom) : null,
        },
        select: { id: true },
      });
      await writeAudit(tx, audit(scope, "body.create", "Body", b.id, null, { ...d, isPolitical, caseSeriesId: series?.id ?? null }));
      return b;
    }, TX);
  } catch (e) {
    // Two secretaries creating the same body at once: the unique indexes decide, and the name's
    // case series or the abbreviation, whichever the other took, is the field to change.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const seriesTaken = d.numbering !== "NONE" && (await db.caseSeries.count({ where: { councilId: scope.council.id, name: d.name } })) > 0;
      return { ok: false, message: NOT_SAVED, fieldErrors: seriesTaken ? { name: SERIES_TAKEN } : { abbreviation: TAKEN }, values };
    }
    throw e;
  }
  revalidateStructure(scope.council.slug);
  redirect(`/portal/${scope.council.slug}/organer?lagret=${body.id}#organ-${body.id}`);
}

export async function updateBodyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = updateBodySchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizeStructure(d.councilSlug);
  const db = await getDb();
  const before = await db.body.findFirst({
    where: { id: d.bodyId, councilId: scope.council.id },
    select: { id: true, name: true, abbreviation: true, description: true, targetMeetingsPerYear: true, parentBodyId: true, activeFrom: true, activeTo: true },
  });
  if (!before) refuse(scope.viewer, scope.council.id);
  const errors: Record<string, string> = {};
  const parent = await parentProblem(db, scope.council.id, d.bodyId, d.parentBodyId);
  if (parent) errors.parentBodyId = parent;
  if (await abbreviationTaken(db, scope.council.id, d.abbreviation, d.bodyId)) errors.abbreviation = TAKEN;
  if (d.activeTo) {
    // A body that ends cannot leave meetings behind it that are still to be held.
    const later = await db.meeting.findFirst({
      where: { bodyId: d.bodyId, status: { not: "CANCELLED" }, startsAt: { gte: osloLocalToDate(dayAfter(d.activeTo), "00:00") } },
      orderBy: { startsAt: "asc" },
      select: { startsAt: true },
    });
    if (later) errors.activeTo = `Organet har et møte ${formatMeetingTime(later.startsAt)}, etter denne datoen. Avlys eller flytt møtet først.`;
  }
  if (Object.keys(errors).length) return { ok: false, message: NOT_SAVED, fieldErrors: errors, values };
  const after = {
    name: d.name,
    abbreviation: d.abbreviation,
    description: d.description,
    targetMeetingsPerYear: d.targetMeetingsPerYear,
    parentBodyId: d.parentBodyId,
    activeFrom: d.activeFrom ? day(d.activeFrom) : null,
    activeTo: d.activeTo ? day(d.activeTo) : null,
  };
  let updated: boolean;
  try {
    updated = await db.$transaction(async (tx) => {
      const r = await tx.body.updateMany({ where: { id: d.bodyId, version: d.version }, data: { ...after, version: { increment: 1 } } });
      if (r.count === 1) await writeAudit(tx, audit(scope, "body.update", "Body", d.bodyId, before, after));
      return r.count === 1;
    }, TX);
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { ok: false, message: NOT_SAVED, fieldErrors: { abbreviation: TAKEN }, values };
    throw e;
  }
  revalidateStructure(scope.council.slug);
  if (!updated) return { ok: false, message: CONFLICT, values };
  return { ok: true, message: `${d.name} er lagret.` };
}

/**
 * A municipality (or county, or other organisation) joins the council. Organisations are shared
 * between councils, as a municipality may sit in two; one with the same kommunenummer is reused.
 */
export async function addCouncilMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = addCouncilMemberSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizeStructure(d.councilSlug);
  const db = await getDb();
  const existing = d.municipalityNumber
    ? await db.organization.findUnique({ where: { municipalityNumber: d.municipalityNumber }, select: { id: true, name: true } })
    : await db.organization.findFirst({ where: { name: { equals: d.organizationName, mode: "insensitive" }, kind: d.organizationKind, municipalityNumber: null }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
  if (existing) {
    // Periods are inclusive calendar days; a new one may not overlap one the organisation already has.
    const overlap = await db.councilMember.findFirst({
      where: { councilId: scope.council.id, organizationId: existing.id, OR: [{ validTo: null }, { validTo: { gte: day(d.validFrom) } }] },
      orderBy: { validFrom: "desc" },
      select: { validFrom: true, validTo: true },
    });
    if (overlap) {
      const until = overlap.validTo ? ` til og med ${formatCalendarDate(overlap.validTo)}` : "";
      return { ok: false, message: NOT_SAVED, fieldErrors: { validFrom: `${existing.name} er medlem fra ${formatCalendarDate(overlap.validFrom)}${until}. Et nytt medlemskap må begynne etter det.` }, values };
    }
  }
  let member: { name: string };
  try {
    member = await db.$transaction(async (tx) => {
      const org = existing ?? (await tx.organization.create({ data: { name: d.organizationName, kind: d.organizationKind, municipalityNumber: d.municipalityNumber }, select: { id: true, name: true } }));
      const m = await tx.councilMember.create({ data: { councilId: scope.council.id, organizationId: org.id, validFrom: day(d.validFrom), note: d.note }, select: { id: true } });
      await writeAudit(tx, audit(scope, "council-member.create", "CouncilMember", m.id, null, { ...d, organizationId: org.id }));
      return { name: org.name };
    }, TX);
  } catch (e) {
    // Another secretary added the same municipality (kommunenummer) or membership a moment ago.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      revalidateStructure(scope.council.slug);
      return { ok: false, message: NOT_SAVED, fieldErrors: { organizationName: "Noen andre la nettopp til dette medlemmet. Se listen over medlemmer, som nå er oppdatert." }, values };
    }
    throw e;
  }
  revalidateStructure(scope.council.slug);
  return { ok: true, message: `${member.name} er medlem fra ${formatCalendarDate(day(d.validFrom))}.` };
}

/** A member leaves on its last day; the membership stays, as the minutes of its years name it. */
export async function endCouncilMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = endCouncilMemberSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizeStructure(d.councilSlug);
  const db = await getDb();
  const m = await db.councilMember.findFirst({ where: { id: d.memberId, councilId: scope.council.id }, select: { id: true, organizationId: true, validFrom: true, validTo: true, organization: { select: { name: true } } } });
  if (!m) refuse(scope.viewer, scope.council.id);
  if (day(d.validTo) < m.validFrom) {
    return { ok: false, message: NOT_SAVED, fieldErrors: { validTo: `Medlemskapet begynte ${formatCalendarDate(m.validFrom)}; siste dag kan ikke være før det.` }, values };
  }
  // A later membership of the same organisation bounds this one: periods may not overlap (decision 018).
  const next = await db.councilMember.findFirst({
    where: { councilId: scope.council.id, organizationId: m.organizationId, id: { not: m.id }, validFrom: { gt: m.validFrom, lte: day(d.validTo) } },
    orderBy: { validFrom: "asc" },
    select: { validFrom: true },
  });
  if (next) {
    return { ok: false, message: NOT_SAVED, fieldErrors: { validTo: `${m.organization.name} har et nytt medlemskap fra ${formatCalendarDate(next.validFrom)}. Siste dag må være før det.` }, values };
  }
  const updated = await db.$transaction(async (tx) => {
    const r = await tx.councilMember.updateMany({ where: { id: m.id, version: d.version }, data: { validTo: day(d.validTo), version: { increment: 1 } } });
    if (r.count === 1) await writeAudit(tx, audit(scope, "council-member.end", "CouncilMember", m.id, { validTo: m.validTo }, { validTo: d.validTo }));
    return r.count === 1;
  }, TX);
  revalidateStructure(scope.council.slug);
  if (!updated) return { ok: false, message: CONFLICT, values };
  return { ok: true, message: `${m.organization.name} er medlem til og med ${formatCalendarDate(day(d.validTo))}.` };
}
