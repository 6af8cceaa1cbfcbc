import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildMinutesDocument } from "@/lib/minutes/build";
import { minutesContentHash } from "@/lib/minutes/content-hash";
import { planContentHash, type PlanDocument } from "@/lib/plans/document";
import { EXEMPT_DEMO_MARKER } from "@/prisma/seed/demo-data";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { staleCaseFacts, staleDecisionFacts } from "@/tests/helpers/search-facts";
import { AS_OF, exactPlan, generateScaleData, isEmpty, truncateAll, type GenerateResult } from "./generate";
import { planForScale } from "./plan";

// One council, two years: a few hundred meetings' worth of rows, enough for every kind of row.
const SCALE = 0.002;
// A fixed string stands in for the argon2 hash, so that the determinism check covers the users too.
const PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$test$test";

let t: TestDb;
let db: PrismaClient;
let result: GenerateResult;
let firstHash: string;
let deferredIndexesBefore: number;
let checksBefore: Checks;
let firstDigests: Record<string, string>;

async function countDeferredIndexes() {
  const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = current_schema() AND (indexname LIKE 'search\\_%' OR indexname LIKE 'fk\\_%')`,
  );
  return n;
}

/** SHA-256 of a few tables' rows in id order: equal for equal data, ids and timestamps included. */
async function dataHash(): Promise<string> {
  const h = createHash("sha256");
  const tables = [
    await db.case.findMany({ orderBy: { id: "asc" } }),
    await db.agendaItem.findMany({ orderBy: { id: "asc" } }),
    await db.minutes.findMany({ orderBy: { id: "asc" } }),
    await db.attendance.findMany({ orderBy: { id: "asc" } }),
    await db.actionItem.findMany({ orderBy: { id: "asc" } }),
    await db.user.findMany({ orderBy: { id: "asc" } }),
    await db.planVersion.findMany({ orderBy: { id: "asc" } }),
  ];
  for (const rows of tables) h.update(JSON.stringify(rows));
  return h.digest("hex");
}

type Checks = { foreignKeys: string[]; triggers: string[] };

/** What the load turns off and on again: each foreign key with its definition, each app trigger with its mode. */
async function countChecks(): Promise<Checks> {
  const keys = await db.$queryRawUnsafe<{ k: string }[]>(
    `SELECT k.conrelid::regclass::text || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) AS k FROM pg_constraint k
      JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname = current_schema() AND k.contype = 'f' ORDER BY 1`,
  );
  const triggers = await db.$queryRawUnsafe<{ t: string }[]>(
    `SELECT c.relname || ' ' || t.tgname || ' ' || t.tgenabled::text AS t FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND NOT t.tgisinternal ORDER BY 1`,
  );
  return { foreignKeys: keys.map((r) => r.k), triggers: triggers.map((r) => r.t) };
}

/** An MD5 of each table's rows, every column included (also those Prisma ignores, which the triggers fill). */
async function tableDigests(): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [{ md5 }] = await db.$queryRawUnsafe<{ md5: string }[]>(
      `SELECT md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) AS md5 FROM "${tablename}" t`,
    );
    out[tablename] = md5;
  }
  return out;
}

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  deferredIndexesBefore = await countDeferredIndexes();
  checksBefore = await countChecks();
  result = await generateScaleData(db, { scale: SCALE, seed: 7, passwordHash: PASSWORD_HASH });
  firstHash = await dataHash();
  firstDigests = await tableDigests();
});

afterAll(async () => {
  await t?.close();
});

describe("generateScaleData", () => {
  it("writes the counts of the plan", async () => {
    const plan = planForScale(SCALE, 7);
    expect(result.exact).toEqual(exactPlan(plan));
    expect(await db.council.count()).toBe(plan.councils);
    expect(await db.body.count()).toBe(plan.councils * 5);
    expect(await db.organization.count()).toBe(result.exact.organizations);
    expect(await db.meeting.count()).toBe(result.exact.meetings);
    expect(await db.agendaItem.count()).toBe(result.exact.agendaItems);
    expect(await db.case.count()).toBe(result.exact.agendaItems);
    // The exact figures stay near the round ones the plan promises.
    expect(result.exact.meetings / plan.estimate.meetings).toBeGreaterThan(0.85);
    expect(result.exact.meetings / plan.estimate.meetings).toBeLessThan(1.15);
    expect(result.exact.agendaItems / plan.estimate.agendaItems).toBeGreaterThan(0.85);
    expect(result.exact.agendaItems / plan.estimate.agendaItems).toBeLessThan(1.15);
    expect(await db.decision.count()).toBeGreaterThan(result.exact.agendaItems * 0.7);
    expect(await db.attendance.count()).toBeGreaterThan(result.exact.heldMeetings * 5);
    expect(await db.actionItem.count({ where: { measureId: { not: null } } })).toBeGreaterThan(0);
    expect(await db.actionItemAssignee.count()).toBeGreaterThanOrEqual(await db.actionItem.count());
    expect(await db.councilRole.count()).toBe(plan.councils * 4);
  });

  it("keeps the scale plan's shape at scale 1 and 0.01", () => {
    expect(planForScale(1, 1)).toMatchObject({ councils: 60, years: 20, estimate: { agendaItems: 480_000 } });
    const small = planForScale(0.01, 1);
    expect(small.councils).toBe(1);
    expect(small.estimate.agendaItems).toBeLessThan(10_000);
  });

  it("makes about 5 % of the cases exempt, with the marker only where it must stay hidden", async () => {
    const cases = await db.case.count();
    const exempt = await db.case.findMany({ where: { isExempt: true }, include: { items: true } });
    expect(exempt.length / cases).toBeGreaterThan(0.025);
    expect(exempt.length / cases).toBeLessThan(0.08);
    for (const c of exempt) {
      expect(c.exemptionBasis).toMatch(/^offl\. §/);
      expect(c.background).toContain(EXEMPT_DEMO_MARKER);
      expect(c.title).not.toContain(EXEMPT_DEMO_MARKER);
      for (const i of c.items) {
        expect(i.isClosed).toBe(true);
        expect(i.closedBasis).toMatch(/^kommuneloven § 11-5/);
      }
    }
    expect(await db.case.count({ where: { isExempt: false, background: { contains: EXEMPT_DEMO_MARKER } } })).toBe(0);
    expect(await db.decision.count({ where: { text: { contains: EXEMPT_DEMO_MARKER }, agendaItem: { case: { isExempt: false } } } })).toBe(0);
  });

  it("numbers cases uniquely per series and year, with counters at the highest number", async () => {
    const dupes = await db.$queryRawUnsafe<unknown[]>(
      `SELECT "seriesId", "year", "number" FROM "AgendaItem" WHERE "number" IS NOT NULL GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    expect(dupes).toEqual([]);
    const used = await db.$queryRawUnsafe<{ seriesId: string; year: number; max: number; n: number }[]>(
      `SELECT "seriesId", "year", max("number")::int AS max, count(*)::int AS n FROM "AgendaItem" WHERE "number" IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const counters = await db.caseSeriesCounter.findMany({ orderBy: [{ seriesId: "asc" }, { year: "asc" }] });
    expect(counters.map((c) => [c.seriesId, c.year, c.lastNumber])).toEqual(used.map((u) => [u.seriesId, u.year, u.max]));
    // No gaps: 1, 2, … the highest.
    for (const u of used) expect(u.n).toBe(u.max);
    // Cases carry their item's number; items of meetings planned ahead have none yet.
    expect(await db.agendaItem.count({ where: { number: null, meeting: { status: { not: "PLANNED" } } } })).toBe(0);
    expect(await db.agendaItem.count({ where: { number: { not: null }, meeting: { status: "PLANNED" } } })).toBe(0);
    const mismatch = await db.$queryRawUnsafe<unknown[]>(
      `SELECT i.id FROM "AgendaItem" i JOIN "Case" c ON c.id = i."caseId" WHERE c."number" IS DISTINCT FROM i."number" OR c."seriesId" IS DISTINCT FROM i."seriesId"`,
    );
    expect(mismatch).toEqual([]);
  });

  it("approves and publishes minutes as the app does, with the content hash the app computes", async () => {
    const approved = await db.minutes.findMany({ where: { status: "APPROVED" }, include: { meeting: true }, orderBy: { id: "asc" } });
    expect(approved.length).toBeGreaterThan(result.exact.heldMeetings * 0.8);
    for (const m of approved) {
      expect(m.meeting.status).toBe("MINUTES_APPROVED");
      expect(m.approvedAt!.getTime()).toBeGreaterThan(m.meeting.startsAt.getTime());
      expect(m.approvalMethod).not.toBeNull();
      expect(m.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const m of approved.filter((_, i) => i % Math.ceil(approved.length / 8) === 0)) {
      const doc = await buildMinutesDocument(db, m.meetingId, "internal");
      expect(minutesContentHash(doc!)).toBe(m.contentHash);
    }
    // "Godkjenning av referat" items point at the previous meeting's minutes.
    expect(await db.agendaItem.count({ where: { approvesMinutesOfId: { not: null } } })).toBeGreaterThan(0);
  });

  it("keeps the app's meeting invariants", async () => {
    // Published minutes belong to meetings whose notice went out, and are approved.
    expect(await db.minutes.count({ where: { publishedAt: { not: null }, OR: [{ meeting: { noticeSentAt: null } }, { status: { not: "APPROVED" } }] } })).toBe(0);
    expect(await db.minutes.count({ where: { publishedAt: { not: null } } })).toBeGreaterThan(0);
    // Only held meetings have minutes, decisions and attendance; the ones ahead have none.
    expect(await db.minutes.count({ where: { meeting: { startsAt: { gte: AS_OF } } } })).toBe(0);
    expect(await db.decision.count({ where: { agendaItem: { meeting: { startsAt: { gte: AS_OF } } } } })).toBe(0);
    expect(await db.attendance.count({ where: { meeting: { startsAt: { gte: AS_OF } } } })).toBe(0);
    expect(await db.meeting.count({ where: { startsAt: { lt: AS_OF }, OR: [{ noticeSentAt: null }, { minutes: null }, { attendances: { none: {} } }] } })).toBe(0);
    expect(await db.meeting.count({ where: { status: "PLANNED", noticeSentAt: { not: null } } })).toBe(0);
    expect(await db.meeting.count({ where: { startsAt: { gte: AS_OF } } })).toBeGreaterThan(0);
    // Attendance comes from the body's members on the day.
    const strangers = await db.$queryRawUnsafe<unknown[]>(
      `SELECT a.id FROM "Attendance" a JOIN "Meeting" m ON m.id = a."meetingId"
       WHERE NOT EXISTS (SELECT 1 FROM "BodyMembership" bm WHERE bm."bodyId" = m."bodyId" AND bm."personId" = a."personId")`,
    );
    expect(strangers).toEqual([]);
  });

  it("adopts one strategy and one action plan per council, with a verifiable version", async () => {
    const plans = await db.plan.findMany({ include: { versions: true, focusAreas: { include: { goals: true, measures: true } } } });
    expect(plans.map((p) => p.kind).sort()).toEqual(["ACTION_PLAN", "STRATEGY"]);
    for (const p of plans) {
      expect(p.status).toBe("ADOPTED");
      expect(p.adoptedByDecisionId).not.toBeNull();
      expect(p.focusAreas.length).toBeGreaterThanOrEqual(3);
      expect(p.focusAreas.every((a) => a.goals.length > 0 && a.measures.length > 0)).toBe(true);
      expect(p.versions).toHaveLength(1);
      expect(planContentHash(p.versions[0].snapshot as unknown as PlanDocument)).toBe(p.versions[0].sha256);
    }
  });

  it("leaves the search and foreign-key indexes it rebuilds, the foreign keys, the triggers and the lock on approved minutes in place", async () => {
    expect(await countDeferredIndexes()).toBe(deferredIndexesBefore);
    expect(checksBefore.foreignKeys.length).toBeGreaterThan(20);
    expect(checksBefore.triggers.filter((t) => t.endsWith(" O")).length).toBeGreaterThan(10);
    expect(await countChecks()).toEqual(checksBefore);
    const [{ fk }] = await db.$queryRaw<{ fk: number }[]>`SELECT count(*)::int AS fk FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'fk\\_%'`;
    expect(fk).toBeGreaterThan(0);
    const m = await db.minutes.findFirstOrThrow({ where: { status: "APPROVED" } });
    await expect(db.agendaItem.create({ data: { meetingId: m.meetingId, position: 99, title: "Etterpå", type: "EVENTUELT" } })).rejects.toThrow(/minutes_locked/);
  });

  // Search reads these facts instead of the rows they come from (migrations search_case_facts and
  // search_decision_facts). The load runs with the triggers off and the generator writes them: whatever
  // it writes, they must be what the rows say.
  it("leaves the facts search keeps on cases and decisions as the rows they come from say", async () => {
    expect(await staleCaseFacts(db)).toBe(0);
    expect(await staleDecisionFacts(db)).toBe(0);
    const [{ noticed }] = await db.$queryRaw<{ noticed: number }[]>`SELECT count(*)::int AS noticed FROM "Case" WHERE "searchNoticed"`;
    expect(noticed).toBeGreaterThan(0);
    const decisions = await db.$queryRaw<{ minutes: string | null; redacted: boolean }[]>`SELECT DISTINCT
        "searchMinutes" AS minutes, "searchRedacted" AS redacted FROM "Decision"`;
    // Every kind of fact occurs, so the comparison above has something to compare.
    const kinds = new Set(decisions.map((g) => g.minutes));
    expect(kinds.has("PUBLISHED") && kinds.has("APPROVED")).toBe(true);
    expect(decisions.some((g) => g.redacted)).toBe(true);
  });

  it("is deterministic: the same seed gives the same rows, another seed others", async () => {
    expect(await isEmpty(db)).toBe(false);
    await truncateAll(db);
    expect(await isEmpty(db)).toBe(true);
    await generateScaleData(db, { scale: SCALE, seed: 7, passwordHash: PASSWORD_HASH });
    expect(await dataHash()).toBe(firstHash);
    await truncateAll(db);
    await generateScaleData(db, { scale: SCALE, seed: 8, passwordHash: PASSWORD_HASH });
    expect(await dataHash()).not.toBe(firstHash);
  });

  // The load runs with the triggers off and writes what they would copy itself; with them on, every
  // table must come out the same, column for column.
  it("writes the rows the triggers and foreign keys would let in and fill in, with them off", async () => {
    await truncateAll(db);
    await generateScaleData(db, { scale: SCALE, seed: 7, passwordHash: PASSWORD_HASH, withTriggers: true });
    const withTriggers = await tableDigests();
    expect(Object.keys(withTriggers).length).toBeGreaterThan(20);
    expect(withTriggers).toEqual(firstDigests);
  });

  // The generator sends one batch while it builds the next: an insert that fails in the background
  // must still fail the run, and the run's transaction must take every row with it.
  it("fails the run on an insert that fails in the background, and leaves the database as it was", async () => {
    await truncateAll(db);
    const { lastYear } = planForScale(SCALE, 7);
    await db.$executeRawUnsafe(`ALTER TABLE "Meeting" ADD CONSTRAINT "test_no_last_year" CHECK ("startsAt" < make_date(${lastYear}, 1, 1)) NOT VALID`);
    try {
      await expect(generateScaleData(db, { scale: SCALE, seed: 7, passwordHash: PASSWORD_HASH, batchRows: 200 })).rejects.toThrow(/test_no_last_year/);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "Meeting" DROP CONSTRAINT "test_no_last_year"`);
    }
    expect(await isEmpty(db)).toBe(true);
    expect(await countDeferredIndexes()).toBe(deferredIndexesBefore);
    expect(await countChecks()).toEqual(checksBefore);
  });
});
