import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaseToMeeting, createMeetingWithStandardItems } from "@/lib/meetings/agenda";
import {
  NO_RESPONSE_LABEL,
  NOT_INVITED_LABEL,
  NOTICE_NOT_SENT_LABEL,
  NOT_INVITED_WITH_EMAIL_LABEL,
  getInvitationByToken,
  listInvitationResponses,
  respondToInvitation,
} from "@/lib/meetings/absence";
import { sendNotice } from "@/lib/meetings/send-notice";
import { seedDemoData } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";

// Forfall through the personal link in the innkalling: the answer lands on the invitation and in the
// meeting's attendance (the participants table of the minutes), and the secretariat sees who has answered.

describe("forfall via the invitation link", () => {
  let t: TestDb;
  let meetingId: string;
  const startsAt = new Date("2027-03-01T13:00:00Z");
  const before = new Date("2027-02-20T10:00:00Z");
  const tokenOf = async (name: string) =>
    (await t.db.invitation.findFirstOrThrow({ where: { meetingId, person: { name } }, select: { token: true } })).token;

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    const body = await t.db.body.findFirstOrThrow({ where: { abbreviation: "AU", council: { slug: "ringeriksregionen" } }, select: { id: true } });
    // Everyone gets an e-mail address except Tore Isaksen.
    const people = await t.db.person.findMany({ where: { bodyMemberships: { some: { bodyId: body.id } } }, select: { id: true, name: true } });
    for (const [i, p] of people.entries()) {
      await t.db.person.update({ where: { id: p.id }, data: { email: p.name === "Tore Isaksen" ? null : `p${i}@kommune.example.no` } });
    }
    const m = await t.db.$transaction((tx) =>
      createMeetingWithStandardItems(tx, { bodyId: body.id, startsAt, endsAt: new Date("2027-03-01T14:30:00Z"), location: "Hole rådhus", remoteUrl: null }),
    );
    meetingId = m.id;
    await t.db.$transaction((tx) => addCaseToMeeting(tx, meetingId, { title: "Regional transportplan", type: "VEDTAKSSAK", background: "Saksframlegg." }));
    // Before the notice nobody is invited, and nobody is said to lack an address.
    const beforeNotice = await listInvitationResponses(t.db, meetingId);
    expect(beforeNotice).toHaveLength(11);
    expect(new Set(beforeNotice.map((r) => r.responseLabel))).toEqual(new Set([NOTICE_NOT_SENT_LABEL]));
    const sent = await sendNotice(t.db, { meetingId, userId: null, actor: "sekretariat@ipr.example", baseUrl: "https://ipr.example.no", now: new Date("2027-02-10T08:00:00Z") });
    expect(sent).toMatchObject({ ok: true, version: 1, recipients: 10 });
  });
  afterAll(async () => t?.close());

  it("shows the invitation behind a token", async () => {
    const token = await tokenOf("Sunni Grøndahl Aamodt");
    const view = await getInvitationByToken(t.db, token, before);
    expect(view).toMatchObject({
      meetingId,
      councilName: "Interkommunalt politisk råd for Ringeriksregionen",
      councilSlug: "ringeriksregionen",
      bodyName: "Ordfører- og kommunedirektør/rådmannsutvalget",
      timeLabel: "mandag 1. mars 2027 kl. 14.00–15.30",
      location: "Hole rådhus",
      personName: "Sunni Grøndahl Aamodt",
      response: null,
      comment: null,
      canRespond: true,
      cancelled: false,
    });
    expect((await getInvitationByToken(t.db, token, new Date("2027-03-01T13:00:00Z")))!.canRespond).toBe(false);
  });

  it("records forfall with the comment in the attendance, and the secretariat sees it", async () => {
    const token = await tokenOf("Sunni Grøndahl Aamodt");
    const result = await respondToInvitation(t.db, token, "ABSENT", "  Kommunestyremøte i Modum samme dag.  ", before);
    expect(result).toEqual({ ok: true, response: "ABSENT" });

    const inv = await t.db.invitation.findFirstOrThrow({ where: { token } });
    expect(inv).toMatchObject({ response: "ABSENT", comment: "Kommunestyremøte i Modum samme dag." });
    expect(inv.respondedAt).toEqual(before);

    const attendance = await t.db.attendance.findUniqueOrThrow({
      where: { meetingId_personId: { meetingId, personId: inv.personId } },
      include: { organization: true },
    });
    expect(attendance).toMatchObject({ status: "ABSENT", note: "Kommunestyremøte i Modum samme dag.", roleLabel: "Ordfører", isSecretariat: false });
    expect(attendance.organization?.name).toBe("Modum");

    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "meeting.absence.report", entityId: inv.id } });
    expect(audit.actor).toBe("Sunni Grøndahl Aamodt");
    expect(audit.after).toMatchObject({ response: "ABSENT", comment: "Kommunestyremøte i Modum samme dag." });

    const rows = await listInvitationResponses(t.db, meetingId);
    expect(rows).toHaveLength(11);
    const sunni = rows.find((r) => r.name === "Sunni Grøndahl Aamodt")!;
    expect(sunni).toMatchObject({ invited: true, response: "ABSENT", responseLabel: "Forfall", comment: "Kommunestyremøte i Modum samme dag.", organization: "Modum" });
    const others = rows.filter((r) => r.name !== "Sunni Grøndahl Aamodt" && r.name !== "Tore Isaksen");
    expect(others).toHaveLength(9);
    for (const r of others) expect(r).toMatchObject({ invited: true, response: null, responseLabel: NO_RESPONSE_LABEL });
    expect(NO_RESPONSE_LABEL.toLowerCase()).toBe("ikke svart");
    expect(rows.find((r) => r.name === "Tore Isaksen")).toMatchObject({ invited: false, response: null, responseLabel: NOT_INVITED_LABEL });
    // Given an address after the notice was sent: still not invited, and no longer said to lack one.
    const tore = await t.db.person.findFirstOrThrow({ where: { name: "Tore Isaksen" }, select: { id: true } });
    await t.db.person.update({ where: { id: tore.id }, data: { email: "tore@kommune.example.no" } });
    expect((await listInvitationResponses(t.db, meetingId)).find((r) => r.name === "Tore Isaksen")).toMatchObject({ invited: false, responseLabel: NOT_INVITED_WITH_EMAIL_LABEL });
    await t.db.person.update({ where: { id: tore.id }, data: { email: null } });
    // Notice order: grouped by organisation, the secretariat last.
    expect(rows[0].name).toBe("Syver Leivestad");
    expect(rows.at(-1)!.name).toBe("Inger Kammerud");
  });

  it("lets the member change the answer to present, which updates the same attendance row", async () => {
    const token = await tokenOf("Sunni Grøndahl Aamodt");
    expect(await respondToInvitation(t.db, token, "PRESENT", undefined, before)).toEqual({ ok: true, response: "PRESENT" });
    const inv = await t.db.invitation.findFirstOrThrow({ where: { token } });
    expect(inv).toMatchObject({ response: "PRESENT", comment: null });
    const rows = await t.db.attendance.findMany({ where: { meetingId, personId: inv.personId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "PRESENT", note: null });
    expect((await listInvitationResponses(t.db, meetingId)).find((r) => r.personId === inv.personId)!.responseLabel).toBe("Bekreftet oppmøte");

    // The secretary gets a secretariat row in the participants table.
    const inger = await tokenOf("Inger Kammerud");
    expect(await respondToInvitation(t.db, inger, "PRESENT", undefined, before)).toMatchObject({ ok: true });
    const ingerRow = await t.db.attendance.findFirstOrThrow({ where: { meetingId, person: { name: "Inger Kammerud" } } });
    expect(ingerRow).toMatchObject({ status: "PRESENT", isSecretariat: true, roleLabel: "Regionrådsadministrator", organizationId: null });
  });

  it("refuses unknown tokens", async () => {
    const unknown = "A".repeat(43);
    expect(await getInvitationByToken(t.db, unknown)).toBeNull();
    expect(await getInvitationByToken(t.db, "kort")).toBeNull();
    expect(await respondToInvitation(t.db, unknown, "ABSENT", "x", before)).toMatchObject({ ok: false, reason: "not-found" });
    expect(await respondToInvitation(t.db, "", "ABSENT", undefined, before)).toMatchObject({ ok: false, reason: "not-found" });
    expect(await t.db.auditEvent.count({ where: { action: "meeting.absence.report" } })).toBe(3);
  });

  it("refuses answers once the meeting has started, and for cancelled meetings", async () => {
    const token = await tokenOf("Knut Martin Glesne");
    const started = await respondToInvitation(t.db, token, "ABSENT", "For sent", new Date("2027-03-01T13:00:00Z"));
    expect(started).toMatchObject({ ok: false, reason: "started" });
    // Also with the real clock: move the meeting into the past.
    await t.db.meeting.update({ where: { id: meetingId }, data: { startsAt: new Date(Date.now() - 60_000), endsAt: null } });
    expect(await respondToInvitation(t.db, token, "ABSENT", "For sent")).toMatchObject({ ok: false, reason: "started" });
    const inv = await t.db.invitation.findFirstOrThrow({ where: { token } });
    expect(inv.response).toBeNull();
    expect(await t.db.attendance.count({ where: { meetingId, personId: inv.personId } })).toBe(0);

    await t.db.meeting.update({ where: { id: meetingId }, data: { startsAt, status: "CANCELLED" } });
    expect(await respondToInvitation(t.db, token, "ABSENT", "x", before)).toMatchObject({ ok: false, reason: "cancelled" });
    expect((await getInvitationByToken(t.db, token, before))!).toMatchObject({ cancelled: true, canRespond: false });
  });
});
