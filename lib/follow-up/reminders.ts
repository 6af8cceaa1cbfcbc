import "server-only";
import type { Db } from "@/lib/server/db";
import { enqueueMail } from "@/lib/server/mail";
import { formatCalendarDate } from "@/lib/format/dates";
import { today } from "@/lib/follow-up/queries";

// Reminders about follow-up: one e-mail per responsible person and item when it comes within
// `daysBefore` of its due date, and one when it is overdue. Each is queued in the outbox under a
// dedupe key (item, person, kind, due date): the outbox insert is ON CONFLICT DO NOTHING on that
// key, so a second run – after a restart, or on another instance at the same moment – queues
// nothing new. A moved due date is a new key, so the person is reminded of the new date.

export type ReminderKind = "due-soon" | "overdue";

export type ReminderRunResult = { considered: number; queued: number; skippedOptOut: number; skippedNoAddress: number };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function reminderDedupeKey(kind: ReminderKind, actionItemId: string, personId: string, dueDate: Date): string {
  return `reminder:${kind}:${actionItemId}:${personId}:${dueDate.toISOString().slice(0, 10)}`;
}

export async function queueFollowUpReminders(db: Db, opts: { now?: Date; daysBefore: number; baseUrl: string }): Promise<ReminderRunResult> {
  const now = opts.now ?? new Date();
  const t = today(now);
  const horizon = new Date(t.getTime() + opts.daysBefore * 86_400_000);
  const items = await db.actionItem.findMany({
    where: { status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { not: null, lte: horizon } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: 5000,
    select: {
      id: true,
      title: true,
      dueDate: true,
      council: { select: { name: true } },
      assignees: {
        where: { personId: { not: null } },
        select: { person: { select: { id: true, name: true, email: true, user: { select: { email: true, remindersOptOut: true, isDisabled: true } } } } },
      },
    },
  });
  const result: ReminderRunResult = { considered: 0, queued: 0, skippedOptOut: 0, skippedNoAddress: 0 };
  const base = opts.baseUrl.replace(/\/+$/, "");
  for (const item of items) {
    const due = item.dueDate!;
    const kind: ReminderKind = due.getTime() < t.getTime() ? "overdue" : "due-soon";
    for (const a of item.assignees) {
      const person = a.person!;
      result.considered++;
      if (person.user?.remindersOptOut) {
        result.skippedOptOut++;
        continue;
      }
      const to = (person.user && !person.user.isDisabled ? person.user.email : null) ?? person.email;
      if (!to) {
        result.skippedNoAddress++;
        continue;
      }
      const link = `${base}/portal/oppfolging/${item.id}`;
      const when = formatCalendarDate(due);
      const subject = kind === "overdue" ? `Forfalt oppfølgingspunkt: ${item.title}` : `Frist ${when}: ${item.title}`;
      const lead = kind === "overdue" ? `Fristen for dette oppfølgingspunktet gikk ut ${when}.` : `Dette oppfølgingspunktet har frist ${when}.`;
      const text = [
        `Hei ${person.name},`,
        "",
        lead,
        "",
        `${item.title} (${item.council.name})`,
        "",
        `Oppdater status eller skriv et fremdriftsnotat: ${link}`,
        "",
        `Du får denne påminnelsen fordi du er ansvarlig. Påminnelser kan slås av under Innstillinger: ${base}/portal/innstillinger`,
      ].join("\n");
      const html = `<p>Hei ${escapeHtml(person.name)},</p><p>${escapeHtml(lead)}</p><p><strong>${escapeHtml(item.title)}</strong> (${escapeHtml(item.council.name)})</p><p><a href="${escapeHtml(link)}">Oppdater status eller skriv et fremdriftsnotat</a></p><p style="color:#555">Du får denne påminnelsen fordi du er ansvarlig. Påminnelser kan slås av under <a href="${escapeHtml(`${base}/portal/innstillinger`)}">Innstillinger</a>.</p>`;
      try {
        const queued = await enqueueMail(db, { to, subject, text, html, dedupeKey: reminderDedupeKey(kind, item.id, person.id, due) });
        if (queued.created) result.queued++;
      } catch {
        // One malformed address ("ola@kommune") must not stop everyone else's reminders.
        result.skippedNoAddress++;
      }
    }
  }
  return result;
}
