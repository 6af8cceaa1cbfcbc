import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import { queueFollowUpReminders } from "@/lib/follow-up/reminders";
import { applyStatusUpdate } from "@/lib/follow-up/editing";
import { updateStatusSchema } from "@/lib/follow-up/schemas";
import { followUpRowsForMeeting, parseFollowUpSnapshot } from "@/lib/follow-up/snapshot";
import { addFollowUpListItem } from "@/lib/meetings/agenda";
import { sendNotice } from "@/lib/meetings/send-notice";
import { buildNoticeDocument } from "@/lib/meetings/notice";
import { startMinutes } from "@/lib/minutes/editing";
import { buildMinutesDocument } from "@/lib/minutes/build";
import { minutesContentHash } from "@/lib/minutes/content-hash";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "@/lib/server/db-adapter";

const TX = { maxWait: 60_000, timeout: 60_000 };
const BASE_URL = "https://ipr.example";
const DAY = 86_400_000;

// Runs on PGlite and, in the second test stage, on PostgreSQL (TEST_DATABASE_URL), where the
// concurrent runs below are separate connections racing for the same outbox rows.
describe("follow-up", () => {
  let t: TestDb;
  let itemId: string;
  let personIds: string[];

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    // An open demo item with people responsible: give every one of them an address.
    const item = await t.db.actionItem.findFirstOrThrow({
      where: { status: { in: ["OPEN", "IN_PROGRESS"] }, assignees: { some: { personId: { not: null } } } },
      orderBy: { createdAt: "asc" },
      select: { id: true, assignees: { select: { personId: true } } },
    });
    itemId = item.id;
    personIds = item.assignees.map((a) => a.personId!).filter(Boolean);
    for (const [i, id] of personIds.entries()) {
      const p = await t.db.person.findUniqueOrThrow({ where: { id }, select: { email: true } });
      if (!p.email) await t.db.person.update({ where: { id }, data: { email: `ansvarlig${i}@kommune.example` } });
    }
    // Only this item is due in the test's window.
    await t.db.actionItem.updateMany({ where: { id: { not: itemId } }, data: { dueDate: null } });
  }, 120_000);
  afterAll(async () => t?.close());

  const reminderRows = () => t.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "reminder:" } }, select: { dedupeKey: true, toAddress: true, subject: true } });

  describe("reminders", () => {
    const now = new Date("2027-03-01T08:00:00Z");

    it("queues one reminder per responsible person, also when two runs race and after a restart", async () => {
      await t.db.actionItem.update({ where: { id: itemId }, data: { dueDate: new Date("2027-03-04T00:00:00Z") } });
      const run = (db: typeof t.db) => queueFollowUpReminders(db, { now, daysBefore: 7, baseUrl: BASE_URL });
      // Two instances at the same moment.
      const [a, b] = await Promise.all([run(t.db), run(t.db)]);
      expect(a.queued + b.queued).toBe(personIds.length);
      // A restart: a new process with its own database connection (on PostgreSQL), nothing in memory.
      let restarted = t.db;
      let closeRestarted = async () => {};
      if (t.url) {
        const handle = await createAdapter({ kind: "postgres", url: t.url });
        restarted = new PrismaClient({ adapter: handle.factory });
        closeRestarted = async () => {
          await restarted.$disconnect();
          await handle.close();
        };
      }
      const c = await run(restarted);
      await closeRestarted();
      expect(c.queued).toBe(0);
      const rows = await reminderRows();
      expect(rows).toHaveLength(personIds.length);
      expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(personIds.length);
      expect(rows.every((r) => r.subject.startsWith("Frist 4. mars 2027:"))).toBe(true);
    });

    it("reminds once more when the item is overdue, and a moved due date is a new reminder", async () => {
      const later = new Date(now.getTime() + 5 * DAY);
      const first = await queueFollowUpReminders(t.db, { now: later, daysBefore: 7, baseUrl: BASE_URL });
      expect(first.queued).toBe(personIds.length);
      expect((await queueFollowUpReminders(t.db, { now: later, daysBefore: 7, baseUrl: BASE_URL })).queued).toBe(0);
      expect((await reminderRows()).filter((r) => r.subject.startsWith("Forfalt"))).toHaveLength(personIds.length);
      await t.db.actionItem.update({ where: { id: itemId }, data: { dueDate: new Date("2027-03-10T00:00:00Z") } });
      expect((await queueFollowUpReminders(t.db, { now: later, daysBefore: 7, baseUrl: BASE_URL })).queued).toBe(personIds.length);
    });

    it("skips people who opted out, and items that are done", async () => {
      const optedOut = await t.db.user.findFirst({ where: { personId: { in: personIds } }, select: { id: true, personId: true } });
      await t.db.actionItem.update({ where: { id: itemId }, data: { dueDate: new Date("2027-03-20T00:00:00Z") } });
      const at = new Date("2027-03-15T08:00:00Z");
      if (optedOut) await t.db.user.update({ where: { id: optedOut.id }, data: { remindersOptOut: true } });
      const r = await queueFollowUpReminders(t.db, { now: at, daysBefore: 7, baseUrl: BASE_URL });
      expect(r.queued).toBe(personIds.length - (optedOut ? 1 : 0));
      expect(r.skippedOptOut).toBe(optedOut ? 1 : 0);
      if (optedOut) await t.db.user.update({ where: { id: optedOut.id }, data: { remindersOptOut: false } });
      await t.db.actionItem.update({ where: { id: itemId }, data: { dueDate: new Date("2027-03-21T00:00:00Z"), status: "DONE" } });
      expect((await queueFollowUpReminders(t.db, { now: at, daysBefore: 7, baseUrl: BASE_URL })).considered).toBe(0);
      await t.db.actionItem.update({ where: { id: itemId }, data: { status: "IN_PROGRESS", dueDate: null } });
    });

    it("reminds accounts only while they may read the council's follow-up, and people without one at their own address", async () => {
      const { councilId } = await t.db.actionItem.findUniqueOrThrow({ where: { id: itemId }, select: { councilId: true } });
      const other = await t.db.council.create({ data: { slug: "annet-rad-paaminnelser", name: "Et annet råd" }, select: { id: true } });
      const person = (name: string, email: string) => t.db.person.create({ data: { name, email }, select: { id: true } });
      const active = await person("Aktiv Bruker", "aktiv.person@kommune.example");
      const disabled = await person("Deaktivert Bruker", "deaktivert.person@kommune.example");
      const removed = await person("Fjernet Bruker", "fjernet.person@kommune.example");
      const noAccount = await person("Uten Konto", "uten.konto@kommune.example");
      await t.db.user.create({ data: { email: "aktiv@kommune.example", name: "Aktiv Bruker", personId: active.id, roles: { create: { councilId, role: "MEMBER" } } } });
      await t.db.user.create({ data: { email: "deaktivert@kommune.example", name: "Deaktivert Bruker", personId: disabled.id, isDisabled: true, roles: { create: { councilId, role: "MEMBER" } } } });
      // Their role in the item's council is gone; one elsewhere gives no access to this item.
      await t.db.user.create({ data: { email: "fjernet@kommune.example", name: "Fjernet Bruker", personId: removed.id, roles: { create: { councilId: other.id, role: "SECRETARIAT" } } } });
      const item = await t.db.actionItem.create({
        data: {
          councilId,
          title: "Påminnelse om tilgang",
          dueDate: new Date("2027-04-05T00:00:00Z"),
          assignees: { create: [active, disabled, removed, noAccount].map((p) => ({ personId: p.id })) },
        },
        select: { id: true },
      });
      try {
        const r = await queueFollowUpReminders(t.db, { now: new Date("2027-04-01T08:00:00Z"), daysBefore: 7, baseUrl: BASE_URL });
        expect(r).toMatchObject({ considered: 4, queued: 2, skippedNoAccess: 2 });
        const rows = await t.db.outboxMessage.findMany({ where: { dedupeKey: { contains: `:${item.id}:` } }, select: { toAddress: true } });
        expect(rows.map((m) => m.toAddress).sort()).toEqual(["aktiv@kommune.example", "uten.konto@kommune.example"]);
      } finally {
        await t.db.actionItem.delete({ where: { id: item.id } });
      }
    });
  });

  it("reaches an item coming due behind thousands of long-overdue ones", async () => {
    const { councilId } = await t.db.actionItem.findUniqueOrThrow({ where: { id: itemId }, select: { councilId: true } });
    // Twenty years of open items nobody closed, all due long ago: more than one read of the run.
    await t.db.actionItem.createMany({ data: Array.from({ length: 5_001 }, (_, i) => ({ councilId, title: `Gammel oppgave ${i}`, dueDate: new Date(Date.UTC(2007, 0, 1 + (i % 3000))) })) });
    try {
      await t.db.actionItem.update({ where: { id: itemId }, data: { dueDate: new Date("2027-05-04T00:00:00Z") } });
      const r = await queueFollowUpReminders(t.db, { now: new Date("2027-05-01T08:00:00Z"), daysBefore: 7, baseUrl: BASE_URL });
      expect(r).toMatchObject({ considered: personIds.length, queued: personIds.length });
      expect((await reminderRows()).filter((m) => m.dedupeKey?.endsWith(`:${itemId}:${personIds[0]}:2027-05-04`))).toHaveLength(1);
    } finally {
      await t.db.actionItem.deleteMany({ where: { title: { startsWith: "Gammel oppgave " } } });
      await t.db.actionItem.update({ where: { id: itemId }, data: { dueDate: null } });
    }
  }, 60_000);

  describe("status updates", () => {
    it("the second of two editors with the same version gets a conflict, and nothing is overwritten", async () => {
      const { version, status } = await t.db.actionItem.findUniqueOrThrow({ where: { id: itemId }, select: { version: true, status: true } });
      const form = (comment: string) => updateStatusSchema.parse({ actionItemId: itemId, version: String(version), status, currentStatus: status, comment });
      const [a, b] = await Promise.all([
        t.db.$transaction((tx) => applyStatusUpdate(tx, form("Notat fra koordinatoren"), "u1"), TX),
        t.db.$transaction((tx) => applyStatusUpdate(tx, form("Notat fra sekretariatet"), "u2"), TX),
      ]);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      const after = await t.db.actionItem.findUniqueOrThrow({ where: { id: itemId }, select: { version: true, events: { where: { comment: { startsWith: "Notat fra" } }, select: { comment: true } } } });
      expect(after.version).toBe(version + 1);
      expect(after.events).toHaveLength(1);
    });

    it("closing as done needs an outcome note, and records who, when and the result", async () => {
      const { version, status } = await t.db.actionItem.findUniqueOrThrow({ where: { id: itemId }, select: { version: true, status: true } });
      const bad = updateStatusSchema.safeParse({ actionItemId: itemId, version: String(version), status: "DONE", currentStatus: status, outcomeNote: "" });
      expect(bad.success).toBe(false);
      expect(bad.error?.issues[0]).toMatchObject({ path: ["outcomeNote"], message: "Skriv kort hva som ble resultatet før du lukker oppgaven." });
      // A form that claims the item is already done cannot skip the outcome: the stored status counts.
      const forged = updateStatusSchema.parse({ actionItemId: itemId, version: String(version), status: "DONE", currentStatus: "DONE", comment: "Ferdig" });
      expect(await t.db.$transaction((tx) => applyStatusUpdate(tx, forged, "u1"), TX)).toEqual({ ok: false, reason: "outcome-required" });
      const ok = updateStatusSchema.parse({ actionItemId: itemId, version: String(version), status: "DONE", currentStatus: status, outcomeNote: "Avklart i møte med Hole." });
      const at = new Date("2027-01-10T09:00:00Z");
      expect((await t.db.$transaction((tx) => applyStatusUpdate(tx, ok, "u1", at), TX)).ok).toBe(true);
      const row = await t.db.actionItem.findUniqueOrThrow({ where: { id: itemId }, select: { status: true, closedAt: true, outcomeNote: true, events: { orderBy: { at: "desc" }, take: 1, select: { fromStatus: true, toStatus: true, userId: true, comment: true } } } });
      expect(row).toMatchObject({ status: "DONE", closedAt: at, outcomeNote: "Avklart i møte med Hole." });
      expect(row.events[0]).toMatchObject({ fromStatus: status, toStatus: "DONE", userId: "u1", comment: "Resultat: Avklart i møte med Hole." });
    });
  });

  describe("Oppfølging av vedtak", () => {
    it("lists the body's items in the notice and the minutes, frozen as of the sending", async () => {
      // The AU meeting of 18 January 2027; the item above (from AU 17 January 2022) was just closed.
      const meeting = await t.db.meeting.findFirstOrThrow({ where: { startsAt: new Date("2027-01-18T13:00:00Z") }, select: { id: true } });
      const item = await t.db.$transaction((tx) => addFollowUpListItem(tx, meeting.id), TX);
      expect(item).not.toBeNull();
      expect(await t.db.$transaction((tx) => addFollowUpListItem(tx, meeting.id), TX)).toBeNull();

      // A follow-up item from an exempt case of the same body: listed internally, never publicly.
      const origin = await t.db.actionItem.findUniqueOrThrow({ where: { id: itemId }, select: { councilId: true, meetingId: true } });
      const exemptCase = await t.db.case.create({ data: { councilId: origin.councilId, year: 2026, title: "Personalsak", type: "VEDTAKSSAK", isExempt: true, exemptionBasis: "offl. § 13" } });
      const exemptItem = await t.db.actionItem.create({ data: { councilId: origin.councilId, meetingId: origin.meetingId, caseId: exemptCase.id, title: "Følge opp personalsaken" } });

      const sentAt = new Date("2027-01-11T09:00:00Z");
      const sent = await sendNotice(t.db, { meetingId: meeting.id, userId: null, actor: "sekretariat@ipr.example", baseUrl: BASE_URL, now: sentAt });
      expect(sent.ok).toBe(true);
      const stored = await t.db.agendaItem.findUniqueOrThrow({ where: { id: item!.id }, select: { followUpSnapshot: true, followUpAsOf: true } });
      expect(stored.followUpAsOf).toEqual(sentAt);
      const frozen = parseFollowUpSnapshot(stored.followUpSnapshot)!;
      const closed = frozen.find((r) => r.id === itemId);
      expect(closed).toMatchObject({ status: "DONE", outcomeNote: "Avklart i møte med Hole.", caseLabel: expect.stringMatching(/^Sak \d+\/22$/) });

      // Reopened after the notice: the notice and the minutes still show the status as sent.
      const { version } = await t.db.actionItem.findUniqueOrThrow({ where: { id: itemId }, select: { version: true } });
      await t.db.$transaction((tx) => applyStatusUpdate(tx, updateStatusSchema.parse({ actionItemId: itemId, version: String(version), status: "IN_PROGRESS", currentStatus: "DONE", comment: "Gjenåpnet" }), "u1"), TX);
      const live = (await followUpRowsForMeeting(t.db, meeting.id, new Date())).find((r) => r.id === itemId);
      expect(live).toMatchObject({ status: "IN_PROGRESS", outcomeNote: null });

      const notice = await buildNoticeDocument(t.db, meeting.id, { audience: "public" });
      const listed = notice!.items.find((i) => i.title === "Oppfølging av vedtak")!;
      expect(listed.followUp).toMatchObject({ frozen: true, asOf: sentAt });
      expect(listed.followUp!.rows.find((r) => r.id === itemId)?.status).toBe("DONE");
      expect(listed.followUp!.rows.map((r) => r.id)).not.toContain(exemptItem.id);
      const internal = await buildNoticeDocument(t.db, meeting.id, { audience: "internal" });
      expect(internal!.items.find((i) => i.title === "Oppfølging av vedtak")!.followUp!.rows.map((r) => r.id)).toContain(exemptItem.id);

      await t.db.$transaction((tx) => startMinutes(tx, meeting.id), TX);
      const minutes = await buildMinutesDocument(t.db, meeting.id, "internal");
      const inMinutes = minutes!.items.find((i) => i.title === "Oppfølging av vedtak")!;
      expect(inMinutes.followUpList?.rows.find((r) => r.id === itemId)?.status).toBe("DONE");
      expect(inMinutes.decision?.text).toBe("Informasjonen tas til orientering");
      const publicMinutes = await buildMinutesDocument(t.db, meeting.id, "public");
      const publicRows = publicMinutes!.items.find((i) => i.title === "Oppfølging av vedtak")!.followUpList!.rows.map((r) => r.id);
      expect(publicRows).toContain(itemId);
      expect(publicRows).not.toContain(exemptItem.id);
    });
  });

  it("prints follow-up from an item without a decision under that item, and the approved minutes still verify", async () => {
    // Sak 7/22 (Eventuelt, 17 January 2022) has no decision; two tasks came out of it.
    const meeting = await t.db.meeting.findFirstOrThrow({ where: { startsAt: new Date("2022-01-17T13:00:00Z") }, select: { id: true } });
    const doc = (await buildMinutesDocument(t.db, meeting.id, "internal"))!;
    const sak7 = doc.items.find((i) => i.numberLabel === "Sak 7/22")!;
    expect(sak7.decision).toBeNull();
    expect(sak7.actionItems.map((a) => a.title)).toEqual(["Grønt fagsenter – Inger kaller inn IPRet i outlook", "Inger og Steinar Aasnæss tilbyr å orientere kommunestyrene om NPS"]);
    // Each task once, under its own item only.
    const all = doc.items.flatMap((i) => i.actionItems.map((a) => a.title));
    expect(all.filter((x) => x.startsWith("Grønt fagsenter"))).toHaveLength(1);
    expect(doc.approval?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(minutesContentHash(doc)).toBe(doc.approval!.contentHash);
    const pub = (await buildMinutesDocument(t.db, meeting.id, "public"))!;
    expect(pub.items.find((i) => i.numberLabel === "Sak 7/22")!.actionItems).toHaveLength(2);
  });

  it("keeps the item's council on each assignment, for the filter's list of people", async () => {
    // Assignments whose copy differs from their item's council (the column is not in the client).
    const wrong = () =>
      t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ActionItemAssignee" x JOIN "ActionItem" a ON a."id" = x."actionItemId"
        WHERE x."councilId" IS DISTINCT FROM a."councilId"`.then((r) => r[0].n);
    // The people of a council's items, found through the items and through the copy.
    const people = async (councilId: string) => {
      const viaItems = await t.db.$queryRaw<{ id: string }[]>`SELECT DISTINCT x."personId" AS id FROM "ActionItem" a
        JOIN "ActionItemAssignee" x ON x."actionItemId" = a."id" WHERE a."councilId" = ${councilId} AND x."personId" IS NOT NULL ORDER BY 1`;
      const viaCopy = await t.db.$queryRaw<{ id: string }[]>`SELECT DISTINCT x."personId" AS id FROM "ActionItemAssignee" x
        WHERE x."councilId" = ${councilId} AND x."personId" IS NOT NULL ORDER BY 1`;
      expect(viaCopy).toEqual(viaItems);
      return viaCopy.map((r) => r.id);
    };
    expect(await wrong()).toBe(0);
    const item = await t.db.actionItem.findUniqueOrThrow({ where: { id: itemId }, select: { councilId: true, meetingId: true } });
    expect((await people(item.councilId)).length).toBeGreaterThan(0);
    const other = await t.db.council.findFirstOrThrow({ where: { id: { not: item.councilId } }, select: { id: true } });
    const person = await t.db.person.create({ data: { name: "Oda Oppfølgingsen" } });

    const moved = await t.db.actionItem.create({ data: { councilId: item.councilId, meetingId: item.meetingId, title: "Flyttes til et annet råd" } });
    await t.db.actionItemAssignee.create({ data: { actionItemId: moved.id, personId: person.id } });
    expect(await people(item.councilId)).toContain(person.id);
    // A write of the copy itself is overwritten from the item.
    await t.db.$executeRaw`UPDATE "ActionItemAssignee" SET "councilId" = ${other.id} WHERE "actionItemId" = ${moved.id}`;
    expect(await wrong()).toBe(0);
    // The item moves to another council, and back.
    await t.db.actionItem.update({ where: { id: moved.id }, data: { councilId: other.id } });
    expect(await wrong()).toBe(0);
    expect(await people(item.councilId)).not.toContain(person.id);
    expect(await people(other.id)).toContain(person.id);
    // The assignment moves to an item of the first council.
    const assignment = await t.db.actionItemAssignee.findFirstOrThrow({ where: { actionItemId: moved.id }, select: { id: true } });
    await t.db.actionItemAssignee.update({ where: { id: assignment.id }, data: { actionItemId: itemId } });
    expect(await wrong()).toBe(0);
    expect(await people(item.councilId)).toContain(person.id);
    await t.db.actionItemAssignee.delete({ where: { id: assignment.id } });
    await t.db.actionItem.delete({ where: { id: moved.id } });
    expect(await people(item.councilId)).not.toContain(person.id);
  });
});
