import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildMinutesDocument } from "@/lib/minutes/build";
import { minutesContentHash } from "@/lib/minutes/content-hash";
import { approveMinutes } from "@/lib/minutes/editing";
import { seedDemoData } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";

// The database lock on approved minutes (migration 20261122080000_lock_approved_minutes): once a
// meeting's minutes are APPROVED, triggers refuse every change to what the referat consists of.
// The app checks first; this is the second line. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.

const TX = { maxWait: 60_000, timeout: 60_000 };
const LOCKED = /minutes_locked/;
const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");
const LOCK_MIGRATION = "20261122080000_lock_approved_minutes";

// On PostgreSQL the schema engine runs a migration through @prisma/adapter-pg, whose executeScript
// splits the script at every ";" and sends the pieces one by one. PGlite runs it whole, so the
// PGlite tests alone would not notice a semicolon inside a function body or a comment.
describe("the lock migration survives adapter-pg's statement splitting", () => {
  it("applies statement by statement, split at every semicolon", async () => {
    const pg = await PGlite.create();
    try {
      const dirs = readdirSync(MIGRATIONS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
      expect(dirs).toContain(LOCK_MIGRATION);
      for (const dir of dirs) {
        const sql = readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8");
        if (dir < LOCK_MIGRATION) {
          await pg.exec(sql);
          continue;
        }
        const pieces = sql.split(";").map((p) => p.trim()).filter((p) => p.length > 0);
        for (const piece of pieces) await pg.query(piece);
        if (dir === LOCK_MIGRATION) break;
      }
      const triggers = await pg.query<{ t: string }>(`SELECT tgrelid::regclass::text AS t FROM pg_trigger WHERE tgname = 'minutes_lock' ORDER BY 1`);
      expect(triggers.rows.map((r) => r.t)).toEqual(
        ['"AgendaItem"', '"Attendance"', '"Decision"', '"Disqualification"', '"Meeting"', '"Minutes"', '"Proposal"', '"RoundTableContribution"'],
      );
      // The bodies came through whole: the trigger works.
      await pg.exec(`
        INSERT INTO "Council" ("id", "slug", "name", "shortName", "purpose", "updatedAt") VALUES ('c', 'c', 'C', 'C', '', now());
        INSERT INTO "Body" ("id", "councilId", "kind", "name", "abbreviation", "isPolitical", "updatedAt") VALUES ('b', 'c', 'ANNET', 'B', 'B', true, now());
        INSERT INTO "Meeting" ("id", "bodyId", "startsAt", "updatedAt") VALUES ('m', 'b', now(), now());
        INSERT INTO "Minutes" ("id", "meetingId", "status", "updatedAt") VALUES ('x', 'm', 'APPROVED', now());
      `);
      await expect(pg.query(`UPDATE "Minutes" SET "introduction" = 'endret' WHERE "id" = 'x'`)).rejects.toThrow(/minutes_locked: godkjent referat kan ikke endres/);
    } finally {
      await pg.close();
    }
  });
});

describe("approved minutes are locked in the database", () => {
  let t: TestDb;
  let db: PrismaClient;
  // A meeting built here with one row of every kind, then approved through the app's approveMinutes.
  let f: {
    meetingId: string;
    minutesId: string;
    itemId: string;
    emptyItemId: string; // an item without decision or round table
    decisionId: string;
    proposalId: string;
    disqualificationId: string;
    roundTableId: string;
    attendanceId: string;
    personId: string;
    otherPersonId: string;
    organizationId: string;
    otherOrganizationId: string;
    bodyId: string;
  };

  beforeAll(async () => {
    t = await createTestDb();
    db = t.db;
    await seedDemoData(db);
    const body = await db.body.findFirstOrThrow({ where: { abbreviation: "AU", council: { slug: "ringeriksregionen" } }, select: { id: true } });
    const [knut, inger] = await Promise.all([
      db.person.findFirstOrThrow({ where: { name: "Knut Martin Glesne" }, select: { id: true } }),
      db.person.findFirstOrThrow({ where: { name: "Inger Kammerud" }, select: { id: true } }),
    ]);
    const [hole, modum] = await Promise.all([
      db.organization.findFirstOrThrow({ where: { name: "Hole" }, select: { id: true } }),
      db.organization.findFirstOrThrow({ where: { name: "Modum" }, select: { id: true } }),
    ]);
    const meeting = await db.meeting.create({
      data: { bodyId: body.id, startsAt: new Date("2026-06-01T10:00:00Z"), endsAt: new Date("2026-06-01T12:00:00Z"), location: "Hole rådhus", status: "MINUTES_DRAFT" },
    });
    const minutes = await db.minutes.create({
      data: { meetingId: meeting.id, introduction: "Velkommen.", signedByChairId: knut.id, chairSignatureLabel: "møteleder" },
    });
    const item = await db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, title: "Runde rundt bordet", type: "RUNDE_RUNDT_BORDET" } });
    const emptyItem = await db.agendaItem.create({ data: { meetingId: meeting.id, position: 2, title: "Eventuelt", type: "EVENTUELT" } });
    const decision = await db.decision.create({ data: { agendaItemId: item.id, text: "Tatt til orientering", voting: "VOTERING" } });
    const proposal = await db.proposal.create({ data: { decisionId: decision.id, text: "Forslag A", votesFor: 5, adopted: true } });
    const disq = await db.disqualification.create({ data: { agendaItemId: item.id, personId: knut.id, basis: "fvl. § 6" } });
    const round = await db.roundTableContribution.create({ data: { agendaItemId: item.id, organizationId: hole.id, text: "Nytt fra Hole" } });
    const att = await db.attendance.create({ data: { meetingId: meeting.id, personId: knut.id, organizationId: hole.id, status: "PRESENT" } });

    const approved = await db.$transaction(
      (tx) => approveMinutes(tx, meeting.id, { method: "ELECTRONIC", byName: "Knut Martin Glesne", byUserId: null }, new Date("2026-06-02T08:00:00Z")),
      TX,
    );
    expect(approved.ok).toBe(true);
    f = {
      meetingId: meeting.id,
      minutesId: minutes.id,
      itemId: item.id,
      emptyItemId: emptyItem.id,
      decisionId: decision.id,
      proposalId: proposal.id,
      disqualificationId: disq.id,
      roundTableId: round.id,
      attendanceId: att.id,
      personId: knut.id,
      otherPersonId: inger.id,
      organizationId: hole.id,
      otherOrganizationId: modum.id,
      bodyId: body.id,
    };
  }, 180_000);
  afterAll(async () => t?.close());

  it("the approval itself went through and recorded the hash of the content", async () => {
    const m = await db.minutes.findUniqueOrThrow({ where: { id: f.minutesId } });
    expect(m).toMatchObject({ status: "APPROVED", approvalMethod: "ELECTRONIC", approvedVersion: 1, approvedByName: "Knut Martin Glesne" });
    const doc = await buildMinutesDocument(db, f.meetingId, "internal");
    expect(minutesContentHash(doc!)).toBe(m.contentHash);
  });

  it("refuses with an error the app can recognise", async () => {
    const err = await db.minutes.update({ where: { id: f.minutesId }, data: { introduction: "Endret" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).toMatch(/minutes_locked: godkjent referat kan ikke endres/);
  });

  describe("Minutes", () => {
    const changes: Record<string, unknown> = {
      status: "DRAFT",
      documentTitle: "Protokoll",
      introduction: "Endret innledning",
      approvedAt: new Date("2026-06-03T08:00:00Z"),
      approvalMethod: "NEXT_MEETING",
      approvedVersion: 7,
      contentHash: "0".repeat(64),
      signedByChairId: null,
      chairSignatureLabel: "leder",
      signedBySecretaryId: "__other__",
      secretarySignatureLabel: "sekretær",
      approvedByName: "Noen andre",
    };
    for (const [field, value] of Object.entries(changes)) {
      it(`refuses a change of ${field}`, async () => {
        const v = value === "__other__" ? f.otherPersonId : value;
        await expect(db.minutes.update({ where: { id: f.minutesId }, data: { [field]: v } })).rejects.toThrow(LOCKED);
      });
    }

    it("still lets publication change, and the version and updatedAt with it", async () => {
      await db.minutes.update({ where: { id: f.minutesId }, data: { publishedAt: null, version: { increment: 1 } } });
      await db.minutes.update({ where: { id: f.minutesId }, data: { publishedAt: new Date("2026-06-04T08:00:00Z") } });
      const m = await db.minutes.findUniqueOrThrow({ where: { id: f.minutesId } });
      expect(m.publishedAt?.toISOString()).toBe("2026-06-04T08:00:00.000Z");
      expect(m.version).toBe(2);
      expect(m.status).toBe("APPROVED");
    });

    it("refuses deleting them", async () => {
      await expect(db.minutes.delete({ where: { id: f.minutesId } })).rejects.toThrow(LOCKED);
    });

    it("still takes errata and comments", async () => {
      await db.minutesErratum.create({ data: { minutesId: f.minutesId, text: "Rettelse: navnet skal være Knut Martin Glesne." } });
      await db.minutesComment.create({ data: { minutesId: f.minutesId, authorName: "Inger Kammerud", text: "Notert." } });
      expect(await db.minutesErratum.count({ where: { minutesId: f.minutesId } })).toBe(1);
    });
  });

  describe("AgendaItem", () => {
    const changes: Record<string, unknown> = {
      title: "Ny tittel",
      type: "VEDTAKSSAK",
      presenter: "v/ noen",
      number: 99,
      year: 2026,
      seriesId: "__series__",
      status: "WITHDRAWN",
      isClosed: true,
      closedBasis: "kommuneloven § 11-5",
      noticeText: "Ny tekst",
      minutesNotes: "Nye notater",
      approvesMinutesOfId: "__minutes__",
      meetingId: "__meeting__",
    };
    for (const [field, value] of Object.entries(changes)) {
      it(`refuses a change of ${field}`, async () => {
        let v = value;
        if (value === "__series__") v = (await db.caseSeries.findFirstOrThrow({ select: { id: true } })).id;
        if (value === "__minutes__") v = (await db.minutes.findFirstOrThrow({ where: { id: { not: f.minutesId } }, select: { id: true } })).id;
        if (value === "__meeting__") v = (await db.meeting.findFirstOrThrow({ where: { startsAt: new Date("2027-01-18T13:00:00Z") }, select: { id: true } })).id;
        await expect(db.agendaItem.update({ where: { id: f.itemId }, data: { [field]: v } })).rejects.toThrow(LOCKED);
      });
    }

    it("leaves the columns outside the referat open (version, outcome)", async () => {
      await db.agendaItem.update({ where: { id: f.itemId }, data: { version: { increment: 1 }, outcome: "Tatt til orientering" } });
    });

    it("refuses adding an item, moving one in, and deleting one", async () => {
      await expect(db.agendaItem.create({ data: { meetingId: f.meetingId, position: 3, title: "Ettertanke", type: "ORIENTERINGSSAK" } })).rejects.toThrow(LOCKED);
      const open = await db.meeting.findFirstOrThrow({ where: { startsAt: new Date("2027-01-18T13:00:00Z") }, select: { id: true } });
      const outside = await db.agendaItem.create({ data: { meetingId: open.id, position: 90, title: "Flyttes", type: "ORIENTERINGSSAK" } });
      await expect(db.agendaItem.update({ where: { id: outside.id }, data: { meetingId: f.meetingId } })).rejects.toThrow(LOCKED);
      await db.agendaItem.delete({ where: { id: outside.id } });
      await expect(db.agendaItem.delete({ where: { id: f.emptyItemId } })).rejects.toThrow(LOCKED);
      expect(await db.agendaItem.count({ where: { meetingId: f.meetingId } })).toBe(2);
    });
  });

  describe("rows under the items, and attendance", () => {
    it("Decision: refuses insert, update and delete", async () => {
      await expect(db.decision.create({ data: { agendaItemId: f.emptyItemId, text: "Nytt vedtak" } })).rejects.toThrow(LOCKED);
      await expect(db.decision.update({ where: { id: f.decisionId }, data: { text: "Endret" } })).rejects.toThrow(LOCKED);
      await expect(db.decision.update({ where: { id: f.decisionId }, data: { version: { increment: 1 } } })).rejects.toThrow(LOCKED);
      await expect(db.decision.delete({ where: { id: f.decisionId } })).rejects.toThrow(LOCKED);
    });

    it("Proposal: refuses insert, update and delete", async () => {
      await expect(db.proposal.create({ data: { decisionId: f.decisionId, text: "Forslag B", position: 1 } })).rejects.toThrow(LOCKED);
      await expect(db.proposal.update({ where: { id: f.proposalId }, data: { votesFor: 6 } })).rejects.toThrow(LOCKED);
      await expect(db.proposal.delete({ where: { id: f.proposalId } })).rejects.toThrow(LOCKED);
    });

    it("Disqualification: refuses insert, update and delete", async () => {
      await expect(db.disqualification.create({ data: { agendaItemId: f.itemId, personId: f.otherPersonId, basis: "fvl. § 6" } })).rejects.toThrow(LOCKED);
      await expect(db.disqualification.update({ where: { id: f.disqualificationId }, data: { basis: "fvl. § 2" } })).rejects.toThrow(LOCKED);
      await expect(db.disqualification.delete({ where: { id: f.disqualificationId } })).rejects.toThrow(LOCKED);
    });

    it("RoundTableContribution: refuses insert, update and delete", async () => {
      await expect(db.roundTableContribution.create({ data: { agendaItemId: f.itemId, organizationId: f.otherOrganizationId, text: "Nytt fra Modum" } })).rejects.toThrow(LOCKED);
      await expect(db.roundTableContribution.update({ where: { id: f.roundTableId }, data: { text: "Endret" } })).rejects.toThrow(LOCKED);
      await expect(db.roundTableContribution.delete({ where: { id: f.roundTableId } })).rejects.toThrow(LOCKED);
    });

    it("Attendance: refuses insert, update and delete", async () => {
      await expect(db.attendance.create({ data: { meetingId: f.meetingId, personId: f.otherPersonId, status: "PRESENT" } })).rejects.toThrow(LOCKED);
      await expect(db.attendance.update({ where: { id: f.attendanceId }, data: { status: "ABSENT" } })).rejects.toThrow(LOCKED);
      await expect(db.attendance.delete({ where: { id: f.attendanceId } })).rejects.toThrow(LOCKED);
    });

    it("refuses moving a row from an open meeting into the locked one", async () => {
      const open = await db.meeting.findFirstOrThrow({ where: { startsAt: new Date("2027-01-18T13:00:00Z") }, select: { id: true } });
      const a = await db.attendance.create({ data: { meetingId: open.id, personId: f.otherPersonId, status: "PRESENT" } });
      await expect(db.attendance.update({ where: { id: a.id }, data: { meetingId: f.meetingId } })).rejects.toThrow(LOCKED);
      await db.attendance.delete({ where: { id: a.id } });
    });

    it("nothing changed", async () => {
      const m = await db.meeting.findUniqueOrThrow({
        where: { id: f.meetingId },
        select: {
          attendances: { select: { id: true, status: true } },
          items: { orderBy: { position: "asc" }, select: { title: true, decision: { select: { text: true, proposals: { select: { votesFor: true } } } }, disqualifications: { select: { basis: true } }, roundTable: { select: { text: true } } } },
        },
      });
      expect(m.attendances).toEqual([{ id: f.attendanceId, status: "PRESENT" }]);
      expect(m.items[0]).toEqual({
        title: "Runde rundt bordet",
        decision: { text: "Tatt til orientering", proposals: [{ votesFor: 5 }] },
        disqualifications: [{ basis: "fvl. § 6" }],
        roundTable: [{ text: "Nytt fra Hole" }],
      });
    });
  });

  describe("Meeting", () => {
    it("refuses moving the time or the place", async () => {
      await expect(db.meeting.update({ where: { id: f.meetingId }, data: { startsAt: new Date("2026-06-01T11:00:00Z") } })).rejects.toThrow(LOCKED);
      await expect(db.meeting.update({ where: { id: f.meetingId }, data: { endsAt: null } })).rejects.toThrow(LOCKED);
      await expect(db.meeting.update({ where: { id: f.meetingId }, data: { location: "Et annet sted" } })).rejects.toThrow(LOCKED);
    });

    it("lets the rest of the meeting row change", async () => {
      await db.meeting.update({ where: { id: f.meetingId }, data: { title: "Arbeidsutvalget", version: { increment: 1 } } });
    });

    it("refuses deleting the meeting, through the cascade to its minutes", async () => {
      await expect(db.meeting.delete({ where: { id: f.meetingId } })).rejects.toThrow(LOCKED);
      expect(await db.meeting.count({ where: { id: f.meetingId } })).toBe(1);
      expect(await db.agendaItem.count({ where: { meetingId: f.meetingId } })).toBe(2);
    });

    it("still lets a meeting without approved minutes be deleted", async () => {
      const m = await db.meeting.create({ data: { bodyId: f.bodyId, startsAt: new Date("2026-09-01T10:00:00Z") } });
      await db.minutes.create({ data: { meetingId: m.id } });
      const item = await db.agendaItem.create({ data: { meetingId: m.id, position: 1, title: "Sak", type: "VEDTAKSSAK" } });
      await db.decision.create({ data: { agendaItemId: item.id, text: "Vedtak" } });
      await db.meeting.delete({ where: { id: m.id } });
      expect(await db.agendaItem.count({ where: { id: item.id } })).toBe(0);
    });
  });

  it("locks the seeded, approved minutes of 17 January 2022", async () => {
    const m = await db.meeting.findFirstOrThrow({
      where: { startsAt: new Date("2022-01-17T13:00:00Z") },
      select: { id: true, minutes: { select: { id: true } }, items: { where: { number: 4 }, select: { id: true, decision: { select: { id: true } } } } },
    });
    await expect(db.decision.update({ where: { id: m.items[0].decision!.id }, data: { text: "Endret" } })).rejects.toThrow(LOCKED);
    await expect(db.agendaItem.update({ where: { id: m.items[0].id }, data: { minutesNotes: "" } })).rejects.toThrow(LOCKED);
    await expect(db.minutes.update({ where: { id: m.minutes!.id }, data: { status: "SENT_FOR_COMMENT" } })).rejects.toThrow(LOCKED);
  });

  it("leaves draft minutes open: content, items, decisions and attendance can change", async () => {
    const m = await db.meeting.create({
      data: { bodyId: f.bodyId, startsAt: new Date("2026-10-01T10:00:00Z"), location: "Modum rådhus", status: "MINUTES_DRAFT" },
    });
    const minutes = await db.minutes.create({ data: { meetingId: m.id, introduction: "Utkast" } });
    await db.minutes.update({
      where: { id: minutes.id },
      data: { introduction: "Utkast, endret", documentTitle: "Protokoll", signedByChairId: f.personId, chairSignatureLabel: "møteleder", status: "SENT_FOR_COMMENT" },
    });
    const item = await db.agendaItem.create({ data: { meetingId: m.id, position: 1, title: "Sak", type: "VEDTAKSSAK" } });
    await db.agendaItem.update({ where: { id: item.id }, data: { title: "Sak, endret", minutesNotes: "Notater", isClosed: true, closedBasis: "kommuneloven § 11-5" } });
    const d = await db.decision.create({ data: { agendaItemId: item.id, text: "Vedtak" } });
    await db.decision.update({ where: { id: d.id }, data: { text: "Vedtak, endret", voting: "VOTERING" } });
    const p = await db.proposal.create({ data: { decisionId: d.id, text: "Forslag" } });
    await db.proposal.update({ where: { id: p.id }, data: { votesFor: 3 } });
    await db.disqualification.create({ data: { agendaItemId: item.id, personId: f.personId, basis: "fvl. § 6" } });
    await db.roundTableContribution.create({ data: { agendaItemId: item.id, organizationId: f.organizationId, text: "Innspill" } });
    const a = await db.attendance.create({ data: { meetingId: m.id, personId: f.personId, status: "PRESENT" } });
    await db.attendance.update({ where: { id: a.id }, data: { status: "REMOTE" } });
    await db.meeting.update({ where: { id: m.id }, data: { location: "Teams", startsAt: new Date("2026-10-01T11:00:00Z") } });
    await db.proposal.delete({ where: { id: p.id } });
    await db.agendaItem.delete({ where: { id: item.id } });
    const after = await db.minutes.findUniqueOrThrow({ where: { id: minutes.id } });
    expect(after).toMatchObject({ introduction: "Utkast, endret", documentTitle: "Protokoll", status: "SENT_FOR_COMMENT" });

    // And once approved, the same meeting is locked.
    await db.minutes.update({ where: { id: minutes.id }, data: { status: "APPROVED", approvedAt: new Date(), approvalMethod: "ELECTRONIC" } });
    await expect(db.attendance.update({ where: { id: a.id }, data: { status: "PRESENT" } })).rejects.toThrow(LOCKED);
  });
});
