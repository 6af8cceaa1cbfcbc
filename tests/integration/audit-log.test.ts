import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import type { Viewer } from "@/lib/authz/policy";
import { parseAuditFilter, type AuditFilter } from "@/lib/audit/schemas";

let t: TestDb;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));

const { listAuditEvents, getAuditFilterOptions } = await import("@/lib/audit/queries");

function filter(raw: Record<string, string>): AuditFilter {
  const r = parseAuditFilter(raw);
  if (r.state !== "ok") throw new Error(JSON.stringify(r.errors));
  return r.filter;
}

async function page(viewer: Viewer, raw: Record<string, string> = {}) {
  const r = await listAuditEvents(viewer, filter(raw));
  if (!r?.ok) throw new Error(`no page: ${JSON.stringify(r)}`);
  return r;
}

describe("audit log queries", () => {
  let a: { id: string }, b: { id: string };
  let sysAdmin: Viewer, councilAdmin: Viewer, member: Viewer;
  const base = Date.parse("2026-07-01T12:00:00Z");

  beforeAll(async () => {
    t = await createTestDb();
    a = await t.db.council.create({ data: { slug: "a", name: "Råd A" }, select: { id: true } });
    b = await t.db.council.create({ data: { slug: "b", name: "Råd B" }, select: { id: true } });
    const kari = await t.db.user.create({ data: { email: "kari@kommune.no", name: "Kari Nordmann" }, select: { id: true } });
    const councils = [
      { councilId: a.id, slug: "a", name: "Råd A", role: "ADMIN" as const },
      { councilId: b.id, slug: "b", name: "Råd B", role: "ADMIN" as const },
    ];
    sysAdmin = { userId: "sys", name: "Sys", email: "sys@k.no", personId: null, isSystemAdmin: true, councils };
    councilAdmin = { userId: "ca", name: "CA", email: "ca@k.no", personId: null, isSystemAdmin: false, councils: [councils[0]] };
    member = { userId: "m", name: "M", email: "m@k.no", personId: null, isSystemAdmin: false, councils: [{ ...councils[0], role: "MEMBER" }] };

    // 120 events in council A, B or none, three to a timestamp so the pages must break ties by id.
    const rows = Array.from({ length: 120 }, (_, i) => ({
      at: new Date(base + Math.floor(i / 3) * 60_000),
      actor: i % 4 === 0 ? "kari@kommune.no" : "ola@kommune.no",
      userId: i % 4 === 0 ? kari.id : null,
      councilId: i % 3 === 0 ? a.id : i % 3 === 1 ? b.id : null,
      action: i % 2 === 0 ? "meeting.update" : "user.disable",
      entityType: i % 2 === 0 ? "Meeting" : "User",
      entityId: `e${i}`,
      before: { n: i - 1 },
      after: { n: i },
    }));
    await t.db.auditEvent.createMany({ data: rows });
    // Either side of midnight in Oslo (summer time: 22:00 UTC) at the start of 1 July.
    await t.db.auditEvent.createMany({
      data: [
        { at: new Date("2026-06-30T21:59:59.999Z"), actor: "natt@kommune.no", action: "auth.login.success", entityType: "User", entityId: "late" },
        { at: new Date("2026-06-30T22:00:00.000Z"), actor: "natt@kommune.no", action: "auth.login.success", entityType: "User", entityId: "early" },
      ],
    });
  });
  afterAll(async () => t?.close());

  it("refuses viewers without audit.read", async () => {
    expect(await listAuditEvents(member, filter({}))).toBeNull();
    expect(await listAuditEvents(null, filter({}))).toBeNull();
    expect(await getAuditFilterOptions(member)).toBeNull();
  });

  it("shows a council administrator only their council's events", async () => {
    const p = await page(councilAdmin, { handling: "meeting.update" });
    expect(p.rows.length).toBeGreaterThan(0);
    expect(new Set(p.rows.map((r) => r.councilName))).toEqual(new Set(["Råd A"]));
    expect(await listAuditEvents(councilAdmin, filter({ rad: "b" }))).toEqual({ ok: false, field: "rad", message: "Ukjent råd." });
    expect(await listAuditEvents(councilAdmin, filter({ rad: "ingen" }))).toEqual({ ok: false, field: "rad", message: "Ukjent råd." });
    const options = await getAuditFilterOptions(councilAdmin);
    expect(options?.councils).toEqual([{ value: "a", label: "Råd A" }]);
    expect(options?.allCouncils).toBe(false);
  });

  it("pages through everything newest first, 50 at a time, without gaps or repeats, and back", async () => {
    const seen: string[] = [];
    const pages = [];
    let p = await page(sysAdmin);
    pages.push(p);
    expect(p.newer).toBeNull();
    while (p.older) {
      p = await page(sysAdmin, { eldre: p.older });
      pages.push(p);
    }
    for (const pg of pages) seen.push(...pg.rows.map((r) => r.entityId!));
    expect(pages.map((pg) => pg.rows.length)).toEqual([50, 50, 22]);
    expect(new Set(seen).size).toBe(122);
    const times = pages.flatMap((pg) => pg.rows.map((r) => r.at.getTime()));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    // Within one timestamp, newest id first.
    expect(seen.slice(0, 3)).toEqual(["e119", "e118", "e117"]);
    // Back from the last page gives the middle page again, with links both ways.
    const back = await page(sysAdmin, { nyere: pages[2].newer! });
    expect(back.rows.map((r) => r.id)).toEqual(pages[1].rows.map((r) => r.id));
    expect(back.newer).not.toBeNull();
    expect(back.older).not.toBeNull();
    const first = await page(sysAdmin, { nyere: pages[1].newer! });
    expect(first.rows.map((r) => r.id)).toEqual(pages[0].rows.map((r) => r.id));
    expect(first.newer).toBeNull();
  });

  it("filters by council, action, entity type and id", async () => {
    const none = await page(sysAdmin, { rad: "ingen", handling: "user.disable" });
    expect(none.rows.every((r) => r.councilName === null && r.action === "user.disable")).toBe(true);
    expect(none.rows.length).toBe(20);
    const inB = await page(sysAdmin, { rad: "b", type: "Meeting" });
    expect(inB.rows.every((r) => r.councilName === "Råd B" && r.entityType === "Meeting")).toBe(true);
    expect(inB.rows.length).toBe(20);
    const one = await page(sysAdmin, { id: "e7" });
    expect(one.rows).toEqual([expect.objectContaining({ entityId: "e7", action: "user.disable", before: { n: 6 }, after: { n: 7 } })]);
  });

  it("finds an actor by part of the e-mail or of the user's name, whatever the case", async () => {
    const byMail = await page(sysAdmin, { aktor: "KARI@" });
    const byName = await page(sysAdmin, { aktor: "nordmann" });
    expect(byMail.rows.length).toBe(30);
    expect(byMail.rows.every((r) => r.actor === "kari@kommune.no")).toBe(true);
    expect(byName.rows.map((r) => r.id)).toEqual(byMail.rows.map((r) => r.id));
  });

  it("takes dates as whole days in Oslo time", async () => {
    const july = await page(sysAdmin, { aktor: "natt@", fra: "01.07.2026" });
    expect(july.rows.map((r) => r.entityId)).toEqual(["early"]);
    const june = await page(sysAdmin, { aktor: "natt@", til: "30.06.2026" });
    expect(june.rows.map((r) => r.entityId)).toEqual(["late"]);
    const both = await page(sysAdmin, { fra: "30.06.2026", til: "01.07.2026", handling: "auth.login.success" });
    expect(both.rows.length).toBe(2);
  });

  it("offers each action and entity type once, in order", async () => {
    const options = await getAuditFilterOptions(sysAdmin);
    expect(options?.actions).toEqual(["auth.login.success", "meeting.update", "user.disable"]);
    expect(options?.entityTypes).toEqual(["Meeting", "User"]);
    expect(options?.allCouncils).toBe(true);
  });
});
