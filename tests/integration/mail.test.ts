import type { AddressInfo } from "node:net";
import ical, { type VEvent } from "node-ical";
import nodemailer, { type Transporter } from "nodemailer";
import PostalMime, { type Email } from "postal-mime";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { meetingToIcs } from "@/lib/calendar/ics";
import { enqueueMail, listOutbox, processOutbox, smtpTransportFromEnv } from "@/lib/server/mail";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";

// A real SMTP server on loopback: nodemailer speaks actual SMTP to it, and what arrives is parsed
// by an independent MIME parser, so the test sees what a mail client would see.
type Received = { raw: Buffer; rcptTo: string[]; mailFrom: string | null; user: string | null };

type SmtpFake = {
  port: number;
  received: Received[];
  // "rcpt": refuse every recipient with a temporary 450, as a greylisting or overloaded server would.
  mode: "accept" | "rcpt";
  transport: () => Transporter;
  close: () => Promise<void>;
};

async function startSmtp(): Promise<SmtpFake> {
  const fake = { received: [] as Received[], mode: "accept" as "accept" | "rcpt" };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 10 * 1024 * 1024,
    socketTimeout: 10_000,
    closeTimeout: 1_000,
    onAuth(auth, _session, cb) {
      if (auth.username === "ipr" && auth.password === "hemmelig/æ") return cb(null, { user: auth.username });
      cb(new Error("Feil brukernavn eller passord"));
    },
    onRcptTo(_address, _session, cb) {
      if (fake.mode === "rcpt") {
        const err = Object.assign(new Error("Mottaker midlertidig utilgjengelig, prøv igjen"), { responseCode: 450 });
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        fake.received.push({
          raw: Buffer.concat(chunks),
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          user: typeof session.user === "string" ? session.user : null,
        });
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
  return Object.assign(fake, {
    port,
    transport: () => {
      const t = nodemailer.createTransport({
        host: "127.0.0.1",
        port,
        secure: false,
        ignoreTLS: true,
        connectionTimeout: 5_000,
        greetingTimeout: 5_000,
        socketTimeout: 10_000,
      });
      transports.push(t);
      return t;
    },
    close: async () => {
      for (const t of transports) t.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

// The decoded body of the text/calendar part exactly as transmitted (base64 in, bytes out).
function calendarPartOnWire(raw: Buffer): string {
  const message = raw.toString("latin1");
  const part = message.slice(message.search(/Content-Type: text\/calendar/i));
  const headerEnd = part.indexOf("\r\n\r\n");
  expect(part.slice(0, headerEnd)).toMatch(/Content-Transfer-Encoding: base64/i);
  const body = part.slice(headerEnd + 4, part.indexOf("\r\n--", headerEnd));
  return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
}

const parse = (r: Received): Promise<Email> => PostalMime.parse(r.raw);
const minutes = (n: number) => n * 60_000;
// Comfortably after the database's CURRENT_TIMESTAMP default for rows queued just before.
const soon = () => new Date(Date.now() + 1_000);

// Bytes that are not valid UTF-8 and contain NUL and CR/LF, so any re-encoding would show.
const PDF_BYTES = Buffer.concat([
  Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1"),
  Buffer.from([0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x80, 0x81]),
  Buffer.from("\n%%EOF\n"),
]);

function plainMessage(n: number, extra: { dedupeKey?: string } = {}) {
  return {
    to: `medlem${n}@kommune.no`,
    subject: `Melding ${n} – påminnelse om møte`,
    html: `<p>Melding ${n}</p>`,
    text: `Melding ${n}`,
    ...extra,
  };
}

describe("mail outbox over real SMTP", () => {
  let t: TestDb;
  let smtp: SmtpFake;
  const savedEnv = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };

  beforeAll(async () => {
    t = await createTestDb();
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });
  beforeEach(async () => {
    await t.db.outboxMessage.deleteMany();
    smtp.received.length = 0;
    smtp.mode = "accept";
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it("(a) delivers HTML, a PDF and an ICS invitation with æøå intact", async () => {
    const ics = meetingToIcs({
      uid: "meeting-42@ipr-portalen.no",
      title: "Rådsmøte i IPR Trøndelag – Ørland, Åfjord og Frøya",
      startsAt: new Date("2022-01-17T13:00:00Z"),
      endsAt: new Date("2022-01-17T14:30:00Z"),
      location: "Rådhuset, Brekstad",
      method: "REQUEST",
      organizer: { name: "Sekretariatet", email: "post@ipr.no" },
    });
    const subject = "Innkalling: Rådsmøte 17. januar – økonomi, høringer og årsmelding (ÆØÅ)";
    const html = "<h1>Innkalling</h1><p>Møtet holdes på Rådhuset i Ørland. Saker: årsmelding, høring, økonomi.</p>";
    const text = "Innkalling\n\nMøtet holdes på Rådhuset i Ørland. Saker: årsmelding, høring, økonomi.";
    const queued = await enqueueMail(t.db, {
      to: "ordforer@orland.kommune.no",
      subject,
      html,
      text,
      attachments: [
        { fileName: "Innkalling-rådsmøte.pdf", contentType: "application/pdf", contentBase64: PDF_BYTES.toString("base64") },
        { fileName: "invitation.ics", contentType: "text/calendar; method=REQUEST; charset=UTF-8", contentBase64: Buffer.from(ics).toString("base64") },
      ],
    });
    expect(queued.created).toBe(true);

    const result = await processOutbox(t.db, { transport: smtp.transport(), from: "IPR Trøndelag <ikke-svar@ipr.no>", now: soon() });
    expect(result).toEqual({ sent: 1, failed: 0, retried: 0 });

    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received.rcptTo).toEqual(["ordforer@orland.kommune.no"]);
    expect(received.mailFrom).toBe("ikke-svar@ipr.no");
    // The calendar part must announce METHOD:REQUEST in its Content-Type for Outlook to show it as an invitation.
    expect(received.raw.toString("utf8")).toMatch(/Content-Type: text\/calendar; method=REQUEST/i);

    const mail = await parse(received);
    expect(mail.subject).toBe(subject);
    expect(mail.html).toContain("Møtet holdes på Rådhuset i Ørland");
    expect(mail.text?.trim()).toBe(text);
    expect(mail.from?.name).toBe("IPR Trøndelag");

    expect(mail.attachments).toHaveLength(2);
    const pdf = mail.attachments.find((a) => a.mimeType === "application/pdf")!;
    expect(pdf.filename).toBe("Innkalling-rådsmøte.pdf");
    expect(Buffer.from(pdf.content as ArrayBuffer).equals(PDF_BYTES)).toBe(true);

    const cal = mail.attachments.find((a) => a.mimeType === "text/calendar")!;
    expect(cal.method).toBe("REQUEST");
    const calText = Buffer.from(cal.content as ArrayBuffer).toString("utf8");
    // postal-mime hands calendar parts back with LF line ends, so compare modulo CRLF here…
    expect(calText).toBe(ics.replace(/\r\n/g, "\n"));
    // …and check the bytes on the wire, which must keep RFC 5545's CRLF.
    expect(calendarPartOnWire(received.raw)).toBe(ics);
    const ev = Object.values(ical.sync.parseICS(calText)).find((c) => (c as VEvent | undefined)?.type === "VEVENT") as VEvent;
    expect(ev.summary).toBe("Rådsmøte i IPR Trøndelag – Ørland, Åfjord og Frøya");
    expect(ev.start.toISOString()).toBe("2022-01-17T13:00:00.000Z");

    const row = await t.db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.status).toBe("SENT");
    expect(row.attempts).toBe(1);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.lastError).toBeNull();
  });

  it("(b) keeps a rejected message queued and delivers it exactly once when the server accepts", async () => {
    const { id } = await enqueueMail(t.db, plainMessage(1));
    const t0 = soon();
    smtp.mode = "rcpt";
    expect(await processOutbox(t.db, { transport: smtp.transport(), now: t0 })).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(smtp.received).toHaveLength(0);

    let row = await t.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("QUEUED");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("450");
    expect(row.lastError).not.toMatch(/\n|\bat .+:\d+:\d+/); // one line, no stack
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + minutes(1));

    // Before the backoff has passed nothing is tried, even though the server would now accept.
    smtp.mode = "accept";
    expect(await processOutbox(t.db, { transport: smtp.transport(), now: new Date(t0.getTime() + 30_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(0);

    const later = new Date(t0.getTime() + minutes(1));
    expect(await processOutbox(t.db, { transport: smtp.transport(), now: later })).toEqual({ sent: 1, failed: 0, retried: 0 });
    // Running again (also much later) must not send it a second time.
    expect(await processOutbox(t.db, { transport: smtp.transport(), now: new Date(t0.getTime() + minutes(120)) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(1);
    expect((await parse(smtp.received[0])).subject).toBe("Melding 1 – påminnelse om møte");

    row = await t.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("SENT");
    expect(row.attempts).toBe(2);
    expect(row.lastError).toBeNull();
  });

  it("(b) survives a server that is down (connection refused) the same way", async () => {
    const { id } = await enqueueMail(t.db, plainMessage(2));
    // A port that was free a moment ago: nothing listens there.
    const probe = await startSmtp();
    const deadTransport = probe.transport();
    await probe.close();

    const t0 = soon();
    expect(await processOutbox(t.db, { transport: deadTransport, now: t0 })).toEqual({ sent: 0, failed: 0, retried: 1 });
    const row = await t.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);

    expect(await processOutbox(t.db, { transport: smtp.transport(), now: new Date(t0.getTime() + minutes(1)) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("(c) makes enqueue idempotent by dedupeKey, sequentially, concurrently and inside a transaction", async () => {
    const first = await enqueueMail(t.db, plainMessage(3, { dedupeKey: "reminder:meeting-1:user-1" }));
    const second = await enqueueMail(t.db, { ...plainMessage(99), dedupeKey: "reminder:meeting-1:user-1" });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    // The first message wins; the second call changes nothing.
    expect((await t.db.outboxMessage.findUniqueOrThrow({ where: { id: first.id } })).subject).toBe("Melding 3 – påminnelse om møte");

    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => enqueueMail(t.db, plainMessage(10 + i, { dedupeKey: "notice:meeting-2:v1" }))),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await t.db.outboxMessage.count({ where: { dedupeKey: "notice:meeting-2:v1" } })).toBe(1);

    // A duplicate inside a transaction must not abort it (ON CONFLICT DO NOTHING, not a caught error).
    const inTx = await t.db.$transaction(async (tx) => {
      const a = await enqueueMail(tx, plainMessage(20, { dedupeKey: "tx-key" }));
      const b = await enqueueMail(tx, plainMessage(21, { dedupeKey: "tx-key" }));
      const c = await enqueueMail(tx, plainMessage(22));
      return { a, b, c };
    });
    expect(inTx.a.created).toBe(true);
    expect(inTx.b).toEqual({ id: inTx.a.id, created: false });
    expect(inTx.c.created).toBe(true);

    // Without a key every call queues a new message.
    await enqueueMail(t.db, plainMessage(30));
    await enqueueMail(t.db, plainMessage(30));
    expect(await t.db.outboxMessage.count({ where: { toAddress: "medlem30@kommune.no" } })).toBe(2);

    const all = await t.db.outboxMessage.count();
    const { sent } = await processOutbox(t.db, { transport: smtp.transport(), now: soon() });
    expect(sent).toBe(all);
    expect(smtp.received).toHaveLength(all);
  });

  it("(c) refuses input that could fan out or break headers", async () => {
    await expect(enqueueMail(t.db, { ...plainMessage(1), to: "a@kommune.no, b@kommune.no" })).rejects.toThrow();
    await expect(enqueueMail(t.db, { ...plainMessage(1), to: "ikke en adresse" })).rejects.toThrow();
    await expect(
      enqueueMail(t.db, { ...plainMessage(1), attachments: [{ fileName: "x.pdf", contentType: "application/pdf", contentBase64: "ikke base64!" }] }),
    ).rejects.toThrow();
    const { id } = await enqueueMail(t.db, { ...plainMessage(1), subject: "Linje 1\r\nBcc: angriper@example.com" });
    expect((await t.db.outboxMessage.findUniqueOrThrow({ where: { id } })).subject).toBe("Linje 1 Bcc: angriper@example.com");
    expect(await t.db.outboxMessage.count()).toBe(1);
  });

  it("(d) lets concurrent processors deliver each message exactly once", async () => {
    const count = 12;
    for (let i = 0; i < count; i++) await enqueueMail(t.db, plainMessage(100 + i));
    const now = soon();
    const runs = await Promise.all([
      processOutbox(t.db, { transport: smtp.transport(), now, batchSize: 50 }),
      processOutbox(t.db, { transport: smtp.transport(), now, batchSize: 50 }),
      processOutbox(t.db, { transport: smtp.transport(), now, batchSize: 50 }),
    ]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(count);
    // The work really was shared, so the runs overlapped rather than one draining the queue alone.
    expect(runs.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
    expect(runs.every((r) => r.failed === 0 && r.retried === 0)).toBe(true);

    expect(smtp.received).toHaveLength(count);
    const recipients = smtp.received.flatMap((r) => r.rcptTo).sort();
    expect(new Set(recipients).size).toBe(count);
    const rows = await t.db.outboxMessage.findMany();
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });

  it("(e) gives up after maxAttempts with exponential backoff, and marks the message FAILED", async () => {
    const { id } = await enqueueMail(t.db, plainMessage(7));
    smtp.mode = "rcpt";
    const t0 = soon();
    const transport = smtp.transport();
    const run = (offsetMin: number) => processOutbox(t.db, { transport, now: new Date(t0.getTime() + minutes(offsetMin)), maxAttempts: 4 });
    const next = async () => (await t.db.outboxMessage.findUniqueOrThrow({ where: { id } })).nextAttemptAt.getTime() - t0.getTime();

    expect(await run(0)).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await next()).toBe(minutes(1));
    expect(await run(1)).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await next()).toBe(minutes(1 + 2));
    expect(await run(2)).toEqual({ sent: 0, failed: 0, retried: 0 }); // not due yet
    expect(await run(3)).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await next()).toBe(minutes(3 + 4));
    expect(await run(7)).toEqual({ sent: 0, failed: 1, retried: 0 });

    const row = await t.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("FAILED");
    expect(row.attempts).toBe(4);
    expect(row.sentAt).toBeNull();
    expect(row.lastError!.length).toBeLessThanOrEqual(300);
    expect(row.lastError).toContain("450");

    // A failed message is never picked up again, even when the server recovers.
    smtp.mode = "accept";
    expect(await run(24 * 60)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(0);

    const failed = await listOutbox(t.db, { status: "FAILED" });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toEqual({
      id,
      toAddress: "medlem7@kommune.no",
      subject: "Melding 7 – påminnelse om møte",
      status: "FAILED",
      attempts: 4,
      lastError: row.lastError,
      createdAt: row.createdAt,
      sentAt: null,
    });
    expect(await listOutbox(t.db, { status: "SENT" })).toEqual([]);
  });

  it("does nothing without SMTP_URL, and sends through SMTP_URL with credentials and MAIL_FROM when set", async () => {
    const { id } = await enqueueMail(t.db, plainMessage(8));
    expect(smtpTransportFromEnv()).toBeNull();
    expect(await processOutbox(t.db, { now: soon() })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await t.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "QUEUED", attempts: 0 });

    process.env.SMTP_URL = `smtp://ipr:${encodeURIComponent("hemmelig/æ")}@127.0.0.1:${smtp.port}/?ignoreTLS=true`;
    process.env.MAIL_FROM = "Sekretariatet IPR <sekretariat@ipr.no>";
    expect(await processOutbox(t.db, { now: soon() })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].user).toBe("ipr");
    expect(smtp.received[0].mailFrom).toBe("sekretariat@ipr.no");
    expect((await parse(smtp.received[0])).from?.name).toBe("Sekretariatet IPR");

    // Wrong password: the error is stored without leaking the URL or the password.
    await enqueueMail(t.db, plainMessage(9));
    process.env.SMTP_URL = `smtp://ipr:feil-passord@127.0.0.1:${smtp.port}/?ignoreTLS=true`;
    expect(await processOutbox(t.db, { now: soon() })).toEqual({ sent: 0, failed: 0, retried: 1 });
    const [failedRow] = await listOutbox(t.db, { status: "QUEUED" });
    expect(failedRow.lastError).toMatch(/EAUTH/);
    expect(failedRow.lastError).not.toContain("feil-passord");

    process.env.SMTP_URL = "http://not-smtp";
    expect(() => smtpTransportFromEnv()).toThrow(/SMTP_URL/);
  });
});
