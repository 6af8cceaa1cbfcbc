import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import type { Role, Viewer } from "@/lib/authz/policy";
import type { FormState } from "@/lib/forms";

// The secretariat's register of people: a new mayor after an election, an address the notice
// check says cannot be used, a seat that ends. Refused to everyone but the council's secretariat.
let t: TestDb;
let current: Viewer | null = null;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", async () => (await import("@/tests/helpers/action-harness")).navigationModule);
const { Redirect } = await import("@/tests/helpers/action-harness");
const actions = await import("@/lib/people/actions");
const queries = await import("@/lib/people/queries");

const none: FormState = { ok: false };
const { toFormData } = await import("@/tests/helpers/action-harness");
const form = (values: Record<string, string>) => toFormData(Object.entries(values));

describe("the people register", () => {
  let councilId: string;
  let bodyId: string;
  let orgId: string;
  const as = (role: Role, slug = "ringeriksregionen", id = councilId): Viewer => ({ userId: "u", name: "S", email: "s@x.no", personId: null, isSystemAdmin: false, councils: [{ councilId: id, slug, name: "R", role }] });

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    councilId = (await t.db.council.findUniqueOrThrow({ where: { slug: "ringeriksregionen" } })).id;
    bodyId = (await t.db.body.findFirstOrThrow({ where: { councilId, abbreviation: "AU" } })).id;
    orgId = (await t.db.organization.findFirstOrThrow({ where: { councilMemberships: { some: { councilId } } }, orderBy: { name: "asc" } })).id;
  }, 180_000);
  afterAll(async () => t?.close());

  const newMayor = { councilSlug: "ringeriksregionen", name: "Kari Nyvalgt", title: "Ordfører", organizationId: "", email: "kari@hole", phone: "", bodyId: "", role: "MEDLEM", representsId: "", roleLabel: "", substituteOrder: "", validFrom: "2027-10-15", validTo: "" };

  it("adds a new mayor with the seat, refusing an address the notices cannot use and keeping what was typed", async () => {
    current = as("SECRETARIAT");
    const bad = await actions.createPersonAction(none, form(newMayor));
    expect(bad.fieldErrors).toMatchObject({ email: "Skriv én gyldig e-postadresse, for eksempel navn@kommune.no.", bodyId: "Velg organet." });
    expect(bad.values).toMatchObject({ name: "Kari Nyvalgt", email: "kari@hole" });
    const done = await actions.createPersonAction(none, form({ ...newMayor, email: "kari@hole.kommune.no", bodyId, organizationId: orgId })).catch((e) => e);
    expect(done).toBeInstanceOf(Redirect);
    const person = await t.db.person.findFirstOrThrow({ where: { name: "Kari Nyvalgt" }, include: { bodyMemberships: true } });
    expect((done as InstanceType<typeof Redirect>).to).toBe(`/portal/ringeriksregionen/personer/${person.id}?lagret=ny`);
    expect(person.bodyMemberships).toMatchObject([{ bodyId, role: "MEDLEM", organizationId: orgId, validFrom: new Date("2027-10-15T00:00:00Z"), validTo: null }]);
    // On the list as one to come, not before.
    const register = (await queries.getPeopleRegister(current, "ringeriksregionen", new Date("2027-10-01T10:00:00Z")))!;
    const au = register.bodies.find((b) => b.id === bodyId)!;
    expect(au.members.find((m) => m.personId === person.id)).toMatchObject({ name: "Kari Nyvalgt", from: "2027-10-15", emailProblem: null });
  });

  it("mends an address, refuses a stale form, and names the problem on the list", async () => {
    current = as("SECRETARIAT");
    const p = await t.db.person.findFirstOrThrow({ where: { bodyMemberships: { some: { bodyId, validTo: null } }, name: { not: "Kari Nyvalgt" } }, orderBy: { name: "asc" } });
    await t.db.person.update({ where: { id: p.id }, data: { email: "feil adresse" } });
    const listed = (await queries.getPeopleRegister(current, "ringeriksregionen"))!.bodies.find((b) => b.id === bodyId)!.members.find((m) => m.personId === p.id);
    expect(listed?.emailProblem).toBe("ugyldig e-post");
    const editor = (await queries.getPersonEditor(current, "ringeriksregionen", p.id))!;
    const fields = { councilSlug: "ringeriksregionen", personId: p.id, version: String(editor.person.version), name: p.name, title: p.title ?? "", organizationId: p.organizationId ?? "", email: "rettet@kommune.no", phone: "" };
    expect(await actions.updatePersonAction(none, form(fields))).toMatchObject({ ok: true });
    expect((await t.db.person.findUniqueOrThrow({ where: { id: p.id } })).email).toBe("rettet@kommune.no");
    const stale = await actions.updatePersonAction(none, form({ ...fields, email: "en.annen@kommune.no" }));
    expect(stale.message).toMatch(/^Noen andre har lagret en endring her/);
    expect(stale.values?.email).toBe("en.annen@kommune.no");
    expect((await t.db.person.findUniqueOrThrow({ where: { id: p.id } })).email).toBe("rettet@kommune.no");
    expect(await t.db.auditEvent.count({ where: { action: "person.update", entityId: p.id } })).toBe(1);
  });

  it("keeps a person's organisation from another council when their phone number is mended", async () => {
    current = as("SECRETARIAT");
    const p = await t.db.person.findFirstOrThrow({ where: { bodyMemberships: { some: { bodyId, validTo: null } }, name: { not: "Kari Nyvalgt" } }, orderBy: { name: "desc" } });
    const elsewhere = await t.db.organization.create({ data: { name: "Nabokommunen", kind: "MUNICIPALITY" }, select: { id: true } });
    await t.db.person.update({ where: { id: p.id }, data: { organizationId: elsewhere.id } });
    const editor = (await queries.getPersonEditor(current, "ringeriksregionen", p.id))!;
    expect(editor.choices.organizations).toContainEqual({ value: elsewhere.id, label: "Nabokommunen (ikke medlem av rådet)" });
    const fields = { councilSlug: "ringeriksregionen", personId: p.id, version: String(editor.person.version), name: p.name, title: p.title ?? "", organizationId: editor.person.organizationId, email: p.email ?? "", phone: "900 00 000" };
    expect(await actions.updatePersonAction(none, form(fields))).toMatchObject({ ok: true });
    expect(await t.db.person.findUniqueOrThrow({ where: { id: p.id }, select: { organizationId: true, phone: true } })).toEqual({ organizationId: elsewhere.id, phone: "900 00 000" });
    // Choosing another council's organisation is still refused on the field.
    const other = await t.db.organization.create({ data: { name: "Fjernkommunen", kind: "MUNICIPALITY" }, select: { id: true } });
    const refused = await actions.updatePersonAction(none, form({ ...fields, version: String(editor.person.version + 1), organizationId: other.id }));
    expect(refused.fieldErrors?.organizationId).toBe("Organisasjonen er ikke medlem av rådet.");
  });

  it("ends a seat on its last day, not before it began", async () => {
    current = as("SECRETARIAT");
    const m = await t.db.bodyMembership.findFirstOrThrow({ where: { person: { name: "Kari Nyvalgt" } } });
    const early = await actions.endMembershipAction(none, form({ councilSlug: "ringeriksregionen", membershipId: m.id, version: String(m.version), validTo: "2027-10-01" }));
    expect(early.fieldErrors?.validTo).toBe("Vervet begynte 15. oktober 2027; siste dag kan ikke være før det.");
    expect(await actions.endMembershipAction(none, form({ councilSlug: "ringeriksregionen", membershipId: m.id, version: String(m.version), validTo: "2031-10-31" }))).toMatchObject({ ok: true, message: "Vervet er avsluttet 31. oktober 2031." });
    const after = (await queries.getPeopleRegister(current, "ringeriksregionen", new Date("2031-11-01T10:00:00Z")))!;
    expect(after.bodies.find((b) => b.id === bodyId)!.members.map((x) => x.name)).not.toContain("Kari Nyvalgt");
    // A second seat, as first substitute in the AU.
    const person = await t.db.person.findFirstOrThrow({ where: { name: "Kari Nyvalgt" } });
    expect(await actions.addMembershipAction(none, form({ councilSlug: "ringeriksregionen", personId: person.id, bodyId, role: "VARAMEDLEM", representsId: "", roleLabel: "", substituteOrder: "1", validFrom: "2031-11-01", validTo: "2031-10-01" }))).toMatchObject({
      fieldErrors: { validTo: "Sluttdatoen kan ikke være før startdatoen." },
    });
    expect(await actions.addMembershipAction(none, form({ councilSlug: "ringeriksregionen", personId: person.id, bodyId, role: "VARAMEDLEM", representsId: "", roleLabel: "", substituteOrder: "1", validFrom: "2031-11-01", validTo: "" }))).toMatchObject({ ok: true });
    expect(await t.db.bodyMembership.count({ where: { personId: person.id, role: "VARAMEDLEM", substituteOrder: 1 } })).toBe(1);
  });

  it("is the secretariat's: members, coordinators and other councils are refused, and see no register", async () => {
    const person = await t.db.person.findFirstOrThrow({ where: { name: "Kari Nyvalgt" } });
    for (const viewer of [as("MEMBER"), as("COORDINATOR")]) {
      current = viewer;
      expect(await queries.getPeopleRegister(viewer, "ringeriksregionen")).toBeNull();
      expect(await queries.getPersonEditor(viewer, "ringeriksregionen", person.id)).toBeNull();
      await expect(actions.updatePersonAction(none, form({ councilSlug: "ringeriksregionen", personId: person.id, version: "1", name: "Kapret", email: "" }))).rejects.toThrow();
    }
    // Another council's secretariat cannot reach Ringerike's person through its own address.
    const other = await t.db.council.findUniqueOrThrow({ where: { slug: "indre-ostfold" } });
    current = as("SECRETARIAT", "indre-ostfold", other.id);
    expect(await queries.getPersonEditor(current, "indre-ostfold", person.id)).toBeNull();
    await expect(actions.updatePersonAction(none, form({ councilSlug: "indre-ostfold", personId: person.id, version: "1", name: "Kapret", email: "" }))).rejects.toThrow();
    expect((await t.db.person.findUniqueOrThrow({ where: { id: person.id } })).name).toBe("Kari Nyvalgt");
  });
});
