import type { AddressInfo } from "node:net";
import ical, { type VEvent } from "node-ical";
import nodemailer, { type Transporter } from "nodemailer";
import PostalMime, { type Email } from "postal-mime";
import { SMTPServer } from "smtp-server";
import { extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMeetingTime } from "@/lib/format/dates";
import { addCaseToMeeting, createMeetingWithStandardItems } from "@/lib/meetings/agenda";
import { checkNotice } from "@/lib/meetings/legal-check";
import { buildNoticeDocument } from "@/lib/meetings/notice";
import { describeNoticeChanges, escapeHtml, parseNoticeSnapshot, queueCancellationNotices, sendNotice } from "@/lib/meetings/send-notice";
import { processOutbox } from "@/lib/server/mail";
import { seedDemoData } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";

// The whole innkalling on real data: demo seed, a new meeting of the joint mayor/chief-executive
// committee (AU), the legal check, numbering, the frozen version, the outbox, and what a mail client
// receives over real SMTP (parsed by an independent MIME parser, the PDF read back as text, the ICS
// parsed by node-ical).

type Received = { raw: Buffer; rcptTo: string[] };
type SmtpFake = { received: Received[]; transport: () => Transporter; close: () => Promise<void> };

async function startSmtp(): Promise<SmtpFake> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 20 * 1024 * 1024,
    socketTimeout: 10_000,
    closeTimeout: 1_000,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ raw: Buffer.concat(chunks), rcptTo: session.envelope.rcptTo.map((r) => r.address) });
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const transports: Transporter[] = [];
  return {
    received,
    transport: () => {
      const t = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, connectionTimeout: 5_000, socketTimeout: 10_000 });
      transports.push(t);
      return t;
    },
    close: async () => {
      for (const t of transports) t.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const soon = () => new Date(Date.now() + 1_000);
const BASE_URL = "https://ipr.example.no/";
const MARKER = "HEMMELIG-MARKØR";
const SCRIPT_TITLE = `Samferdsel <script>alert("x")</script> & «Ringeriksbanen»`;

async function pdfText(mail: Email): Promise<string> {
  const pdf = mail.attachments.find((a) => a.mimeType === "application/pdf");
  expect(pdf, "PDF-vedlegg").toBeDefined();
  const bytes = new Uint8Array(pdf!.content as ArrayBuffer);
  expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  const { text } = await extractText(bytes, { mergePages: true });
  return text;
}

function icsEvent(mail: Email): { ev: VEvent; text: string } {
  const cal = mail.attachments.find((a) => a.mimeType === "text/calendar");
  expect(cal, "ICS-vedlegg").toBeDefined();
  expect(cal!.method).toBe("REQUEST");
  const text = Buffer.from(cal!.content as ArrayBuffer).toString("utf8");
  const ev = Object.values(ical.sync.parseICS(text)).find((c) => (c as VEvent | undefined)?.type === "VEVENT") as VEvent;
  expect(ev, "VEVENT").toBeDefined();
  return { ev, text };
}

describe("innkalling: build, check, send and deliver", () => {
  let t: TestDb;
  let smtp: SmtpFake;
  let auId: string;
  let councilId: string;
  let meetingId: string;
  let emails: Map<string, string>; // personId → address
  let noEmailName: string;
  const sentAt1 = new Date("2027-02-15T08:00:00Z"); // 14 days ahead
  const sentAt2 = new Date("2027-02-20T08:00:00Z");

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    smtp = await startSmtp();

    const body = await t.db.body.findFirstOrThrow({
      where: { abbreviation: "AU", council: { slug: "ringeriksregionen" } },
      select: { id: true, councilId: true, memberships: { select: { personId: true, person: { select: { name: true } } }, orderBy: { position: "asc" } } },
    });
    auId = body.id;
    councilId = body.councilId;

    // Known addresses for everyone but Gry B. Munkerud, who gets none.
    emails = new Map();
    for (const [i, m] of body.memberships.entries()) {
      if (m.person.name === "Gry B. Munkerud") {
        noEmailName = m.person.name;
        await t.db.person.update({ where: { id: m.personId }, data: { email: null } });
        continue;
      }
      const address = `innkalt${i}@kommune.example.no`;
      await t.db.person.update({ where: { id: m.personId }, data: { email: address } });
      emails.set(m.personId, address);
    }
    expect(noEmailName).toBe("Gry B. Munkerud");

    // Varamedlemmer: one for Hole as a municipality, one personal for Torger Ødegaard; and a former member.
    const hole = await t.db.organization.findFirstOrThrow({ where: { name: "Hole" } });
    const torger = await t.db.person.findFirstOrThrow({ where: { name: "Torger Ødegaard" } });
    const vara = await t.db.person.create({ data: { name: "Vera Varasen", email: "vara@hole.example.no", organizationId: hole.id } });
    const personal = await t.db.person.create({ data: { name: "Per Personlig", organizationId: hole.id } });
    const former = await t.db.person.create({ data: { name: "Tidligere Medlem", email: "tidligere@example.no" } });
    await t.db.bodyMembership.createMany({
      data: [
        { bodyId: auId, personId: personal.id, role: "VARAMEDLEM", organizationId: hole.id, substituteForId: torger.id, substituteOrder: 1, validFrom: new Date("2022-01-17"), position: 50 },
        { bodyId: auId, personId: vara.id, role: "VARAMEDLEM", organizationId: hole.id, substituteOrder: 1, validFrom: new Date("2022-01-17"), position: 51 },
        { bodyId: auId, personId: former.id, role: "MEDLEM", validFrom: new Date("2022-01-17"), validTo: new Date("2026-12-31"), position: 52 },
      ],
    });
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  const items = () =>
    t.db.agendaItem.findMany({
      where: { meetingId, status: "ACTIVE" },
      orderBy: { position: "asc" },
      select: { id: true, title: true, number: true, year: true, noticeText: true, type: true, caseId: true },
    });

  it("blocks sending while an exempt case lacks a legal basis, and writes nothing", async () => {
    const meeting = await t.db.$transaction((tx) =>
      createMeetingWithStandardItems(tx, {
        bodyId: auId,
        // Monday 1 March 2027, 14.00–15.30 in Oslo (CET).
        startsAt: new Date("2027-03-01T13:00:00Z"),
        endsAt: new Date("2027-03-01T14:30:00Z"),
        location: "Kommunehuset i Krødsherad",
        remoteUrl: "https://teams.example.no/møte?id=1&x=<b>",
      }),
    );
    meetingId = meeting.id;
    const vedtak = await t.db.$transaction((tx) =>
      addCaseToMeeting(tx, meetingId, {
        title: SCRIPT_TITLE,
        type: "VEDTAKSSAK",
        presenter: "v/ Stig Rune Kroken",
        background: "Bakgrunn for saken med æøå ÆØÅ og «anførsler».",
        proposedDecision: "Arbeidsutvalget slutter seg til uttalelsen.",
      }),
    );
    await t.db.$transaction((tx) =>
      addCaseToMeeting(tx, meetingId, {
        title: "Forhandlinger om leieavtale for sekretariatet",
        type: "VEDTAKSSAK",
        background: `${MARKER}: leieprisen er 123 456 kroner.`,
        proposedDecision: `${MARKER} i forslaget`,
        isExempt: true,
        exemptionBasis: "offl. § 13",
      }),
    );
    const noBasis = await t.db.$transaction((tx) =>
      addCaseToMeeting(tx, meetingId, {
        title: "Personalsak uten hjemmel",
        type: "ORIENTERINGSSAK",
        background: `${MARKER} i personalsaken`,
        isExempt: true,
      }),
    );
    // Attachments: one public on the case, one exempt on the item, one on the exempt case.
    const att = (name: string, extra: object) => ({
      councilId,
      fileName: name,
      contentType: "application/pdf",
      sizeBytes: 10,
      sha256: "0".repeat(64),
      storageKey: `attachments/2027/${name.replace(/[^a-z0-9.]/gi, "-").toLowerCase()}`,
      ...extra,
    });
    const exemptCase = (await items()).find((i) => i.title.startsWith("Forhandlinger"))!;
    await t.db.attachment.createMany({
      data: [
        att("Kart over traseen æøå.pdf", { caseId: vedtak.caseId }),
        att("Intern vurdering.pdf", { agendaItemId: vedtak.id, isExempt: true, exemptionBasis: "offl. § 14" }),
        att(`${MARKER}-leiekontrakt.pdf`, { caseId: exemptCase.caseId }),
      ],
    });

    const checks = await checkNotice(t.db, meetingId, sentAt1);
    expect(checks.blocking).toHaveLength(1);
    expect(checks.blocking[0].code).toBe("exempt-without-basis");
    expect(checks.blocking[0].message).toContain("Personalsak uten hjemmel");
    expect(checks.blocking[0].message).toContain("Sak 5/27");
    const warningCodes = checks.warnings.map((w) => w.code);
    expect(warningCodes).toContain("invitees-without-email");
    expect(checks.warnings.find((w) => w.code === "invitees-without-email")!.message).toContain(noEmailName);
    expect(warningCodes).not.toContain("missing-place");
    expect(warningCodes).not.toContain("short-notice");
    expect(warningCodes).not.toContain("meeting-in-past");
    expect(warningCodes).not.toContain("missing-documents");
    expect(checks.info.map((i) => i.message)).toContain(
      "Møtet kunngjøres på den offentlige siden når innkallingen sendes (kommuneloven § 11-3).",
    );

    const result = await sendNotice(t.db, { meetingId, userId: null, actor: "sekretariat@ipr.example", baseUrl: BASE_URL, now: sentAt1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("blocked");
    expect(result.checks?.map((c) => c.message).join(" ")).toContain("Personalsak uten hjemmel");

    const m = await t.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(m.noticeSentAt).toBeNull();
    expect(m.status).toBe("PLANNED");
    expect(await t.db.noticeVersion.count({ where: { meetingId } })).toBe(0);
    expect(await t.db.invitation.count({ where: { meetingId } })).toBe(0);
    expect(await t.db.outboxMessage.count()).toBe(0);
    expect((await items()).at(-1)).toMatchObject({ title: "Eventuelt", number: null });

    await t.db.case.update({ where: { id: noBasis.caseId! }, data: { exemptionBasis: "offl. § 13, jf. fvl. § 13" } });
    expect((await checkNotice(t.db, meetingId, sentAt1)).blocking).toEqual([]);
  });

  it("builds the public notice without exempt content and the internal one with it", async () => {
    const pub = (await buildNoticeDocument(t.db, meetingId, { audience: "public", baseUrl: BASE_URL }))!;
    const internal = (await buildNoticeDocument(t.db, meetingId, { audience: "internal" }))!;
    expect(pub.url).toBe(`https://ipr.example.no/r/ringeriksregionen/moter/${meetingId}`);
    expect(internal.url).toBeNull();
    expect(pub.timeLabel).toBe("mandag 1. mars 2027 kl. 14.00–15.30");
    expect(pub.councilName).toBe("Interkommunalt politisk råd for Ringeriksregionen");
    expect(pub.bodyName).toBe("Ordfører- og kommunedirektør/rådmannsutvalget");
    expect(pub.version).toBe(0);
    expect(pub.sentAt).toBeNull();
    expect(pub.absenceInstructions).toMatch(/^Meld forfall så snart som mulig via lenken i e-posten eller til sekretariatet.*varamedlem kan kalles inn\.$/);

    const json = JSON.stringify(pub);
    expect(json).not.toContain("HEMMELIG");
    expect(json).not.toContain("Intern vurdering.pdf");
    expect(JSON.stringify(internal)).toContain(MARKER);

    const exempt = pub.items.find((i) => i.title.startsWith("Forhandlinger"))!;
    expect(exempt).toMatchObject({
      redacted: true,
      exemptionBasis: "offl. § 13",
      background: null,
      proposedDecision: null,
      noticeText: null,
      attachments: [],
      numberLabel: "Sak 4/27",
      typeLabel: "Vedtakssak",
    });
    const exemptInternal = internal.items.find((i) => i.title.startsWith("Forhandlinger"))!;
    expect(exemptInternal.redacted).toBe(false);
    expect(exemptInternal.background).toContain(MARKER);
    expect(exemptInternal.exemptionBasis).toBe("offl. § 13");

    const vedtak = pub.items.find((i) => i.title === SCRIPT_TITLE)!;
    expect(vedtak).toMatchObject({
      numberLabel: "Sak 3/27",
      presenter: "v/ Stig Rune Kroken",
      redacted: false,
      attachments: [{ fileName: "Kart over traseen æøå.pdf" }],
    });
    expect(internal.items.find((i) => i.title === SCRIPT_TITLE)!.attachments.map((a) => a.fileName)).toEqual([
      "Kart over traseen æøå.pdf",
      "Intern vurdering.pdf",
    ]);
    // On the web page each file is a link to its download, which checks the reader's rights again.
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { NoticeDocumentView } = await import("@/components/meetings/notice-document");
    const kart = await t.db.attachment.findFirstOrThrow({ where: { fileName: "Kart over traseen æøå.pdf" }, select: { id: true } });
    const publicHtml = renderToStaticMarkup(NoticeDocumentView({ doc: pub }));
    expect(publicHtml).toContain(`<a class="underline text-brand-700" href="/filer/${kart.id}">Kart over traseen æøå.pdf</a> (1 kB)`);
    expect(publicHtml).not.toContain("Intern vurdering.pdf");
    expect(pub.items.map((i) => i.title)).toEqual([
      "Godkjenning av innkalling",
      "Godkjenning av referat fra møtet 18. januar 2027",
      SCRIPT_TITLE,
      "Forhandlinger om leieavtale for sekretariatet",
      "Personalsak uten hjemmel",
      "Eventuelt",
    ]);
    expect(pub.items.at(-1)!.numberLabel).toBeNull(); // Eventuelt is numbered when the notice is sent

    // Invitees: members on the meeting day, grouped by organisation, varamedlemmer under their member.
    const names = pub.invitees.map((i) => i.name);
    expect(names).not.toContain("Tidligere Medlem");
    expect(names).not.toContain("Vera Varasen");
    expect(names.slice(0, 2)).toEqual(["Syver Leivestad", "Torger Ødegaard"]);
    expect(pub.invitees.slice(0, 2).map((i) => i.organization)).toEqual(["Hole", "Hole"]);
    expect(pub.invitees[0]).toMatchObject({ role: "Ordfører (leder IPR)", substitutes: ["Vera Varasen"] });
    expect(pub.invitees[1]).toMatchObject({ role: "Kommunedirektør", substitutes: ["Per Personlig"] });
    expect(pub.invitees.at(-1)).toMatchObject({ name: "Inger Kammerud", organization: null, role: "Regionrådsadministrator" });
    expect(pub.invitees).toHaveLength(11);
    expect(await buildNoticeDocument(t.db, "finnes-ikke", { audience: "public" })).toBeNull();
  });

  it("sends the first notice: numbers, version 1, one mail per invitee with PDF and ICS", async () => {
    const result = await sendNotice(t.db, { meetingId, userId: null, actor: "sekretariat@ipr.example", baseUrl: BASE_URL, now: sentAt1 });
    expect(result).toEqual({ ok: true, version: 1, recipients: emails.size, changes: null });

    const m = await t.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(m.noticeSentAt).toEqual(sentAt1);
    expect(m.announcedAt).toEqual(sentAt1);
    expect(m.status).toBe("NOTICE_SENT");

    const list = await items();
    expect(list.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(list.at(-1)).toMatchObject({ title: "Eventuelt", number: 6, year: 2027 });
    expect(list[0]).toMatchObject({ title: "Godkjenning av innkalling", noticeText: "Innkallingen ble sendt ut pr. e-post 15. februar 2027" });
    expect(list[1].noticeText).toBe("");

    const v1 = await t.db.noticeVersion.findUniqueOrThrow({ where: { meetingId_number: { meetingId, number: 1 } } });
    expect(v1.changes).toBeNull();
    expect(v1.sentAt).toEqual(sentAt1);
    const snap = parseNoticeSnapshot(v1.snapshot)!;
    expect(snap).not.toBeNull();
    expect(snap.items.map((i) => i.numberLabel)).toEqual(["Sak 1/27", "Sak 2/27", "Sak 3/27", "Sak 4/27", "Sak 5/27", "Sak 6/27"]);
    expect(snap.items.filter((i) => i.exempt).map((i) => i.title)).toEqual(["Forhandlinger om leieavtale for sekretariatet", "Personalsak uten hjemmel"]);
    expect(JSON.stringify(v1.snapshot)).not.toContain("HEMMELIG");

    const invitations = await t.db.invitation.findMany({ where: { meetingId } });
    expect(invitations).toHaveLength(emails.size);
    expect(new Set(invitations.map((i) => i.personId))).toEqual(new Set(emails.keys()));
    for (const inv of invitations) expect(inv.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "meeting.notice.send", entityId: meetingId } });
    expect(audit.actor).toBe("sekretariat@ipr.example");
    expect(audit.before).toMatchObject({ noticeSentAt: null, noticeVersion: 0 });
    expect(audit.after).toMatchObject({ noticeSentAt: sentAt1.toISOString(), noticeVersion: 1 });

    const delivered = await processOutbox(t.db, { transport: smtp.transport(), now: soon(), batchSize: 100 });
    expect(delivered).toEqual({ sent: emails.size, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(emails.size);
    const recipients = smtp.received.flatMap((r) => r.rcptTo).sort();
    expect(recipients).toEqual([...emails.values()].sort());

    const tokenByAddress = new Map(invitations.map((i) => [emails.get(i.personId)!, i.token]));
    for (const received of smtp.received) {
      const mail = await PostalMime.parse(received.raw);
      expect(mail.subject).toBe("Innkalling: Ordfører- og kommunedirektør/rådmannsutvalget 1. mars 2027");
      const token = tokenByAddress.get(received.rcptTo[0])!;
      expect(mail.html).toContain(`https://ipr.example.no/forfall/${token}`);
      expect(mail.text).toContain(`https://ipr.example.no/forfall/${token}`);
      expect(mail.html).toContain("Meld forfall eller bekreft oppmøte");
      // User text is escaped, never raw HTML.
      expect(mail.html).toContain(escapeHtml(SCRIPT_TITLE));
      expect(mail.html).toContain("Samferdsel &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «Ringeriksbanen»");
      expect(mail.html).not.toContain("<script>");
      expect(mail.html).not.toContain("<b>");
      expect(mail.html).not.toContain("HEMMELIG");
      expect(mail.text).not.toContain("HEMMELIG");
      expect(mail.text).toContain(SCRIPT_TITLE);
      expect(mail.text).toContain("Sak 6/27 Eventuelt");
      expect(mail.html).toContain("deles ut separat");
      expect(mail.html).toContain(`https://ipr.example.no/r/ringeriksregionen/moter/${meetingId}`);
      expect(mail.attachments).toHaveLength(2);
    }

    const mail = await PostalMime.parse(smtp.received[0].raw);
    const text = await pdfText(mail);
    for (let n = 1; n <= 6; n++) expect(text).toContain(`Sak ${n}/27`);
    expect(text).toContain("æøå ÆØÅ");
    expect(text).toContain("Kart over traseen æøå.pdf");
    expect(text).toContain("Unntatt offentlighet – offl. § 13");
    expect(text).toContain("Innkallingen ble sendt ut pr. e-post 15. februar 2027");
    expect(text).toContain("Syver Leivestad");
    expect(text).not.toContain("HEMMELIG");
    expect(text).not.toContain("leieprisen");
    expect(text).not.toContain("Intern vurdering.pdf");

    const { ev, text: ics } = icsEvent(mail);
    expect(ev.start.toISOString()).toBe("2027-03-01T13:00:00.000Z");
    expect(ev.end!.toISOString()).toBe("2027-03-01T14:30:00.000Z");
    expect(ev.uid).toBe(`${meetingId}@ipr-portalen`);
    expect(ev.summary).toBe("Ordfører- og kommunedirektør/rådmannsutvalget – Ringeriksregionen IPR");
    expect(ics).toMatch(/\nSEQUENCE:0\r?\n/);
    expect(ics).toMatch(/\nMETHOD:REQUEST\r?\n/);
    expect(ics).not.toContain("HEMMELIG");
  });

  it("re-sends after changes as version 2 with a summary, once per invitee", async () => {
    const before = await t.db.invitation.findMany({ where: { meetingId }, select: { personId: true, token: true } });
    const newStart = new Date("2027-03-02T09:00:00Z");
    const newEnd = new Date("2027-03-02T11:00:00Z");
    await t.db.meeting.update({ where: { id: meetingId }, data: { startsAt: newStart, endsAt: newEnd, changeNote: "Flyttet på grunn av kommunestyremøte i Hole." } });
    await t.db.$transaction((tx) => addCaseToMeeting(tx, meetingId, { title: "Næringsvennlig region – status", type: "ORIENTERINGSSAK", background: "Kort status." }));
    await t.db.agendaItem.updateMany({ where: { meetingId, title: "Personalsak uten hjemmel" }, data: { title: "Personalsak" } });

    const result = await sendNotice(t.db, { meetingId, userId: null, actor: "sekretariat@ipr.example", baseUrl: BASE_URL, now: sentAt2 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.version).toBe(2);
    expect(result.recipients).toBe(emails.size);
    const newTime = formatMeetingTime(newStart, newEnd);
    expect(newTime).toBe("tirsdag 2. mars 2027 kl. 10.00–12.00");
    expect(result.changes).toContain(`Nytt tidspunkt: ${newTime}`);
    expect(result.changes).toContain("mandag 1. mars 2027 kl. 14.00–15.30");
    expect(result.changes).toContain("Ny sak på sakslisten: Sak 7/27 Næringsvennlig region – status");
    expect(result.changes).toContain("Ny tittel på Sak 5/27: «Personalsak» (var «Personalsak uten hjemmel»)");
    expect(result.changes).not.toContain("møtested");

    const m = await t.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(m.noticeSentAt).toEqual(sentAt1); // the first sending stays the date of the notice
    expect(m.status).toBe("NOTICE_SENT");
    expect((await items())[0].noticeText).toBe("Innkallingen ble sendt ut pr. e-post 15. februar 2027");
    expect(await t.db.noticeVersion.count({ where: { meetingId } })).toBe(2);
    const v2 = await t.db.noticeVersion.findUniqueOrThrow({ where: { meetingId_number: { meetingId, number: 2 } } });
    expect(v2.changes).toBe(result.changes);

    // Same personal links as before.
    const after = await t.db.invitation.findMany({ where: { meetingId }, select: { personId: true, token: true } });
    expect(new Map(after.map((i) => [i.personId, i.token]))).toEqual(new Map(before.map((i) => [i.personId, i.token])));

    const already = smtp.received.length;
    const delivered = await processOutbox(t.db, { transport: smtp.transport(), now: soon(), batchSize: 100 });
    expect(delivered).toEqual({ sent: emails.size, failed: 0, retried: 0 });
    expect(await processOutbox(t.db, { transport: smtp.transport(), now: soon(), batchSize: 100 })).toEqual({ sent: 0, failed: 0, retried: 0 });
    const fresh = smtp.received.slice(already);
    expect(fresh.flatMap((r) => r.rcptTo).sort()).toEqual([...emails.values()].sort());
    // Every invitee now has exactly two messages: the first notice and the changed one.
    const perAddress = new Map<string, number>();
    for (const r of smtp.received) for (const a of r.rcptTo) perAddress.set(a, (perAddress.get(a) ?? 0) + 1);
    expect([...perAddress.values()].every((n) => n === 2)).toBe(true);
    expect(await t.db.outboxMessage.count({ where: { dedupeKey: { startsWith: `notice:${meetingId}:v2:` } } })).toBe(emails.size);

    const mail = await PostalMime.parse(fresh[0].raw);
    expect(mail.subject).toBe("Endret innkalling: Ordfører- og kommunedirektør/rådmannsutvalget 2. mars 2027");
    expect(mail.subject!.startsWith("Endret innkalling")).toBe(true);
    expect(mail.text).toContain("Endringer siden forrige innkalling:");
    expect(mail.text).toContain(`Nytt tidspunkt: ${newTime}`);
    expect(mail.html).toContain("Flyttet på grunn av kommunestyremøte i Hole.");
    const text = await pdfText(mail);
    expect(text).toContain("Sak 7/27");
    expect(text).toContain("tirsdag 2. mars 2027 kl. 10.00–12.00");
    expect(text).toContain("erstatter tidligere utsendt innkalling");
    expect(text).not.toContain("HEMMELIG");
    const { ev, text: ics } = icsEvent(mail);
    expect(ev.start.toISOString()).toBe(newStart.toISOString());
    expect(ics).toMatch(/\nSEQUENCE:1\r?\n/);
  });

  it("tells every invitee of a cancelled meeting, with a calendar cancellation above the last invitation, once; the notice says it is cancelled", async () => {
    const reason = "For få saker; sakene tas i neste møte.";
    await t.db.meeting.update({ where: { id: meetingId }, data: { status: "CANCELLED", cancelledReason: reason } });
    const cancel = () => t.db.$transaction((tx) => queueCancellationNotices(tx, meetingId, reason, new Date("2027-02-25T08:00:00Z")));
    expect(await cancel()).toBe(emails.size);
    // A retried cancellation queues nothing twice.
    expect(await cancel()).toBe(0);

    const already = smtp.received.length;
    expect(await processOutbox(t.db, { transport: smtp.transport(), now: soon(), batchSize: 100 })).toEqual({ sent: emails.size, failed: 0, retried: 0 });
    const fresh = smtp.received.slice(already);
    expect(fresh.flatMap((r) => r.rcptTo).sort()).toEqual([...emails.values()].sort());
    const mail = await PostalMime.parse(fresh[0].raw);
    expect(mail.subject).toBe("Avlyst: Ordfører- og kommunedirektør/rådmannsutvalget 2. mars 2027");
    expect(mail.text).toContain(reason);
    const cal = mail.attachments.find((a) => a.mimeType === "text/calendar");
    expect(cal?.method).toBe("CANCEL");
    const ics = Buffer.from(cal!.content as ArrayBuffer).toString("utf8");
    expect(ics).toContain(`UID:${meetingId}@ipr-portalen`);
    expect(ics).toMatch(/\nMETHOD:CANCEL\r?\n/);
    expect(ics).toMatch(/\nSTATUS:CANCELLED\r?\n/);
    // The two invitations went out with SEQUENCE 0 and 1.
    expect(ics).toMatch(/\nSEQUENCE:2\r?\n/);

    const doc = (await buildNoticeDocument(t.db, meetingId, { audience: "public", baseUrl: BASE_URL }))!;
    expect(doc.cancelled).toEqual({ reason });
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { NoticeDocumentView } = await import("@/components/meetings/notice-document");
    expect(renderToStaticMarkup(NoticeDocumentView({ doc }))).toContain(`<strong>Møtet er avlyst.</strong> ${reason}`);
  });

  it("summarises place, order and removal changes, and says when nothing changed", () => {
    const base = {
      format: 1 as const,
      version: 1,
      sentAt: "2027-02-15T08:00:00.000Z",
      startsAt: "2027-03-01T13:00:00.000Z",
      endsAt: null,
      timeLabel: "mandag 1. mars 2027 kl. 14.00",
      location: "Hole rådhus",
      remoteUrl: null,
      items: [
        { id: "a", position: 1, numberLabel: "Sak 1/27", title: "A", type: "GODKJENNING", typeLabel: "Godkjenning", exempt: false, exemptionBasis: null },
        { id: "b", position: 2, numberLabel: "Sak 2/27", title: "B", type: "VEDTAKSSAK", typeLabel: "Vedtakssak", exempt: false, exemptionBasis: null },
        { id: "c", position: 3, numberLabel: "Sak 3/27", title: "C", type: "VEDTAKSSAK", typeLabel: "Vedtakssak", exempt: false, exemptionBasis: null },
      ],
    };
    expect(describeNoticeChanges(base, { ...base, version: 2 })).toBe("Ingen endringer i tid, sted eller saksliste.");
    const changed = describeNoticeChanges(base, {
      ...base,
      location: "Modum rådhus",
      items: [base.items[0], { ...base.items[2], exempt: true, exemptionBasis: "offl. § 13" }].map((i, n) => ({ ...i, position: n + 1 })),
    });
    expect(changed).toContain("Nytt møtested: Modum rådhus (var Hole rådhus).");
    expect(changed).toContain("Tatt av sakslisten: Sak 2/27 B.");
    expect(changed).toContain("Sak 3/27 C er nå unntatt offentlighet (offl. § 13).");
    expect(changed).not.toContain("Rekkefølgen");
    expect(describeNoticeChanges(base, { ...base, items: [base.items[0], base.items[2], base.items[1]] })).toBe("Rekkefølgen på sakslisten er endret.");
  });
});

describe("legal check of the innkalling (kommuneloven § 11-3)", () => {
  let t: TestDb;
  let auId: string;
  let kduId: string;
  const now = new Date("2029-05-01T08:00:00Z");

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    const bodies = await t.db.body.findMany({ where: { council: { slug: "ringeriksregionen" } }, select: { id: true, abbreviation: true } });
    auId = bodies.find((b) => b.abbreviation === "AU")!.id;
    kduId = bodies.find((b) => b.abbreviation === "KDU")!.id;
    await t.db.person.updateMany({ data: { email: "alle@kommune.example.no" } });
  });
  afterAll(async () => t?.close());

  const meeting = (bodyId: string, startsAt: string, place: { location?: string | null; remoteUrl?: string | null } = { location: "Hole rådhus" }, end = true) =>
    t.db.$transaction((tx) =>
      createMeetingWithStandardItems(tx, {
        bodyId,
        startsAt: new Date(startsAt),
        endsAt: end ? new Date(new Date(startsAt).getTime() + 90 * 60_000) : null,
        location: place.location ?? null,
        remoteUrl: place.remoteUrl ?? null,
      }),
    );
  const withCase = async (id: string, extra: Parameters<typeof addCaseToMeeting>[2] = { title: "Regional transportplan", type: "VEDTAKSSAK", background: "Saksframlegg." }) => {
    await t.db.$transaction((tx) => addCaseToMeeting(tx, id, extra));
    return id;
  };
  const codes = (c: { code: string }[]) => c.map((x) => x.code);

  it("passes a complete, timely notice without warnings", async () => {
    const id = await withCase((await meeting(auId, "2029-06-04T12:00:00Z")).id);
    const checks = await checkNotice(t.db, id, now);
    expect(checks.blocking).toEqual([]);
    expect(checks.warnings).toEqual([]);
    expect(codes(checks.info)).toContain("public-announcement");
  });

  it("warns when the place is missing (neither location nor remote link)", async () => {
    const id = await withCase((await meeting(auId, "2029-06-05T12:00:00Z", { location: null, remoteUrl: null })).id);
    const checks = await checkNotice(t.db, id, now);
    expect(codes(checks.warnings)).toEqual(["missing-place"]);
    expect(checks.warnings[0].message).toContain("§ 11-3");
    // A Teams link alone is a place.
    const remote = await withCase((await meeting(auId, "2029-06-06T12:00:00Z", { remoteUrl: "https://teams.example.no/x" })).id);
    expect((await checkNotice(t.db, remote, now)).warnings).toEqual([]);
  });

  it("warns about missing end time, empty saksliste and missing case documents", async () => {
    const empty = await meeting(auId, "2029-06-07T12:00:00Z", undefined, false);
    const c1 = await checkNotice(t.db, empty.id, now);
    expect(codes(c1.warnings).sort()).toEqual(["empty-agenda", "missing-end-time"]);

    const bare = await withCase((await meeting(auId, "2029-06-08T12:00:00Z")).id, { title: "Sak uten papirer", type: "DROFTINGSSAK" });
    const c2 = await checkNotice(t.db, bare, now);
    expect(codes(c2.warnings)).toEqual(["missing-documents"]);
    expect(c2.warnings[0].message).toContain("Sak uten papirer");
  });

  it("warns when the notice goes out with too short time (under 7 days)", async () => {
    const id = await withCase((await meeting(auId, "2029-05-04T12:00:00Z")).id);
    const checks = await checkNotice(t.db, id, now);
    expect(codes(checks.warnings)).toEqual(["short-notice"]);
    expect(checks.warnings[0].message).toContain("rimelig tid");
    expect(checks.blocking).toEqual([]);
  });

  it("warns when the meeting is in the past", async () => {
    const id = await withCase((await meeting(auId, "2029-04-20T12:00:00Z")).id);
    const checks = await checkNotice(t.db, id, now);
    expect(codes(checks.warnings)).toEqual(["meeting-in-past"]);
  });

  it("warns about invitees without e-mail", async () => {
    const id = await withCase((await meeting(auId, "2029-06-11T12:00:00Z")).id);
    const torger = await t.db.person.findFirstOrThrow({ where: { name: "Torger Ødegaard" } });
    await t.db.person.update({ where: { id: torger.id }, data: { email: null } });
    try {
      const checks = await checkNotice(t.db, id, now);
      expect(codes(checks.warnings)).toEqual(["invitees-without-email"]);
      expect(checks.warnings[0].message).toContain("Torger Ødegaard");

      // An address the outbox would refuse is warned about, and does not stop the sending for the others.
      await t.db.person.update({ where: { id: torger.id }, data: { email: "torger@hole, ola@example.no" } });
      const invalid = await checkNotice(t.db, id, now);
      expect(codes(invalid.warnings)).toEqual(["invitees-invalid-email"]);
      expect(invalid.warnings[0].message).toContain("Torger Ødegaard («torger@hole, ola@example.no»)");
      const sent = await sendNotice(t.db, { meetingId: id, userId: null, actor: "test", baseUrl: "https://x.example", now });
      expect(sent).toMatchObject({ ok: true, version: 1, recipients: 10 });
      expect(await t.db.invitation.count({ where: { meetingId: id, personId: torger.id } })).toBe(0);
    } finally {
      await t.db.person.update({ where: { id: torger.id }, data: { email: "alle@kommune.example.no" } });
    }
  });

  it("blocks a closed item without legal basis and names it", async () => {
    const id = await withCase((await meeting(auId, "2029-06-12T12:00:00Z")).id);
    await t.db.agendaItem.updateMany({ where: { meetingId: id, title: "Regional transportplan" }, data: { isClosed: true } });
    const checks = await checkNotice(t.db, id, now);
    expect(codes(checks.blocking)).toEqual(["closed-without-basis"]);
    expect(checks.blocking[0].message).toContain("Regional transportplan");
    const sent = await sendNotice(t.db, { meetingId: id, userId: null, actor: "test", baseUrl: "https://x.example", now });
    expect(sent).toMatchObject({ ok: false, reason: "blocked" });
  });

  it("applies only the exempt-basis block, place/time and who gets it to administrative bodies", async () => {
    // KDU: no members, no saksliste, no place, no end, short notice and in the past: the § 11-3 rules
    // are for political bodies, but that nobody gets the notice is said for any body.
    const kdu = await meeting(kduId, "2029-04-30T08:00:00Z", { location: null }, false);
    const checks = await checkNotice(t.db, kdu.id, now);
    expect(checks.blocking).toEqual([]);
    expect(codes(checks.warnings).sort()).toEqual(["missing-end-time", "missing-place", "no-invitees"]);

    await withCase(kdu.id, { title: "Fortrolig personalsak", type: "DROFTINGSSAK", isExempt: true });
    const blocked = await checkNotice(t.db, kdu.id, now);
    expect(codes(blocked.blocking)).toEqual(["exempt-without-basis"]);
    expect(blocked.blocking[0].message).toContain("Fortrolig personalsak");
    expect(blocked.blocking[0].message).toContain("2. «Fortrolig personalsak»"); // the KDU's per-meeting number

    // A member without an e-mail address is named, as for a political body.
    const person = await t.db.person.create({ data: { name: "Fagleder Uten Adresse" }, select: { id: true } });
    await t.db.bodyMembership.create({ data: { bodyId: kduId, personId: person.id, role: "MEDLEM", validFrom: new Date("2020-01-01") } });
    const named = await checkNotice(t.db, kdu.id, now);
    expect(codes(named.warnings).sort()).toEqual(["invitees-without-email", "missing-end-time", "missing-place"]);
    expect(named.warnings.find((w) => w.code === "invitees-without-email")!.message).toContain("Fagleder Uten Adresse");
  });

  it("serialises concurrent sendings of the same meeting into versions 1 and 2", async () => {
    const id = await withCase((await meeting(auId, "2029-06-14T12:00:00Z")).id);
    const send = () => sendNotice(t.db, { meetingId: id, userId: null, actor: "test", baseUrl: "https://x.example", now });
    const results = await Promise.all([send(), send()]);
    expect(results.map((r) => (r.ok ? r.version : null)).sort()).toEqual([1, 2]);
    expect(await t.db.noticeVersion.count({ where: { meetingId: id } })).toBe(2);
    const items = await t.db.agendaItem.findMany({ where: { meetingId: id }, select: { number: true } });
    expect(items.every((i) => i.number !== null)).toBe(true);
    expect(new Set(items.map((i) => i.number)).size).toBe(items.length);
    const invitees = await t.db.invitation.count({ where: { meetingId: id } });
    expect(invitees).toBeGreaterThan(0);
    expect(await t.db.outboxMessage.count({ where: { dedupeKey: { startsWith: `notice:${id}:` } } })).toBe(2 * invitees);
  });

  it("blocks cancelled meetings, and refuses unknown ones", async () => {
    const id = await withCase((await meeting(auId, "2029-06-13T12:00:00Z")).id);
    await t.db.meeting.update({ where: { id }, data: { status: "CANCELLED", cancelledReason: "Avlyst" } });
    const checks = await checkNotice(t.db, id, now);
    expect(codes(checks.blocking)).toEqual(["cancelled"]);
    const sent = await sendNotice(t.db, { meetingId: id, userId: null, actor: "test", baseUrl: "https://x.example", now });
    expect(sent).toMatchObject({ ok: false, reason: "cancelled" });
    expect(await sendNotice(t.db, { meetingId: "finnes-ikke", userId: null, actor: "test", baseUrl: "https://x.example", now })).toEqual({ ok: false, reason: "not-found" });
    expect(await t.db.noticeVersion.count({ where: { meetingId: id } })).toBe(0);
  });
});
