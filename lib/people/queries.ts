import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { can, type Viewer } from "@/lib/authz/policy";
import { getCouncilForViewer } from "@/lib/councils/queries";
import { osloCalendarDay } from "@/lib/meetings/notice";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/people/schemas";
import { usableEmail } from "@/lib/form-fields";

/** A person belongs to the council's register through a seat in one of its bodies, or their organisation's membership. */
export function personInCouncil(councilId: string): Prisma.PersonWhereInput {
  return { OR: [{ bodyMemberships: { some: { body: { councilId } } } }, { organization: { councilMemberships: { some: { councilId } } } }] };
}

/** The council, when the viewer keeps its register of people. */
export async function registerScope(viewer: Viewer | null, slug: string) {
  const council = await getCouncilForViewer(viewer, slug);
  return council && can(viewer, "council.manage", council.id) ? council : null;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Each body's members now and to come, with what the notices need: a usable address. */
export async function getPeopleRegister(viewer: Viewer | null, slug: string, now = new Date()) {
  const council = await registerScope(viewer, slug);
  if (!council) return null;
  const db = await getDb();
  const today = osloCalendarDay(now);
  const [bodies, choices] = await Promise.all([
    db.body.findMany({
      where: { councilId: council.id },
      orderBy: [{ isPolitical: "desc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        memberships: {
          where: { OR: [{ validTo: null }, { validTo: { gte: today } }] },
          orderBy: [{ position: "asc" }, { role: "asc" }, { person: { name: "asc" } }],
          select: {
            id: true,
            role: true,
            roleLabel: true,
            validFrom: true,
            validTo: true,
            organization: { select: { name: true } },
            person: { select: { id: true, name: true, email: true } },
          },
        },
      },
    }),
    registerChoices(council.id),
  ]);
  return {
    council,
    choices,
    bodies: bodies.map((b) => ({
      id: b.id,
      name: b.name,
      members: b.memberships.map((m) => ({
        id: m.id,
        personId: m.person.id,
        name: m.person.name,
        role: m.roleLabel?.trim() || MEMBERSHIP_ROLE_LABELS[m.role],
        organization: m.organization?.name ?? null,
        emailProblem: !m.person.email?.trim() ? "mangler e-post" : usableEmail(m.person.email) ? null : "ugyldig e-post",
        from: m.validFrom > today ? day(m.validFrom) : null,
        to: day(m.validTo),
      })),
    })),
  };
}

/** What the person and membership forms offer: the council's bodies and member organisations. Callers check the register right. */
async function registerChoices(councilId: string) {
  const db = await getDb();
  const [bodies, organizations] = await Promise.all([
    db.body.findMany({ where: { councilId }, orderBy: [{ isPolitical: "desc" }, { name: "asc" }], select: { id: true, name: true } }),
    db.organization.findMany({ where: { councilMemberships: { some: { councilId } } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { bodies: bodies.map((b) => ({ value: b.id, label: b.name })), organizations: organizations.map((o) => ({ value: o.id, label: o.name })) };
}

export async function getPersonEditor(viewer: Viewer | null, slug: string, personId: string) {
  const council = await registerScope(viewer, slug);
  if (!council) return null;
  const db = await getDb();
  const person = await db.person.findFirst({
    where: { id: personId, ...personInCouncil(council.id) },
    select: {
      id: true,
      name: true,
      title: true,
      organizationId: true,
      organization: { select: { name: true } },
      email: true,
      phone: true,
      version: true,
      bodyMemberships: {
        where: { body: { councilId: council.id } },
        orderBy: [{ validFrom: "desc" }],
        select: { id: true, role: true, roleLabel: true, validFrom: true, validTo: true, version: true, substituteOrder: true, body: { select: { name: true } }, organization: { select: { name: true } } },
      },
    },
  });
  if (!person) return null;
  const registered = await registerChoices(council.id);
  // Offered as well, so that saving the phone number does not drop it (the select would fall back to «Ingen»).
  const own = person.organizationId && person.organization && !registered.organizations.some((o) => o.value === person.organizationId);
  const choices = own ? { ...registered, organizations: [...registered.organizations, { value: person.organizationId!, label: `${person.organization!.name} (ikke medlem av rådet)` }] } : registered;
  const { organization: _organization, ...fields } = person;
  return {
    council,
    choices,
    person: { ...fields, title: person.title ?? "", organizationId: person.organizationId ?? "", email: person.email ?? "", phone: person.phone ?? "" },
    memberships: person.bodyMemberships.map((m) => ({
      id: m.id,
      version: m.version,
      body: m.body.name,
      role: m.roleLabel?.trim() || MEMBERSHIP_ROLE_LABELS[m.role],
      organization: m.organization?.name ?? null,
      substituteOrder: m.substituteOrder,
      validFrom: day(m.validFrom)!,
      validTo: day(m.validTo),
    })),
  };
}
