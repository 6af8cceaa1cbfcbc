import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { z } from "zod";
import { OutboxStatus } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db";

// Mail goes through the OutboxMessage table rather than straight to SMTP: the message is queued in
// the same transaction as the change that caused it (a sent innkalling, a reminder), survives an
// SMTP outage or restart, and is visible to admins. Delivery is at-least-once: if the process dies
// between the SMTP server accepting a message and the row being marked SENT, the message is sent
// again once its lease runs out.

export type MailAttachment = { fileName: string; contentType: string; contentBase64: string };

export type MailInput = {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
  // Same key, same message: a second enqueue with this key is a no-op.
  dedupeKey?: string;
};

export type ProcessOutboxOptions = {
  transport?: Transporter;
  now?: Date;
  batchSize?: number;
  maxAttempts?: number;
  // Sender address; defaults to MAIL_FROM.
  from?: string;
};

export type ProcessOutboxResult = { sent: number; failed: number; retried: number };

export type OutboxListItem = {
  id: string;
  toAddress: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

const DEFAULT_FROM = "IPR-portalen <ikke-svar@ipr-portalen.no>";
const DEFAULT_BATCH_SIZE = 20;
const DEFAULT_MAX_ATTEMPTS = 8;
// A claimed message is hidden from other instances this long. It must outlast one SMTP
// conversation, which the timeouts in smtpTransportFromEnv bound to about two minutes.
const LEASE_MS = 10 * 60 * 1000;
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
const MAX_ERROR_LENGTH = 300;

// ───────────────────────────── Configuration ─────────────────────────────

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// Parsed here rather than in lib/server/env.ts so mail stays optional and self-contained.
const mailEnvSchema = z.object({
  SMTP_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine((v) => /^smtps?:\/\/[^/\s]+/i.test(v), "SMTP_URL må ha formen smtp://bruker:passord@vert:587 eller smtps://…")
      .optional(),
  ),
  MAIL_FROM: z.preprocess(blankToUndefined, z.string().trim().min(3).default(DEFAULT_FROM)),
});

function mailEnv(): z.infer<typeof mailEnvSchema> {
  const parsed = mailEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    // The URL may hold a password, so only the messages are reported, never the value.
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Ugyldig e-postkonfigurasjon:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The configured sender, e.g. "IPR-portalen <ikke-svar@ipr-portalen.no>". */
export function mailFrom(): string {
  return mailEnv().MAIL_FROM;
}

/** A nodemailer transport for SMTP_URL, or null when mail is not configured (the embedded default). */
export function smtpTransportFromEnv(): Transporter | null {
  const { SMTP_URL, MAIL_FROM } = mailEnv();
  if (!SMTP_URL) return null;
  return nodemailer.createTransport(
    {
      url: SMTP_URL,
      // nodemailer's default socket timeout is ten minutes; a hung server must not outlive the lease.
      // Query parameters in SMTP_URL (e.g. ?socketTimeout=…) still win over these.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    } satisfies SMTPTransport.Options,
    { from: MAIL_FROM },
  );
}

// ───────────────────────────── Enqueue ─────────────────────────────

// One recipient per message; commas or angle brackets would let one row fan out to many.
const addressSchema = z
  .string()
  .trim()
  .max(320)
  .regex(/^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+\.[^\s@<>,;:"()[\]\\]+$/u, "Ugyldig e-postadresse");

const attachmentSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentType: z.string().trim().min(3).max(200),
  contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "Vedlegget må være base64"),
});

const inputSchema = z.object({
  to: addressSchema,
  // Header values cannot carry line breaks; folding them here keeps the subject readable.
  subject: z
    .string()
    .transform((s) => s.replace(/[\r\n\t]+/g, " ").trim())
    .pipe(z.string().min(1).max(998)),
  html: z.string(),
  text: z.string(),
  attachments: z.array(attachmentSchema).default([]),
  dedupeKey: z.string().trim().min(1).max(500).optional(),
});

/**
 * Queues a message. With a dedupeKey it is idempotent, also under concurrency: the insert is
 * INSERT … ON CONFLICT DO NOTHING on the unique key, so racing callers get one row between them.
 */
export async function enqueueMail(db: Db | Tx, msg: MailInput): Promise<{ id: string; created: boolean }> {
  const input = inputSchema.parse(msg);
  const data = {
    toAddress: input.to,
    subject: input.subject,
    html: input.html,
    text: input.text,
    attachments: input.attachments,
    dedupeKey: input.dedupeKey ?? null,
  };
  if (!input.dedupeKey) {
    const row = await db.outboxMessage.create({ data, select: { id: true } });
    return { id: row.id, created: true };
  }
  // skipDuplicates is ON CONFLICT DO NOTHING on PostgreSQL: no exception, so an enclosing
  // transaction is not aborted by the duplicate.
  const created = await db.outboxMessage.createManyAndReturn({ data: [data], skipDuplicates: true, select: { id: true } });
  if (created.length === 1) return { id: created[0].id, created: true };
  const existing = await db.outboxMessage.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } });
  // Only reachable if the conflicting row vanished in between, or was inserted by a transaction
  // this one cannot see yet (REPEATABLE READ); the caller can retry.
  if (!existing) throw new Error(`E-post med nøkkel ${input.dedupeKey} kunne ikke legges i kø`);
  return { id: existing.id, created: false };
}

// ───────────────────────────── Delivery ─────────────────────────────

type ClaimedRow = {
  id: string;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  attachments: unknown;
  attempts: number;
};

const storedAttachmentsSchema = z.array(attachmentSchema);

/**
 * Claims one due message by pushing its nextAttemptAt past a lease. FOR UPDATE SKIP LOCKED makes
 * racing instances pick different rows; a row claimed and committed meanwhile fails the re-checked
 * "nextAttemptAt <= now" and is skipped too. One row per claim keeps each lease covering a single
 * SMTP conversation instead of a whole batch.
 */
async function claimOne(db: Db, now: Date): Promise<ClaimedRow | null> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await db.$queryRaw<ClaimedRow[]>`
    WITH due AS (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", "createdAt", "id"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxMessage" AS o
    SET "nextAttemptAt" = ${leaseUntil}
    FROM due
    WHERE o."id" = due."id"
    RETURNING o."id", o."toAddress", o."subject", o."html", o."text", o."attachments", o."attempts"`;
  return rows[0] ?? null;
}

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/** A one-line reason for the admin page: no stack, no credentials, bounded length. */
export function shortError(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown; responseCode?: unknown };
  const message = typeof e?.message === "string" ? e.message : String(err);
  const firstLine = message.split(/\r?\n/)[0].trim() || "Ukjent feil";
  const code = typeof e?.code === "string" ? `${e.code}: ` : "";
  const cleaned = `${code}${firstLine}`.replace(/\/\/[^/@\s]*@/g, "//***@");
  return cleaned.length > MAX_ERROR_LENGTH ? `${cleaned.slice(0, MAX_ERROR_LENGTH - 1)}…` : cleaned;
}

/**
 * Sends due messages. Safe to run from several app instances at once; each message is claimed by
 * exactly one of them. Without a transport and without SMTP_URL it does nothing, so messages
 * simply wait in the outbox.
 */
export async function processOutbox(db: Db, opts: ProcessOutboxOptions = {}): Promise<ProcessOutboxResult> {
  const result: ProcessOutboxResult = { sent: 0, failed: 0, retried: 0 };
  const ownTransport = opts.transport ? null : smtpTransportFromEnv();
  const transport = opts.transport ?? ownTransport;
  if (!transport) return result;

  const now = opts.now ?? new Date();
  const batchSize = Math.max(1, Math.trunc(opts.batchSize ?? DEFAULT_BATCH_SIZE));
  const maxAttempts = Math.max(1, Math.trunc(opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
  const from = opts.from ?? mailFrom();

  try {
    for (let i = 0; i < batchSize; i++) {
      const msg = await claimOne(db, now);
      if (!msg) break;
      const attempts = msg.attempts + 1;
      try {
        const attachments = storedAttachmentsSchema.parse(msg.attachments ?? []);
        await transport.sendMail({
          from,
          to: msg.toAddress,
          subject: msg.subject,
          html: msg.html,
          text: msg.text,
          attachments: attachments.map((a) => ({
            filename: a.fileName,
            contentType: a.contentType,
            content: a.contentBase64,
            encoding: "base64",
          })),
        });
      } catch (err) {
        const giveUp = attempts >= maxAttempts;
        await db.outboxMessage.update({
          where: { id: msg.id },
          data: {
            attempts,
            lastError: shortError(err),
            status: giveUp ? OutboxStatus.FAILED : OutboxStatus.QUEUED,
            nextAttemptAt: giveUp ? now : new Date(now.getTime() + backoffMs(attempts)),
          },
        });
        if (giveUp) result.failed++;
        else result.retried++;
        continue;
      }
      await db.outboxMessage.update({
        where: { id: msg.id },
        data: { attempts, status: OutboxStatus.SENT, sentAt: now, lastError: null },
      });
      result.sent++;
    }
  } finally {
    ownTransport?.close();
  }
  return result;
}

// ───────────────────────────── Admin ─────────────────────────────

/** Newest first, as plain objects for the admin outbox page. */
export async function listOutbox(
  db: Db | Tx,
  opts: { status?: OutboxStatus; take?: number } = {},
): Promise<OutboxListItem[]> {
  const take = Math.min(500, Math.max(1, Math.trunc(opts.take ?? 100)));
  return db.outboxMessage.findMany({
    where: opts.status ? { status: opts.status } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      toAddress: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
}
