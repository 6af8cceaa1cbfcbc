"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb, type Db } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";
import { authorizeCouncil, formValues, invalid, refuse, TX, type CouncilScope } from "@/lib/authz/guards";
import { CONFLICT, NOT_SAVED, type FormState } from "@/lib/forms";
import { formatCalendarDate } from "@/lib/format/dates";
import { personInCouncil } from "@/lib/people/queries";
import { addMembershipSchema, createPersonSchema, endMembershipSchema, updatePersonSchema } from "@/lib/people/schemas";


type Scope = CouncilScope;

// The council's register belongs to its secretariat (council.manage); anyone else is refused.
const authorizeRegister = (slug: string) => authorizeCouncil(slug, "council.manage");

function revalidateRegister(slug: string) {
  revalidatePath(`/portal/${slug}/personer`, "layout");
  // The public council page lists the bodies' members.
  revalidatePath(`/r/${slug}`);
}

function audit(s: Scope, action: string, entityType: string, entityId: string, before: unknown, after: unknown) {
  return { userId: s.viewer.userId, actor: s.viewer.email, councilId: s.council.id, action, entityType, entityId, before, after };
}

/** Field errors for a body or organisation that is not the council's (a forged or stale form). */
async function checkChoices(db: Db, councilId: string, v: { bodyId?: string; organizationId?: string | null; representsId?: string | null }) {
  const errors: Record<string, string> = {};
  if (v.bodyId && !(await db.body.count({ where: { id: v.bodyId, councilId } }))) errors.bodyId = "Organet finnes ikke i dette rådet.";
  const member = (id: string) => db.organization.count({ where: { id, councilMemberships: { some: { councilId } } } });
  if (v.organizationId && !(await member(v.organizationId))) errors.organizationId = "Organisasjonen er ikke medlem av rådet.";
  if (v.representsId && !(await member(v.representsId))) errors.representsId = "Organisasjonen er ikke medlem av rådet.";
  return errors;
}

const day = (v: string) => new Date(`${v}T00:00:00Z`);

/** A new person, with the seat that puts them in the council's register (a new mayor after an election). */
export async function createPersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = createPersonSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizeRegister(d.councilSlug);
  const db = await getDb();
  const errors = await checkChoices(db, scope.council.id, d);
  if (Object.keys(errors).length) return { ok: false, message: NOT_SAVED, fieldErrors: errors, values };
  const person = await db.$transaction(async (tx) => {
    const p = await tx.person.create({ data: { name: d.name, title: d.title, organizationId: d.organizationId, email: d.email, phone: d.phone }, select: { id: true } });
    const m = await tx.bodyMembership.create({
      data: { bodyId: d.bodyId, personId: p.id, role: d.role, organizationId: d.representsId ?? d.organizationId, roleLabel: d.roleLabel, substituteOrder: d.substituteOrder, validFrom: day(d.validFrom), validTo: d.validTo ? day(d.validTo) : null },
      select: { id: true },
    });
    await writeAudit(tx, audit(scope, "person.create", "Person", p.id, null, { ...d, membershipId: m.id }));
    return p;
  }, TX);
  revalidateRegister(scope.council.slug);
  redirect(`/portal/${scope.council.slug}/personer/${person.id}?lagret=ny`);
}

export async function updatePersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = updatePersonSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizeRegister(d.councilSlug);
  const db = await getDb();
  const before = await db.person.findFirst({ where: { id: d.personId, ...personInCouncil(scope.council.id) }, select: { id: true, name: true, title: true, organizationId: true, email: true, phone: true } });
  if (!before) refuse(scope.viewer, scope.council.id);
  // The organisation the person already has is kept though it is not (or no longer) a member of this
  // council: a person sits here for a body, and their organisation may belong to another council.
  const errors = await checkChoices(db, scope.council.id, { ...d, organizationId: d.organizationId === before.organizationId ? null : d.organizationId });
  if (Object.keys(errors).length) return { ok: false, message: NOT_SAVED, fieldErrors: errors, values };
  const after = { name: d.name, title: d.title, organizationId: d.organizationId, email: d.email, phone: d.phone };
  const updated = await db.$transaction(async (tx) => {
    const r = await tx.person.updateMany({ where: { id: d.personId, version: d.version }, data: { ...after, version: { increment: 1 } } });
    if (r.count === 1) await writeAudit(tx, audit(scope, "person.update", "Person", d.personId, before, after));
    return r.count === 1;
  }, TX);
  revalidateRegister(scope.council.slug);
  if (!updated) return { ok: false, message: CONFLICT, values };
  return { ok: true, message: `${d.name} er lagret.` };
}

export async function addMembershipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = addMembershipSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizeRegister(d.councilSlug);
  const db = await getDb();
  const person = await db.person.findFirst({ where: { id: d.personId, ...personInCouncil(scope.council.id) }, select: { id: true, name: true, organizationId: true } });
  if (!person) refuse(scope.viewer, scope.council.id);
  const errors = await checkChoices(db, scope.council.id, d);
  if (Object.keys(errors).length) return { ok: false, message: NOT_SAVED, fieldErrors: errors, values };
  await db.$transaction(async (tx) => {
    const m = await tx.bodyMembership.create({
      data: { bodyId: d.bodyId, personId: person.id, role: d.role, organizationId: d.representsId ?? person.organizationId, roleLabel: d.roleLabel, substituteOrder: d.substituteOrder, validFrom: day(d.validFrom), validTo: d.validTo ? day(d.validTo) : null },
      select: { id: true },
    });
    await writeAudit(tx, audit(scope, "membership.create", "BodyMembership", m.id, null, d));
  }, TX);
  revalidateRegister(scope.council.slug);
  return { ok: true, message: `Vervet er lagt til for ${person.name}.` };
}

/** Ends a seat on its last day; the history stays, as the minutes of its meetings name the person. */
export async function endMembershipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = endMembershipSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const d = parsed.data;
  const scope = await authorizeRegister(d.councilSlug);
  const db = await getDb();
  const m = await db.bodyMembership.findFirst({ where: { id: d.membershipId, body: { councilId: scope.council.id } }, select: { id: true, validFrom: true, validTo: true } });
  if (!m) refuse(scope.viewer, scope.council.id);
  if (day(d.validTo) < m.validFrom) {
    return { ok: false, message: NOT_SAVED, fieldErrors: { validTo: `Vervet begynte ${formatCalendarDate(m.validFrom)}; siste dag kan ikke være før det.` }, values };
  }
  const updated = await db.$transaction(async (tx) => {
    const r = await tx.bodyMembership.updateMany({ where: { id: m.id, version: d.version }, data: { validTo: day(d.validTo), version: { increment: 1 } } });
    if (r.count === 1) await writeAudit(tx, audit(scope, "membership.end", "BodyMembership", m.id, { validTo: m.validTo }, { validTo: d.validTo }));
    return r.count === 1;
  }, TX);
  revalidateRegister(scope.council.slug);
  if (!updated) return { ok: false, message: CONFLICT, values };
  return { ok: true, message: `Vervet er avsluttet ${formatCalendarDate(day(d.validTo))}.` };
}
