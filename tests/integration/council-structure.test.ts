import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import type { Role, Viewer } from "@/lib/authz/policy";
import type { FormState } from "@/lib/forms";

// The secretariat's register of the council itself: a municipality joins or leaves, a fagteam is set
// up or wound up. Refused to everyone but the council's secretariat.
let t: TestDb;
let current: Viewer | null = null;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", async () => (await import("@/tests/helpers/action-harness")).navigationModule);
const { Redirect, toFormData } = await import("@/tests/helpers/action-harness");
const actions = await import("@/lib/bodies/actions");
const queries = await import("@/lib/bodies/queries");
const meetingActions = await import("@/lib/meetings/actions");
const { listBodiesForMeetingForm } = await import("@/lib/meetings/queries");

const none: FormState = { ok: false };
const form = (values: Record<string, string>) => toFormData(Object.entries(values));
const SLUG = "ringeriksregionen";

describe("the council's members and bodies", () => {
  let councilId: string;
  const as = (role: Role, slug = SLUG, id = councilId): Viewer => ({ userId: "u", name: "S", email: "s@x.no", personId: null, isSystemAdmin: false, councils: [{ councilId: id, slug, name: "R", role }] });

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    councilId = (await t.db.council.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  }, 180_000);
  afterAll(async () => t?.close());

  const flå = { councilSlug: SLUG, organizationName: "Flå", organizationKind: "MUNICIPALITY", municipalityNumber: "33", validFrom: "2027-01-01", note: "Vedtak i Flå kommunestyre" };

  it("adds a municipality that joins, refusing a wrong kommunenummer and keeping what was typed", async () => {
    current = as("SECRETARIAT");
    const bad = await actions.addCouncilMemberAction(none, form(flå));
    expect(bad.fieldErrors).toEqual({ municipalityNumber: "Kommunenummeret har fire sifre." });
    expect(bad.values).toMatchObject({ organizationName: "Flå", note: "Vedtak i Flå kommunestyre" });
    const orgs = await t.db.organization.count();
    expect(await actions.addCouncilMemberAction(none, form({ ...flå, municipalityNumber: "3320" }))).toEqual({ ok: true, message: "Flå er medlem fra 1. januar 2027." });
    expect(await t.db.organization.count()).toBe(orgs + 1);
    const structure = (await queries.getCouncilStructure(current, SLUG, new Date("2026-12-31T23:30:00Z")))!;
    // 00.30 on New Year's Day in Oslo: the member from 1 January is one already.
    expect(structure.members.find((m) => m.name === "Flå")).toMatchObject({ kind: "Kommune", number: "3320", validFrom: "2027-01-01", validTo: null, state: "aktiv" });
  });

  it("reuses a municipality by its number, refuses an overlapping period, and ends a membership on its last day", async () => {
    current = as("SECRETARIAT");
    const hole = await t.db.councilMember.findFirstOrThrow({ where: { councilId, organization: { municipalityNumber: "3038" } } });
    const again = await actions.addCouncilMemberAction(none, form({ ...flå, organizationName: "Hole kommune", municipalityNumber: "3038", validFrom: "2027-01-01" }));
    expect(again.fieldErrors?.validFrom).toMatch(/^Hole er medlem fra .*\. Et nytt medlemskap må begynne etter det\.$/);
    const end = { councilSlug: SLUG, memberId: hole.id, version: String(hole.version), validTo: "2010-01-01" };
    expect((await actions.endCouncilMemberAction(none, form(end))).fieldErrors?.validTo).toMatch(/^Medlemskapet begynte .*; siste dag kan ikke være før det\.$/);
    expect(await actions.endCouncilMemberAction(none, form({ ...end, validTo: "2027-12-31" }))).toEqual({ ok: true, message: "Hole er medlem til og med 31. desember 2027." });
    // A tab opened before the change is refused, and the stored date stays.
    const stale = await actions.endCouncilMemberAction(none, form({ ...end, validTo: "2027-06-30" }));
    expect(stale.message).toMatch(/^Noen andre har lagret en endring her/);
    expect((await t.db.councilMember.findUniqueOrThrow({ where: { id: hole.id } })).validTo).toEqual(new Date("2027-12-31T00:00:00Z"));
    // Hole rejoins after the gap: the same organisation, so its people and history stay one.
    const orgs = await t.db.organization.count();
    expect(await actions.addCouncilMemberAction(none, form({ ...flå, organizationName: "Hole", municipalityNumber: "3038", validFrom: "2029-01-01" }))).toMatchObject({ ok: true });
    expect(await t.db.organization.count()).toBe(orgs);
    // The first membership cannot now be stretched into the second.
    const first = await t.db.councilMember.findUniqueOrThrow({ where: { id: hole.id } });
    const stretched = await actions.endCouncilMemberAction(none, form({ ...end, version: String(first.version), validTo: "2029-06-30" }));
    expect(stretched.fieldErrors).toEqual({ validTo: "Hole har et nytt medlemskap fra 1. januar 2029. Siste dag må være før det." });
    expect(stretched.values).toMatchObject({ validTo: "2029-06-30" });
    expect((await t.db.councilMember.findUniqueOrThrow({ where: { id: hole.id } })).validTo).toEqual(new Date("2027-12-31T00:00:00Z"));
    expect((await actions.endCouncilMemberAction(none, form({ ...end, version: String(first.version), validTo: "2028-03-31" }))).ok).toBe(true);
    const at2028 = (await queries.getCouncilStructure(current, SLUG, new Date("2028-06-01T10:00:00Z")))!.members.filter((m) => m.name === "Hole");
    expect(at2028.map((m) => m.state).sort()).toEqual(["avsluttet", "kommende"]);
    expect(await t.db.auditEvent.count({ where: { action: { startsWith: "council-member." }, councilId } })).toBe(4);
  });

  it("tells the second of two secretaries adding the same municipality or body at once on the field, not with a server error", async () => {
    current = as("SECRETARIAT");
    const gol = { ...flå, organizationName: "Gol", municipalityNumber: "3324", validFrom: "2027-01-01", note: "" };
    const added = await Promise.all([actions.addCouncilMemberAction(none, form(gol)), actions.addCouncilMemberAction(none, form(gol))]);
    expect(added.filter((r) => r.ok)).toHaveLength(1);
    const lost = added.find((r) => !r.ok);
    // Either the check saw the first one's row, or the unique index refused the second.
    expect(lost?.fieldErrors?.organizationName ?? lost?.fieldErrors?.validFrom).toMatch(/Noen andre la nettopp til dette medlemmet|Gol er medlem fra/);
    expect(lost?.values).toMatchObject({ organizationName: "Gol" });
    expect(await t.db.councilMember.count({ where: { councilId, organization: { municipalityNumber: "3324" } } })).toBe(1);

    const team = { councilSlug: SLUG, kind: "FAGTEAM", nature: "ADMINISTRATIVE", numbering: "YEARLY", name: "Fagteam helse", abbreviation: "FT-helse", description: "", targetMeetingsPerYear: "", parentBodyId: "", activeFrom: "" };
    const created = await Promise.allSettled([actions.createBodyAction(none, form(team)), actions.createBodyAction(none, form({ ...team, abbreviation: "FT-helse2" }))]);
    expect(created.filter((r) => r.status === "rejected" && r.reason instanceof Redirect)).toHaveLength(1);
    const refused = created.find((r) => r.status === "fulfilled");
    expect(refused?.status === "fulfilled" && refused.value.fieldErrors).toEqual({ name: "Rådet har alt en saksserie med dette navnet. Gi organet et annet navn." });
  });

  const fagteam = { councilSlug: SLUG, kind: "FAGTEAM", nature: "", numbering: "NONE", name: "Fagteam klima", abbreviation: "Klima team", description: "Klimanettverket i regionen.", targetMeetingsPerYear: "60", parentBodyId: "", activeFrom: "" };

  it("creates a fagteam, refusing a missing choice, a spaced or taken abbreviation and a meeting count out of range", async () => {
    current = as("SECRETARIAT");
    const bad = await actions.createBodyAction(none, form(fagteam));
    expect(bad.fieldErrors).toEqual({
      nature: "Velg om organet er politisk eller administrativt.",
      abbreviation: "Forkortelsen kan bare ha bokstaver, tall, punktum og bindestrek, uten mellomrom.",
      targetMeetingsPerYear: "Skriv et helt tall fra 1 til 52, eller la feltet stå tomt.",
    });
    expect(bad.values).toMatchObject({ name: "Fagteam klima", description: "Klimanettverket i regionen." });
    const taken = await actions.createBodyAction(none, form({ ...fagteam, nature: "ADMINISTRATIVE", abbreviation: "au", targetMeetingsPerYear: "4" }));
    expect(taken.fieldErrors).toEqual({ abbreviation: "Et annet organ i rådet har denne forkortelsen. Velg en annen." });
    const kdu = await t.db.body.findFirstOrThrow({ where: { councilId, abbreviation: "KDU" } });
    const done = await actions.createBodyAction(none, form({ ...fagteam, nature: "ADMINISTRATIVE", abbreviation: "Klima", targetMeetingsPerYear: "4", parentBodyId: kdu.id })).catch((e) => e);
    expect(done).toBeInstanceOf(Redirect);
    const body = await t.db.body.findFirstOrThrow({ where: { councilId, abbreviation: "Klima" } });
    expect((done as InstanceType<typeof Redirect>).to).toBe(`/portal/${SLUG}/organer?lagret=${body.id}#organ-${body.id}`);
    expect(body).toMatchObject({ kind: "FAGTEAM", isPolitical: false, publishMinutes: false, caseSeriesId: null, parentBodyId: kdu.id, targetMeetingsPerYear: 4 });
    // A political board numbers its cases in a series of its own, and publishes its minutes (kommuneloven § 11-4).
    await actions.createBodyAction(none, form({ ...fagteam, kind: "STYRE", nature: "POLITICAL", numbering: "YEARLY", name: "Styret for næringsfondet", abbreviation: "Styret", targetMeetingsPerYear: "" })).catch((e) => e);
    const board = await t.db.body.findFirstOrThrow({ where: { councilId, abbreviation: "Styret" }, include: { caseSeries: true } });
    expect(board).toMatchObject({ isPolitical: true, publishMinutes: true, caseSeries: { name: "Styret for næringsfondet", format: "Sak {n}/{yy}", scope: "YEARLY" } });
    const listed = (await queries.getCouncilStructure(current, SLUG, new Date("2027-03-01T10:00:00Z")))!.bodies.find((b) => b.id === board.id);
    expect(listed).toMatchObject({ kind: "Styre", numbering: "Sak 1/27 og videre", meetings: 0, state: "aktiv" });
  });

  it("edits a body: a stale form, a circle of reporting and an end before a planned meeting are refused", async () => {
    current = as("SECRETARIAT");
    const body = await t.db.body.findFirstOrThrow({ where: { councilId, abbreviation: "Klima" } });
    const kdu = await t.db.body.findFirstOrThrow({ where: { councilId, abbreviation: "KDU" } });
    const fields = { councilSlug: SLUG, bodyId: body.id, version: String(body.version), name: "Fagteam klima og miljø", abbreviation: "Klima", description: body.description, targetMeetingsPerYear: "4", parentBodyId: kdu.id, activeFrom: "", activeTo: "" };
    expect(await actions.updateBodyAction(none, form(fields))).toEqual({ ok: true, message: "Fagteam klima og miljø er lagret." });
    const stale = await actions.updateBodyAction(none, form({ ...fields, name: "Klimateamet" }));
    expect(stale.message).toMatch(/^Noen andre har lagret en endring her/);
    expect(stale.values?.name).toBe("Klimateamet");
    expect((await t.db.body.findUniqueOrThrow({ where: { id: body.id } })).name).toBe("Fagteam klima og miljø");
    // KDU cannot report to its own fagteam.
    const kduFields = { councilSlug: SLUG, bodyId: kdu.id, version: String(kdu.version), name: kdu.name, abbreviation: kdu.abbreviation, description: kdu.description, targetMeetingsPerYear: "", parentBodyId: body.id, activeFrom: "", activeTo: "" };
    expect((await actions.updateBodyAction(none, form(kduFields))).fieldErrors).toEqual({ parentBodyId: "Det valgte organet rapporterer selv til dette organet." });
    // A meeting at 00.30 on 6 May, Oslo time, is after a last day of 5 May.
    await t.db.meeting.create({ data: { bodyId: body.id, startsAt: new Date("2030-05-05T22:30:00Z"), status: "PLANNED" } });
    const v2 = String(body.version + 1);
    const early = await actions.updateBodyAction(none, form({ ...fields, version: v2, name: "Fagteam klima og miljø", activeTo: "2030-05-05" }));
    expect(early.fieldErrors?.activeTo).toMatch(/^Organet har et møte .*6\. mai 2030.*, etter denne datoen\. Avlys eller flytt møtet først\.$/);
    await t.db.meeting.updateMany({ where: { bodyId: body.id }, data: { status: "CANCELLED" } });
    expect(await actions.updateBodyAction(none, form({ ...fields, version: v2, activeTo: "2026-01-31" }))).toMatchObject({ ok: true });
  });

  it("offers a wound-up body for no new meetings, and refuses one, or a move of its last, after its last day", async () => {
    current = as("SECRETARIAT");
    const body = await t.db.body.findFirstOrThrow({ where: { councilId, abbreviation: "Klima" } });
    expect((await listBodiesForMeetingForm(current, councilId)).map((b) => b.id)).not.toContain(body.id);
    const meeting = { bodyId: body.id, date: "2026-02-02", startTime: "10:00", endTime: "", location: "Hønefoss", remoteUrl: "" };
    expect((await meetingActions.createMeetingAction(none, form(meeting))).fieldErrors).toEqual({ date: "Organet ble lagt ned etter 31. januar 2026." });
    const plan = await meetingActions.createMeetingPlanAction(none, form({ bodyId: body.id, lines: "2026-01-20 10:00-11:00 Hønefoss\n2026-03-02 10:00-11:00 Hønefoss" }));
    expect(plan.fieldErrors).toEqual({ lines: "Møtet 2. mars 2026: Organet ble lagt ned etter 31. januar 2026." });
    expect(await t.db.meeting.count({ where: { bodyId: body.id, status: { not: "CANCELLED" } } })).toBe(0);

    // Its last meeting cannot be moved past its last day, but can be given another place.
    await meetingActions.createMeetingAction(none, form({ ...meeting, date: "2026-01-20" })).catch((e) => expect(e).toBeInstanceOf(Redirect));
    const last = await t.db.meeting.findFirstOrThrow({ where: { bodyId: body.id }, select: { id: true, version: true } });
    const update = { ...meeting, meetingId: last.id, version: String(last.version), changeNote: "" };
    const moved = await meetingActions.updateMeetingAction(none, form({ ...update, date: "2026-02-10" }));
    expect(moved.fieldErrors).toEqual({ date: "Organet ble lagt ned etter 31. januar 2026." });
    expect(moved.values).toMatchObject({ date: "2026-02-10", location: "Hønefoss" });
    expect((await meetingActions.updateMeetingAction(none, form({ ...update, date: "2026-01-20", location: "Sundvollen" }))).ok).toBe(true);
    expect(await t.db.meeting.findUniqueOrThrow({ where: { id: last.id }, select: { startsAt: true, location: true } })).toEqual({ startsAt: new Date("2026-01-20T09:00:00Z"), location: "Sundvollen" });
  });

  it("is the secretariat's: members, coordinators and other councils are refused, and see nothing", async () => {
    const body = await t.db.body.findFirstOrThrow({ where: { councilId, abbreviation: "Klima" } });
    const forged = { councilSlug: SLUG, bodyId: body.id, version: String(body.version), name: "Kapret", abbreviation: "Klima", description: "", targetMeetingsPerYear: "", parentBodyId: "", activeFrom: "", activeTo: "" };
    for (const viewer of [as("MEMBER"), as("COORDINATOR")]) {
      current = viewer;
      expect(await queries.getCouncilStructure(viewer, SLUG)).toBeNull();
      await expect(actions.updateBodyAction(none, form(forged))).rejects.toThrow();
      await expect(actions.addCouncilMemberAction(none, form({ ...flå, organizationName: "Kapret", municipalityNumber: "9999" }))).rejects.toThrow();
    }
    // Another council's secretariat cannot edit Ringerike's body through its own address.
    const other = await t.db.council.findUniqueOrThrow({ where: { slug: "indre-ostfold" } });
    current = as("SECRETARIAT", "indre-ostfold", other.id);
    await expect(actions.updateBodyAction(none, form({ ...forged, councilSlug: "indre-ostfold" }))).rejects.toThrow();
    expect((await t.db.body.findUniqueOrThrow({ where: { id: body.id } })).name).toBe("Fagteam klima og miljø");
    expect(await t.db.organization.count({ where: { name: "Kapret" } })).toBe(0);
  });
});
