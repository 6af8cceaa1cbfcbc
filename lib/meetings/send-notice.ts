import "server-only";
import { freezeFollowUpLists } from "@/lib/follow-up/snapshot";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db";
import { meetingToIcs } from "@/lib/calendar/ics";
import { renderNoticePdf } from "@/lib/documents/notice-pdf";
import { formatDate, formatShortDate } from "@/lib/format/dates";
import { writeAudit } from "@/lib/server/audit";
import { enqueueMail, mailFrom } from "@/lib/server/mail";
import { checkNotice, type Check } from "@/lib/meetings/legal-check";
import type { NoticeDocument } from "@/lib/meetings/notice-model";
import {
  inviteesAt,
  isItemExempt,
  itemExemptionBasis,
  itemNumberLabel,
  loadNoticeMeeting,
  toNoticeDocument,
  type NoticeMeetingRow,
  type NoticeRecipient,
} from "@/lib/meetings/notice";
import { lockMeeting, numberItems } from "@/lib/meetings/numbering";

// Sending the innkalling (kommuneloven § 11-3). One transaction: the meeting lock, the legal check,
// the numbering of the remaining items (so "Eventuelt" gets its number now), the frozen
// NoticeVersion, the invitations and the queued e-mails either all happen or none does. The mails
// leave through the outbox (lib/server/mail.ts) after commit.

export type SendNoticeInput = {
  meetingId: string;
  userId: string | null;
  /** Who, as shown in the audit log ("kari@ipr.no"). */
  actor: string;
  /** Public origin of the portal, e.g. "https://ipr.example.no"; used for links in the mail. */
  baseUrl: string;
  now?: Date;
};

export type SendNoticeResult =
  | { ok: true; version: number; recipients: number; changes: string | null }
  | { ok: false; reason: "blocked" | "cancelled" | "not-found"; checks?: Check[] };

// ───────────────────────────── Snapshot and changes ─────────────────────────────

const snapshotItemSchema = z.object({
  id: z.string(),
  position: z.number(),
  numberLabel: z.string().nullable(),
  title: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  exempt: z.boolean(),
  exemptionBasis: z.string().nullable(),
});

const snapshotSchema = z.object({
  format: z.literal(1),
  version: z.number(),
  sentAt: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  timeLabel: z.string(),
  location: z.string().nullable(),
  remoteUrl: z.string().nullable(),
  items: z.array(snapshotItemSchema),
});

/** The notice as sent, safe to show anyone: numbers, titles, types and exempt flags, no content. */
export type NoticeSnapshot = z.infer<typeof snapshotSchema>;

export function noticeSnapshot(row: NoticeMeetingRow, doc: NoticeDocument, sentAt: Date): NoticeSnapshot {
  const bodyFormat = row.body.caseSeries?.format ?? null;
  return {
    format: 1,
    version: doc.version,
    sentAt: sentAt.toISOString(),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    timeLabel: doc.timeLabel,
    location: doc.location,
    remoteUrl: doc.remoteUrl,
    items: row.items.map((item, i) => ({
      id: item.id,
      position: item.position,
      numberLabel: itemNumberLabel(item, bodyFormat),
      title: item.title,
      type: item.type,
      typeLabel: doc.items[i].typeLabel,
      exempt: isItemExempt(item),
      exemptionBasis: isItemExempt(item) ? itemExemptionBasis(item) : null,
    })),
  };
}

export function parseNoticeSnapshot(value: unknown): NoticeSnapshot | null {
  const parsed = snapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

type SnapshotItem = NoticeSnapshot["items"][number];
const itemLabel = (i: SnapshotItem) => (i.numberLabel ? `${i.numberLabel} ${i.title}` : i.title);
const orNone = (s: string | null) => s ?? "ikke oppgitt";

/** What changed since the previous notice, in Norwegian, one sentence per line. */
export function describeNoticeChanges(prev: NoticeSnapshot, next: NoticeSnapshot): string {
  const lines: string[] = [];
  if (prev.startsAt !== next.startsAt || prev.endsAt !== next.endsAt) {
    lines.push(`Nytt tidspunkt: ${next.timeLabel} (var ${prev.timeLabel}).`);
  }
  if ((prev.location ?? "") !== (next.location ?? "")) {
    lines.push(`Nytt møtested: ${orNone(next.location)} (var ${orNone(prev.location)}).`);
  }
  if ((prev.remoteUrl ?? "") !== (next.remoteUrl ?? "")) {
    if (!prev.remoteUrl) lines.push(`Møtet kan nå også følges digitalt: ${next.remoteUrl}`);
    else if (!next.remoteUrl) lines.push("Lenken til digitalt møte er fjernet.");
    else lines.push(`Ny lenke til digitalt møte: ${next.remoteUrl}`);
  }

  const before = new Map(prev.items.map((i) => [i.id, i]));
  const after = new Map(next.items.map((i) => [i.id, i]));
  for (const item of next.items) {
    const old = before.get(item.id);
    if (!old) {
      lines.push(`Ny sak på sakslisten: ${itemLabel(item)}${item.exempt ? " (unntatt offentlighet)" : ""}.`);
      continue;
    }
    if (old.title !== item.title) {
      lines.push(`Ny tittel på ${item.numberLabel ?? "sak"}: «${item.title}» (var «${old.title}»).`);
    }
    if (old.numberLabel !== item.numberLabel && old.numberLabel !== null) {
      lines.push(`«${item.title}» har fått nytt saksnummer: ${item.numberLabel ?? "uten nummer"} (var ${old.numberLabel}).`);
    }
    if (old.type !== item.type) {
      lines.push(`${itemLabel(item)} er endret fra ${old.typeLabel.toLowerCase()} til ${item.typeLabel.toLowerCase()}.`);
    }
    if (old.exempt !== item.exempt) {
      lines.push(
        item.exempt
          ? `${itemLabel(item)} er nå unntatt offentlighet${item.exemptionBasis ? ` (${item.exemptionBasis})` : ""}.`
          : `${itemLabel(item)} er ikke lenger unntatt offentlighet.`,
      );
    }
  }
  for (const item of prev.items) {
    if (!after.has(item.id)) lines.push(`Tatt av sakslisten: ${itemLabel(item)}.`);
  }
  const commonBefore = prev.items.filter((i) => after.has(i.id)).map((i) => i.id);
  const commonAfter = next.items.filter((i) => before.has(i.id)).map((i) => i.id);
  if (commonBefore.join("\n") !== commonAfter.join("\n")) lines.push("Rekkefølgen på sakslisten er endret.");

  return lines.length ? lines.join("\n") : "Ingen endringer i tid, sted eller saksliste.";
}

// ───────────────────────────── Mail ─────────────────────────────

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}

function link(url: string, text: string = url): string {
  const href = safeHref(url);
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

export function noticeSubject(doc: Pick<NoticeDocument, "bodyName" | "startsAt">, version: number): string {
  return `${version > 1 ? "Endret innkalling" : "Innkalling"}: ${doc.bodyName} ${formatDate(doc.startsAt)}`;
}

type MailParts = {
  doc: NoticeDocument;
  version: number;
  changes: string | null;
  changeNote: string | null;
  recipientName: string;
  responseUrl: string;
};

const EXEMPT_NOTE =
  "Saker merket «unntatt offentlighet» har ikke saksdokumentene med i vedlagt PDF. Dokumentene i disse sakene deles ut separat av sekretariatet.";

/** "Sak 3/27 Regional plan (vedtakssak)", "Sak 4/27 Leieavtale (vedtakssak, unntatt offentlighet)", "Sak 6/27 Eventuelt". */
function itemLine(i: NoticeDocument["items"][number]): string {
  const head = i.numberLabel ? `${i.numberLabel} ${i.title}` : i.title;
  const notes: string[] = [];
  if (!i.title.toLowerCase().startsWith(i.typeLabel.toLowerCase())) notes.push(i.typeLabel.toLowerCase());
  if (i.redacted) notes.push("unntatt offentlighet");
  return notes.length ? `${head} (${notes.join(", ")})` : head;
}

export function noticeMailHtml(p: MailParts): string {
  const { doc } = p;
  const e = escapeHtml;
  const heading = `${p.version > 1 ? "Endret innkalling" : "Innkalling"} til møte i ${doc.bodyName}`;
  const place: string[] = [];
  if (doc.location) place.push(e(doc.location));
  if (doc.remoteUrl) place.push(`Digitalt: ${link(doc.remoteUrl)}`);
  const rows: [string, string][] = [
    ["Tid", e(doc.timeLabel)],
    ["Sted", place.length ? place.join("<br>") : "Ikke fastsatt"],
  ];
  const cell = "padding:2px 12px 2px 0;vertical-align:top;text-align:left";
  const parts: string[] = [
    `<p style="color:#555;margin:0 0 4px">${e(doc.councilName)}</p>`,
    `<h1 style="font-size:20px;margin:0 0 12px">${e(heading)}</h1>`,
    `<p>Til ${e(p.recipientName)}</p>`,
    `<table role="presentation" style="border-collapse:collapse;margin:0 0 12px">${rows
      .map(([k, v]) => `<tr><th scope="row" style="${cell}">${e(k)}:</th><td style="${cell}">${v}</td></tr>`)
      .join("")}</table>`,
  ];
  if (p.changes) {
    parts.push(
      `<h2 style="font-size:16px">Endringer siden forrige innkalling</h2>`,
      `<ul>${p.changes
        .split("\n")
        .filter(Boolean)
        .map((l) => `<li>${e(l)}</li>`)
        .join("")}</ul>`,
    );
    if (p.changeNote?.trim()) parts.push(`<p>${e(p.changeNote.trim())}</p>`);
  }
  parts.push(`<h2 style="font-size:16px">Saksliste</h2>`);
  parts.push(
    doc.items.length
      ? `<ol style="list-style:none;padding-left:0">${doc.items
          .map((i) => `<li style="margin:0 0 4px">${e(itemLine(i))}</li>`)
          .join("")}</ol>`
      : "<p>Ingen saker er satt opp.</p>",
  );
  if (doc.items.some((i) => i.redacted)) parts.push(`<p>${e(EXEMPT_NOTE)}</p>`);
  parts.push(
    `<p>Innkallingen med saksframlegg er vedlagt som PDF, og møtet ligger som kalenderinvitasjon i vedlegget.</p>`,
    `<p style="margin:16px 0"><a href="${e(p.responseUrl)}" style="font-weight:bold">Meld forfall eller bekreft oppmøte</a></p>`,
    `<p>${e(doc.absenceInstructions)}</p>`,
  );
  if (doc.url) parts.push(`<p>Innkallingen på nett: ${link(doc.url)}</p>`);
  parts.push(`<p style="color:#555;font-size:12px">Lenken for forfall er personlig. Ikke videresend denne e-posten.</p>`);
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${e(heading)}</title></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1a1a1a">${parts.join("\n")}</body></html>`;
}

export function noticeMailText(p: MailParts): string {
  const { doc } = p;
  const lines: string[] = [
    doc.councilName,
    `${p.version > 1 ? "Endret innkalling" : "Innkalling"} til møte i ${doc.bodyName}`,
    "",
    `Til ${p.recipientName}`,
    "",
    `Tid: ${doc.timeLabel}`,
    `Sted: ${doc.location ?? (doc.remoteUrl ? "Digitalt" : "Ikke fastsatt")}`,
  ];
  if (doc.remoteUrl) lines.push(`Digitalt: ${doc.remoteUrl}`);
  if (p.changes) {
    lines.push("", "Endringer siden forrige innkalling:", ...p.changes.split("\n").filter(Boolean).map((l) => `- ${l}`));
    if (p.changeNote?.trim()) lines.push(p.changeNote.trim());
  }
  lines.push("", "Saksliste:");
  if (doc.items.length) lines.push(...doc.items.map((i) => `- ${itemLine(i)}`));
  else lines.push("Ingen saker er satt opp.");
  if (doc.items.some((i) => i.redacted)) lines.push("", EXEMPT_NOTE);
  lines.push(
    "",
    "Innkallingen med saksframlegg er vedlagt som PDF, og møtet ligger som kalenderinvitasjon i vedlegget.",
    "",
    `Meld forfall eller bekreft oppmøte: ${p.responseUrl}`,
    doc.absenceInstructions,
  );
  if (doc.url) lines.push("", `Innkallingen på nett: ${doc.url}`);
  lines.push("", "Lenken for forfall er personlig. Ikke videresend denne e-posten.");
  return lines.join("\n");
}

function organizer(councilName: string, councilEmail: string | null): { name: string; email: string } | undefined {
  if (councilEmail?.trim()) return { name: councilName, email: councilEmail.trim() };
  try {
    const from = mailFrom();
    const match = from.match(/<([^<>\s]+@[^<>\s]+)>/) ?? from.match(/^\s*([^<>\s]+@[^<>\s]+)\s*$/);
    return match ? { name: councilName, email: match[1] } : undefined;
  } catch {
    return undefined;
  }
}

function icsDescription(doc: NoticeDocument): string {
  const lines = [`Innkalling til møte i ${doc.bodyName}`, "", "Saksliste:", ...doc.items.map((i) => `- ${itemLine(i)}`)];
  if (doc.url) lines.push("", doc.url);
  return lines.join("\n");
}

// ───────────────────────────── Send ─────────────────────────────

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

const INNKALLING_TITLE = /^godkjenning av innkalling/i;

async function fillApprovalNoticeText(tx: Tx, meetingId: string, now: Date): Promise<void> {
  const candidates = await tx.agendaItem.findMany({
    where: { meetingId, status: "ACTIVE", type: "GODKJENNING", approvesMinutesOfId: null },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, title: true, noticeText: true },
  });
  const item = candidates.find((c) => INNKALLING_TITLE.test(c.title.trim()));
  if (!item || item.noticeText.trim()) return;
  await tx.agendaItem.update({
    where: { id: item.id },
    data: { noticeText: `Innkallingen ble sendt ut pr. e-post ${formatDate(now)}`, version: { increment: 1 } },
  });
}

/**
 * Sends (or re-sends) the innkalling: checks, numbers, freezes a NoticeVersion, creates the
 * personal invitations and queues one e-mail per invitee with e-mail, with the public PDF and an
 * ICS invitation attached. Nothing is written when a blocking check fails.
 */
export async function sendNotice(db: Db, input: SendNoticeInput): Promise<SendNoticeResult> {
  const now = input.now ?? new Date();
  const baseUrl = input.baseUrl.replace(/\/+$/, "");
  const { meetingId } = input;

  return db.$transaction(
    async (tx): Promise<SendNoticeResult> => {
      await lockMeeting(tx, meetingId);
      const before = await tx.meeting.findUnique({
        where: { id: meetingId },
        select: { status: true, noticeSentAt: true, announcedAt: true, version: true, body: { select: { councilId: true } } },
      });
      if (!before) return { ok: false, reason: "not-found" };

      const checks = await checkNotice(tx, meetingId, now);
      if (before.status === "CANCELLED") return { ok: false, reason: "cancelled", checks: checks.blocking };
      if (checks.blocking.length) return { ok: false, reason: "blocked", checks: checks.blocking };

      // Every remaining item gets its number now, in sakskart order: "Eventuelt" last.
      await numberItems(tx, meetingId);
      const first = before.noticeSentAt === null;
      if (first) await fillApprovalNoticeText(tx, meetingId, now);

      const previous = await tx.noticeVersion.findFirst({
        where: { meetingId },
        orderBy: { number: "desc" },
        select: { number: true, snapshot: true },
      });
      const version = (previous?.number ?? 0) + 1;

      const after = await tx.meeting.update({
        where: { id: meetingId },
        data: {
          noticeSentAt: before.noticeSentAt ?? now,
          announcedAt: before.announcedAt ?? now,
          ...(before.status === "PLANNED" ? { status: "NOTICE_SENT" as const } : {}),
          version: { increment: 1 },
        },
        select: { noticeSentAt: true, announcedAt: true, status: true, version: true, changeNote: true },
      });

      // "Oppfølging av vedtak" is frozen with the notice: statuses as of this sending.
      await freezeFollowUpLists(tx, meetingId, now);
      const row = await loadNoticeMeeting(tx, meetingId);
      if (!row) return { ok: false, reason: "not-found" };
      const publicDoc: NoticeDocument = { ...toNoticeDocument(row, { audience: "public", baseUrl }), version };

      const snapshot = noticeSnapshot(row, publicDoc, now);
      const prevSnapshot = previous ? parseNoticeSnapshot(previous.snapshot) : null;
      const changes = previous
        ? prevSnapshot
          ? describeNoticeChanges(prevSnapshot, snapshot)
          : "Innkallingen er sendt på nytt."
        : null;
      await tx.noticeVersion.create({
        data: {
          meetingId,
          number: version,
          sentAt: now,
          sentById: input.userId,
          changes,
          snapshot: snapshot as unknown as Prisma.InputJsonValue,
        },
      });

      // Invitations: one per person and meeting; a re-sent notice keeps the same personal link.
      const recipients = inviteesAt(row.body.memberships, row.startsAt).filter(
        (r): r is NoticeRecipient & { email: string } => r.email !== null,
      );
      if (recipients.length) {
        await tx.invitation.createMany({
          data: recipients.map((r) => ({ meetingId, personId: r.personId, token: newToken() })),
          skipDuplicates: true,
        });
      }
      const invitations = await tx.invitation.findMany({
        where: { meetingId, personId: { in: recipients.map((r) => r.personId) } },
        select: { personId: true, token: true },
      });
      const tokenOf = new Map(invitations.map((i) => [i.personId, i.token]));

      const pdf = await renderNoticePdf(publicDoc);
      const ics = meetingToIcs({
        uid: `${meetingId}@ipr-portalen`,
        title: row.title?.trim() || `${row.body.name} – ${row.body.council.shortName?.trim() || row.body.council.name}`,
        description: icsDescription(publicDoc),
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        location: [publicDoc.location, publicDoc.remoteUrl].filter(Boolean).join(" / ") || null,
        url: publicDoc.url,
        sequence: version - 1,
        method: "REQUEST",
        organizer: organizer(row.body.council.name, row.body.council.email),
        stamp: now,
      });
      const attachments = [
        {
          fileName: `Innkalling ${row.body.abbreviation} ${formatShortDate(row.startsAt)}.pdf`,
          contentType: "application/pdf",
          contentBase64: pdf.toString("base64"),
        },
        {
          fileName: "invitation.ics",
          contentType: "text/calendar; method=REQUEST; charset=UTF-8",
          contentBase64: Buffer.from(ics, "utf8").toString("base64"),
        },
      ];
      const subject = noticeSubject(publicDoc, version);

      for (const r of recipients) {
        const token = tokenOf.get(r.personId);
        if (!token) throw new Error(`Fant ikke invitasjonen til ${r.name}`);
        const parts: MailParts = {
          doc: publicDoc,
          version,
          changes,
          changeNote: after.changeNote,
          recipientName: r.name,
          responseUrl: `${baseUrl}/forfall/${token}`,
        };
        await enqueueMail(tx, {
          to: r.email,
          subject,
          html: noticeMailHtml(parts),
          text: noticeMailText(parts),
          attachments,
          dedupeKey: `notice:${meetingId}:v${version}:${r.personId}`,
        });
      }

      await writeAudit(tx, {
        userId: input.userId,
        actor: input.actor,
        councilId: before.body.councilId,
        action: "meeting.notice.send",
        entityType: "Meeting",
        entityId: meetingId,
        before: { noticeSentAt: before.noticeSentAt, status: before.status, version: before.version, noticeVersion: previous?.number ?? 0 },
        after: {
          noticeSentAt: after.noticeSentAt,
          status: after.status,
          version: after.version,
          noticeVersion: version,
          recipients: recipients.length,
          warnings: checks.warnings.map((w) => w.code),
        },
      });

      return { ok: true, version, recipients: recipients.length, changes };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * When a meeting whose notice went out is called off, everyone invited gets word, with a calendar
 * cancellation (METHOD:CANCEL, a SEQUENCE above the last invitation's) that takes the meeting out
 * of Outlook. Queued in the caller's transaction under one key per person, so a retried
 * cancellation sends nothing twice. Returns how many were queued.
 */
export async function queueCancellationNotices(tx: Tx, meetingId: string, reason: string, now = new Date()): Promise<number> {
  const m = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      title: true,
      startsAt: true,
      endsAt: true,
      noticeSentAt: true,
      body: { select: { name: true, council: { select: { name: true, shortName: true, email: true } } } },
      _count: { select: { noticeVersions: true } },
      invitations: { orderBy: { id: "asc" }, select: { personId: true, person: { select: { name: true, email: true } } } },
    },
  });
  if (!m.noticeSentAt) return 0;
  const ics = meetingToIcs({
    uid: `${meetingId}@ipr-portalen`,
    title: m.title?.trim() || `${m.body.name} – ${m.body.council.shortName?.trim() || m.body.council.name}`,
    description: `Møtet er avlyst. ${reason}`,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    sequence: m._count.noticeVersions,
    method: "CANCEL",
    organizer: organizer(m.body.council.name, m.body.council.email),
    stamp: now,
  });
  const attachments = [{ fileName: "cancel.ics", contentType: "text/calendar; method=CANCEL; charset=UTF-8", contentBase64: Buffer.from(ics, "utf8").toString("base64") }];
  const subject = `Avlyst: ${m.body.name} ${formatDate(m.startsAt)}`;
  let queued = 0;
  for (const i of m.invitations) {
    const to = i.person.email?.trim();
    if (!to) continue;
    const lead = `Møtet i ${m.body.name} ${formatDate(m.startsAt)} er avlyst.`;
    const text = [`Hei ${i.person.name},`, "", lead, "", `Begrunnelse: ${reason}`, "", `Hilsen sekretariatet i ${m.body.council.name}`].join("\n");
    const html = `<p>Hei ${escapeHtml(i.person.name)},</p><p><strong>${escapeHtml(lead)}</strong></p><p>Begrunnelse: ${escapeHtml(reason)}</p><p>Hilsen sekretariatet i ${escapeHtml(m.body.council.name)}</p>`;
    try {
      const r = await enqueueMail(tx, { to, subject, text, html, attachments, dedupeKey: `cancel:${meetingId}:${i.personId}` });
      if (r.created) queued++;
    } catch (e) {
      // An address the mail schema refuses ("ola@kommune") must not stop the cancellation itself.
      if (!(e instanceof z.ZodError)) throw e;
    }
  }
  return queued;
}
