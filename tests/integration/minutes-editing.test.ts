import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import { EXEMPT_DEMO_MARKER } from "@/prisma/seed/demo-data";
import {
  approveMinutes,
  attendanceFingerprint,
  createActionFromDecision,
  MinutesLockedError,
  readItemMinutes,
  saveAttendanceRegister,
  saveItemMinutes,
  sendMinutesForComment,
  startMinutes,
} from "@/lib/minutes/editing";
import { buildMinutesDocument } from "@/lib/minutes/build";
import { minutesContentHash } from "@/lib/minutes/content-hash";
import { itemMinutesSchema } from "@/lib/minutes/schemas";

const TX = { maxWait: 60_000, timeout: 60_000 };

// Runs on PGlite and, in the second test stage, on PostgreSQL (TEST_DATABASE_URL), where the two
// editors below really are two concurrent connections.
describe("writing minutes", () => {
  let t: TestDb;
  let meetingId: string; // AU 18 January 2027: planned, with the standard items
  // Its minutes are sent and approved as if the meeting had been held: the evening of the meeting day.
  const HELD = new Date("2027-01-18T17:00:00Z");
  let exemptMeetingId: string; // IPR 7 February 2022: holds the exempt demo case

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    meetingId = (await t.db.meeting.findFirstOrThrow({ where: { startsAt: new Date("2027-01-18T13:00:00Z") }, select: { id: true } })).id;
    exemptMeetingId = (await t.db.meeting.findFirstOrThrow({ where: { startsAt: new Date("2022-02-07T08:00:00Z") }, select: { id: true } })).id;
  }, 120_000);
  afterAll(async () => t?.close());

  const itemByTitle = (mId: string, title: RegExp) =>
    t.db.agendaItem.findMany({ where: { meetingId: mId, status: "ACTIVE" }, select: { id: true, title: true } }).then((rows) => {
      const row = rows.find((r) => title.test(r.title));
      if (!row) throw new Error(`no item ${title}`);
      return row.id;
    });

  const input = (itemId: string, version: number, notes: string, decisionText = "") =>
    itemMinutesSchema.parse({ itemId, version, notes, decisionKind: "VEDTAK", decisionText, voting: "NONE", proposals: [], disqualifications: [] });

  it("starts the minutes from the body's membership, with standard decisions and signers", async () => {
    const r = await t.db.$transaction((tx) => startMinutes(tx, meetingId), TX);
    expect(r.created).toBe(true);
    const attendances = await t.db.attendance.findMany({ where: { meetingId }, select: { status: true, person: { select: { name: true } }, organization: { select: { name: true } } } });
    const names = attendances.map((a) => a.person.name);
    expect(names).toContain("Knut Martin Glesne");
    expect(names).toContain("Torger Ødegaard");
    expect(attendances.every((a) => a.status === "PRESENT")).toBe(true);
    const innkalling = await itemByTitle(meetingId, /innkalling/i);
    expect((await t.db.decision.findUnique({ where: { agendaItemId: innkalling }, select: { text: true } }))?.text).toBe("Innkallingen godkjennes");
    const m = await t.db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { status: true, minutes: { select: { status: true, signedByChairId: true } } } });
    expect(m.status).toBe("MINUTES_DRAFT");
    expect(m.minutes?.status).toBe("DRAFT");
    expect(m.minutes?.signedByChairId).not.toBeNull();
    // Opening again changes nothing.
    expect((await t.db.$transaction((tx) => startMinutes(tx, meetingId), TX)).created).toBe(false);
    expect(await t.db.attendance.count({ where: { meetingId } })).toBe(attendances.length);
  });

  it("does not propose a leader who sent forfall as the chair who signs", async () => {
    const m = await t.db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { bodyId: true, startsAt: true } });
    // A meeting of the same body a week later, so the same members are invited.
    const other = await t.db.meeting.create({ data: { bodyId: m.bodyId, startsAt: new Date(m.startsAt.getTime() + 7 * 86_400_000), status: "NOTICE_SENT" }, select: { id: true } });
    const leaderIds = (await t.db.bodyMembership.findMany({ where: { bodyId: m.bodyId, role: "LEDER" }, select: { personId: true } })).map((x) => x.personId);
    for (const [i, personId] of leaderIds.entries()) {
      await t.db.invitation.create({ data: { meetingId: other.id, personId, token: `forfall-leder-${i}`, response: "ABSENT", respondedAt: new Date() } });
    }
    await t.db.$transaction((tx) => startMinutes(tx, other.id), TX);
    const minutes = await t.db.minutes.findUniqueOrThrow({ where: { meetingId: other.id }, select: { signedByChairId: true } });
    expect(leaderIds.length).toBeGreaterThan(0);
    expect(leaderIds).not.toContain(minutes.signedByChairId);
  });

  it("two editors saving the same item on the same version: one wins, the other gets a conflict with the saved text", async () => {
    const itemId = await itemByTitle(meetingId, /Eventuelt/);
    const { version } = await t.db.$transaction((tx) => readItemMinutes(tx, itemId), TX);
    const [a, b] = await Promise.all([
      t.db.$transaction((tx) => saveItemMinutes(tx, input(itemId, version, "Notat fra redaktør A")), TX),
      t.db.$transaction((tx) => saveItemMinutes(tx, input(itemId, version, "Notat fra redaktør B")), TX),
    ]);
    const results = [a, b];
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winnerText = a.ok ? "Notat fra redaktør A" : "Notat fra redaktør B";
    const loser = losers[0];
    if (loser.ok) throw new Error("unreachable");
    // The loser is told what is saved now, and nothing of the winner's was overwritten.
    expect(loser.conflict.notes).toBe(winnerText);
    expect(loser.conflict.version).toBe(version + 1);
    const saved = await t.db.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { minutesNotes: true, version: true } });
    expect(saved).toEqual({ minutesNotes: winnerText, version: version + 1 });

    // The loser saves again on the version it was shown: now it goes through.
    const retry = await t.db.$transaction((tx) => saveItemMinutes(tx, input(itemId, loser.conflict.version, `${winnerText}\n\nTillegg fra den andre`)), TX);
    expect(retry.ok).toBe(true);
  });

  it("a stale save after another save is refused", async () => {
    const itemId = await itemByTitle(meetingId, /innkalling/i);
    const { version } = await t.db.$transaction((tx) => readItemMinutes(tx, itemId), TX);
    expect((await t.db.$transaction((tx) => saveItemMinutes(tx, input(itemId, version, "Første", "Innkallingen godkjennes")), TX)).ok).toBe(true);
    const stale = await t.db.$transaction((tx) => saveItemMinutes(tx, input(itemId, version, "Gammel fane", "Noe annet")), TX);
    expect(stale.ok).toBe(false);
    const d = await t.db.decision.findUniqueOrThrow({ where: { agendaItemId: itemId }, select: { text: true } });
    expect(d.text).toBe("Innkallingen godkjennes");
  });

  it("keeps an emptied decision that plan tags hang on, so retyping it keeps them; an emptied decision with nothing on it goes", async () => {
    const itemId = await itemByTitle(meetingId, /innkalling/i);
    const decision = await t.db.decision.findUniqueOrThrow({ where: { agendaItemId: itemId }, select: { id: true } });
    const area = await t.db.focusArea.findFirstOrThrow({ select: { id: true } });
    await t.db.decisionTag.create({ data: { decisionId: decision.id, focusAreaId: area.id } });
    const save = async (text: string) => {
      const { version } = await t.db.$transaction((tx) => readItemMinutes(tx, itemId), TX);
      expect((await t.db.$transaction((tx) => saveItemMinutes(tx, input(itemId, version, "Første", text)), TX)).ok).toBe(true);
    };
    // The secretary empties the field to rewrite it; the autosave runs in between.
    await save("");
    expect(await t.db.decision.findUnique({ where: { agendaItemId: itemId }, select: { id: true, text: true } })).toEqual({ id: decision.id, text: "" });
    await save("Innkallingen godkjennes");
    expect(await t.db.decisionTag.count({ where: { decisionId: decision.id } })).toBe(1);
    await t.db.decisionTag.deleteMany({ where: { decisionId: decision.id } });
    await save("");
    expect(await t.db.decision.findUnique({ where: { agendaItemId: itemId } })).toBeNull();
    await save("Innkallingen godkjennes");
  });

  it("saves voting with proposals and inhabilitet", async () => {
    const itemId = await itemByTitle(meetingId, /Eventuelt/);
    const { version } = await t.db.$transaction((tx) => readItemMinutes(tx, itemId), TX);
    const person = await t.db.attendance.findFirstOrThrow({ where: { meetingId }, select: { personId: true } });
    const r = await t.db.$transaction(
      (tx) =>
        saveItemMinutes(
          tx,
          itemMinutesSchema.parse({
            itemId,
            version,
            notes: "Votering",
            decisionKind: "VEDTAK",
            decisionText: "Forslag A vedtas",
            voting: "VOTERING",
            proposals: [
              { proposedBy: "Hole", text: "Forslag A", votesFor: "6", votesAgainst: "4", votersFor: "Hole, Modum", adopted: true },
              { proposedBy: "Ringerike", text: "Forslag B", votesFor: 4, votesAgainst: 6, votersFor: null, adopted: false },
            ],
            disqualifications: [{ personId: person.personId, basis: "fvl. § 6 første ledd" }],
          }),
        ),
      TX,
    );
    expect(r.ok).toBe(true);
    const state = await t.db.$transaction((tx) => readItemMinutes(tx, itemId), TX);
    expect(state.voting).toBe("VOTERING");
    expect(state.proposals.map((p) => [p.text, p.votesFor, p.votesAgainst, p.adopted])).toEqual([
      ["Forslag A", 6, 4, true],
      ["Forslag B", 4, 6, false],
    ]);
    expect(state.disqualifications).toEqual([{ personId: person.personId, basis: "fvl. § 6 første ledd" }]);
  });

  it("refuses a stale attendance register", async () => {
    const rows = await t.db.attendance.findMany({ where: { meetingId }, select: { id: true, version: true } });
    const fingerprint = attendanceFingerprint(rows);
    const row = (id: string, status: "PRESENT" | "ABSENT") => ({ attendanceId: id, status, roleLabel: null, substituteForId: null, arrivedAtItemId: null, leftAfterItemId: null, note: null });
    const ok = await t.db.$transaction((tx) => saveAttendanceRegister(tx, { meetingId, fingerprint, rows: [row(rows[0].id, "ABSENT")] }), TX);
    expect(ok.ok).toBe(true);
    const stale = await t.db.$transaction((tx) => saveAttendanceRegister(tx, { meetingId, fingerprint, rows: [row(rows[0].id, "PRESENT")] }), TX);
    expect(stale.ok).toBe(false);
    expect((await t.db.attendance.findUniqueOrThrow({ where: { id: rows[0].id }, select: { status: true } })).status).toBe("ABSENT");
  });

  it("refuses «kom til» an item after the one the person «gikk etter», and saves nothing", async () => {
    const rows = await t.db.attendance.findMany({ where: { meetingId }, select: { id: true, version: true } });
    const items = await t.db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" }, select: { id: true } });
    expect(items.length).toBeGreaterThan(1);
    const row = (arrivedAtItemId: string, leftAfterItemId: string) => ({ attendanceId: rows[0].id, status: "PRESENT" as const, roleLabel: null, substituteForId: null, arrivedAtItemId, leftAfterItemId, note: "kom sent" });
    const r = await t.db.$transaction((tx) => saveAttendanceRegister(tx, { meetingId, fingerprint: attendanceFingerprint(rows), rows: [row(items.at(-1)!.id, items[0].id)] }), TX);
    expect(r).toEqual({ ok: false, conflict: false, fieldErrors: { [`leftAfterItemId.${rows[0].id}`]: expect.stringContaining("kommer før saken") } });
    expect((await t.db.attendance.findUniqueOrThrow({ where: { id: rows[0].id }, select: { note: true } })).note).not.toBe("kom sent");
    const ok = await t.db.$transaction((tx) => saveAttendanceRegister(tx, { meetingId, fingerprint: attendanceFingerprint(rows), rows: [row(items[0].id, items.at(-1)!.id)] }), TX);
    expect(ok).toEqual({ ok: true });
  });

  it("refuses a substitute for a member who is present, or for one who has a substitute already", async () => {
    const fresh = async () => {
      const rows = await t.db.attendance.findMany({ where: { meetingId }, orderBy: { id: "asc" }, select: { id: true, version: true, personId: true, person: { select: { name: true } } } });
      return { rows, fingerprint: attendanceFingerprint(rows) };
    };
    const row = (id: string, status: "PRESENT" | "ABSENT" | "SUBSTITUTE", substituteForId: string | null = null) => ({ attendanceId: id, status, roleLabel: null, substituteForId, arrivedAtItemId: null, leftAfterItemId: null, note: null });
    const save = async (make: (r: Awaited<ReturnType<typeof fresh>>["rows"]) => ReturnType<typeof row>[]) => {
      const { rows, fingerprint } = await fresh();
      return t.db.$transaction((tx) => saveAttendanceRegister(tx, { meetingId, fingerprint, rows: make(rows) }), TX);
    };
    const { rows } = await fresh();
    expect(rows.length).toBeGreaterThan(3);
    const [member, vara, other] = [rows[1], rows[2], rows[3]];
    expect(await save(() => [row(member.id, "PRESENT"), row(vara.id, "SUBSTITUTE", member.personId)])).toEqual({
      ok: false,
      conflict: false,
      fieldErrors: { [`substituteForId.${vara.id}`]: `${member.person.name} er ikke ført med forfall. Sett forfall på medlemmet først, eller velg et annet.` },
    });
    expect(await save(() => [row(member.id, "ABSENT"), row(vara.id, "SUBSTITUTE", member.personId)])).toEqual({ ok: true });
    expect(await save(() => [row(other.id, "SUBSTITUTE", member.personId)])).toEqual({
      ok: false,
      conflict: false,
      fieldErrors: { [`substituteForId.${other.id}`]: `${member.person.name} har alt et varamedlem i listen.` },
    });
    expect(await save(() => [row(member.id, "PRESENT"), row(vara.id, "PRESENT"), row(other.id, "PRESENT")])).toEqual({ ok: true });
  });

  it("creates follow-up from a decision, or from an item without one, with the people responsible", async () => {
    const noDecision = await itemByTitle(meetingId, /Runde rundt bordet/);
    const people = await t.db.attendance.findMany({ where: { meetingId }, take: 2, select: { personId: true } });
    const base = { title: "Lage program", personIds: people.map((p) => p.personId), responsibleBodyId: null, responsibleText: null, dueDate: new Date("2027-02-15T00:00:00Z") };
    const fromItem = await t.db.$transaction((tx) => createActionFromDecision(tx, { ...base, title: "Følge opp innspill", itemId: noDecision }, "u"), TX);
    expect(fromItem.ok).toBe(true);
    const rt = (await buildMinutesDocument(t.db, meetingId, "internal"))!.items.find((i) => i.id === noDecision)!;
    // The empty holder decision is not printed, but the follow-up is.
    expect(rt.decision).toBeNull();
    expect(rt.actionItems.map((a) => a.title)).toEqual(["Følge opp innspill"]);
    const withDecision = await itemByTitle(meetingId, /innkalling/i);
    const created = await t.db.$transaction((tx) => createActionFromDecision(tx, { ...base, itemId: withDecision }, "u"), TX);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const a = await t.db.actionItem.findUniqueOrThrow({ where: { id: created.id }, select: { meetingId: true, decisionId: true, assignees: { select: { personId: true, isLead: true } }, events: { select: { toStatus: true } } } });
    expect(a.meetingId).toBe(meetingId);
    expect(a.decisionId).not.toBeNull();
    expect(a.assignees.filter((x) => x.isLead)).toHaveLength(1);
    expect(a.events[0].toStatus).toBe("OPEN");
    const doc = await buildMinutesDocument(t.db, meetingId, "internal");
    expect(doc?.items.find((i) => i.id === withDecision)?.actionItems[0]).toMatchObject({ title: "Lage program" });
  });

  it("refuses to send for comment or approve the minutes of a meeting that has not begun", async () => {
    // The AU meeting starts 18 January 2027 at 14.00 Oslo time; the minutes exist from the tests above.
    const before = new Date("2027-01-18T12:59:00Z");
    const sent = await t.db.$transaction((tx) => sendMinutesForComment(tx, meetingId, "https://ipr.example/portal/x", before), TX);
    expect(sent).toEqual({ ok: false, message: expect.stringMatching(/^Møtet er ikke holdt ennå \(det begynner 18\. januar 2027\)\. Referatet kan sendes til kommentar/) });
    const approved = await t.db.$transaction((tx) => approveMinutes(tx, meetingId, { method: "ELECTRONIC", byName: "Leder", byUserId: null }, before), TX);
    expect(approved).toEqual({ ok: false, message: expect.stringContaining("kan godkjennes når møtet er holdt") });
    expect(await t.db.minutes.findUniqueOrThrow({ where: { meetingId }, select: { status: true } })).toEqual({ status: "DRAFT" });
    expect(await t.db.outboxMessage.count({ where: { subject: { startsWith: "Til kommentar:" } } })).toBe(0);
  });

  it("sends for comment, then approval locks the minutes with version and content hash", async () => {
    const sent = await t.db.$transaction((tx) => sendMinutesForComment(tx, meetingId, "https://ipr.example/portal/x", HELD), TX);
    expect(sent.ok && sent.recipients).toBeGreaterThan(0);
    expect(await t.db.outboxMessage.count({ where: { subject: { startsWith: "Til kommentar:" } } })).toBe(sent.ok ? sent.recipients : -1);
    const before = await t.db.minutes.findUniqueOrThrow({ where: { meetingId }, select: { version: true, status: true } });
    expect(before.status).toBe("SENT_FOR_COMMENT");

    const stale = await t.db.$transaction((tx) => approveMinutes(tx, meetingId, { method: "ELECTRONIC", byName: "Leder", byUserId: null, expectedVersion: before.version + 5 }, HELD), TX);
    expect(stale.ok).toBe(false);

    // The chair reads the minutes; then the secretariat changes an item, which leaves the version as it is.
    const read = minutesContentHash((await buildMinutesDocument(t.db, meetingId, "internal"))!);
    const edited = await itemByTitle(meetingId, /Eventuelt/);
    const current = await t.db.$transaction((tx) => readItemMinutes(tx, edited), TX);
    await t.db.$transaction((tx) => saveItemMinutes(tx, input(edited, current.version, "Tilføyd etter at møtelederen leste")), TX);
    expect((await t.db.minutes.findUniqueOrThrow({ where: { meetingId }, select: { version: true } })).version).toBe(before.version);
    // Sent again after the item changed: each member gets the updated draft; sent again unchanged, nobody does.
    const mails = () => t.db.outboxMessage.count({ where: { subject: { startsWith: "Til kommentar:" } } });
    const firstRound = await mails();
    const resent = await t.db.$transaction((tx) => sendMinutesForComment(tx, meetingId, "https://ipr.example/portal/x", HELD), TX);
    expect(resent).toMatchObject({ ok: true, queued: sent.ok ? sent.recipients : -1 });
    expect(await mails()).toBe(firstRound * 2);
    expect(await t.db.$transaction((tx) => sendMinutesForComment(tx, meetingId, "https://ipr.example/portal/x", HELD), TX)).toMatchObject({ ok: true, queued: 0 });
    expect(await mails()).toBe(firstRound * 2);
    const changed = await t.db.$transaction((tx) => approveMinutes(tx, meetingId, { method: "ELECTRONIC", byName: "Leder", byUserId: null, expectedVersion: before.version, expectedHash: read }, HELD), TX);
    expect(changed).toEqual({ ok: false, message: "Referatet er endret siden du åpnet det. Les den nye versjonen før du godkjenner." });
    expect((await t.db.minutes.findUniqueOrThrow({ where: { meetingId }, select: { status: true } })).status).toBe("SENT_FOR_COMMENT");
    const reread = minutesContentHash((await buildMinutesDocument(t.db, meetingId, "internal"))!);
    expect(reread).not.toBe(read);

    const r = await t.db.$transaction((tx) => approveMinutes(tx, meetingId, { method: "ELECTRONIC", byName: "Knut Martin Glesne", byUserId: null, expectedVersion: before.version, expectedHash: reread }, HELD), TX);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const after = await t.db.minutes.findUniqueOrThrow({ where: { meetingId }, select: { status: true, approvedVersion: true, contentHash: true, publishedAt: true, approvalMethod: true } });
    expect(after).toMatchObject({ status: "APPROVED", approvedVersion: before.version, approvalMethod: "ELECTRONIC" });
    expect(after.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(after.publishedAt).not.toBeNull(); // the AU is a political body in the demo data, or publishes
    const doc = await buildMinutesDocument(t.db, meetingId, "internal");
    expect(minutesContentHash(doc!)).toBe(after.contentHash);
    expect(doc!.approval?.label).toContain("Godkjent elektronisk av Knut Martin Glesne");

    const itemId = await itemByTitle(meetingId, /Eventuelt/);
    const { version } = await t.db.$transaction((tx) => readItemMinutes(tx, itemId), TX);
    await expect(t.db.$transaction((tx) => saveItemMinutes(tx, input(itemId, version, "Endret etterpå")), TX)).rejects.toBeInstanceOf(MinutesLockedError);
    const again = await t.db.$transaction((tx) => approveMinutes(tx, meetingId, { method: "ELECTRONIC", byName: null, byUserId: null }, HELD), TX);
    expect(again.ok).toBe(false);

    // Follow-up lives on: a decision of the locked minutes takes a new task, and the approved content is unchanged.
    const decided = await t.db.agendaItem.findFirstOrThrow({ where: { meetingId, decision: { isNot: null } }, select: { id: true } });
    const task = { title: "Oppgave etter godkjenning", personIds: [], responsibleBodyId: null, responsibleText: "Sekretariatet", dueDate: null };
    expect((await t.db.$transaction((tx) => createActionFromDecision(tx, { ...task, itemId: decided.id }, "u"), TX)).ok).toBe(true);
    expect(minutesContentHash((await buildMinutesDocument(t.db, meetingId, "internal"))!)).toBe(after.contentHash);
    // An item without a decision would need one made in the locked minutes.
    const undecided = await t.db.agendaItem.findFirstOrThrow({ where: { meetingId, decision: null }, select: { id: true } });
    await expect(t.db.$transaction((tx) => createActionFromDecision(tx, { ...task, itemId: undecided.id }, "u"), TX)).rejects.toBeInstanceOf(MinutesLockedError);
  });

  it("the public version hides exempt content and shows the legal basis", async () => {
    await t.db.$transaction((tx) => startMinutes(tx, exemptMeetingId), TX);
    const itemId = await itemByTitle(exemptMeetingId, /Personalsak/);
    const { version } = await t.db.$transaction((tx) => readItemMinutes(tx, itemId), TX);
    await t.db.$transaction((tx) => saveItemMinutes(tx, input(itemId, version, `${EXEMPT_DEMO_MARKER} notat`, `${EXEMPT_DEMO_MARKER} vedtak`)), TX);
    const pub = await buildMinutesDocument(t.db, exemptMeetingId, "public");
    const internal = await buildMinutesDocument(t.db, exemptMeetingId, "internal");
    expect(JSON.stringify(pub)).not.toContain(EXEMPT_DEMO_MARKER);
    expect(JSON.stringify(internal)).toContain(EXEMPT_DEMO_MARKER);
    const redacted = pub!.items.find((i) => i.id === itemId)!;
    expect(redacted.redacted).toBe(true);
    expect(redacted.exemptionBasis).toBe("offl. § 13, jf. fvl. § 13");
    expect(redacted.closedBasis).toContain("kommuneloven § 11-5");
  });
});
