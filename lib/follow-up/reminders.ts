import "server-only";
import type { Db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueMail } from "@/lib/server/mail";
import { formatCalendarDate } from "@/lib/format/dates";
import { today } from "@/lib/follow-up/queries";
import { can, type Role, type Viewer } from "@/lib/authz/policy";

// Reminders about follow-up: one e-mail per responsible person and item when it comes within
// `daysBefore` of its due date, and one when it is overdue. Each is queued in the outbox under a
// dedupe key (item, person, kind, due date): the outbox insert is ON CONFLICT DO NOTHING on that
// key, so a second run – after a restart, or on another instance at the same moment – queues
// nothing new. A moved due date is a new key, so the person is reminded of the new date.
//
// A person with an account is reminded at the account's address, and only while the account could
// open the item: not once it is disabled, nor after its role in the item's council is removed. The
// link in the e-mail would lead nowhere, and sending to the person's own address instead would get
// round the removal. A person without an account is reminded at the address in the people register.

export type ReminderKind = "due-soon" | "overdue";

export type ReminderRunResult = { considered: number; queued: number; skippedOptOut: number; skippedNoAccess: number; skippedNoAddress: number };

type ReminderUser = { id: string; name: string; email: string; personId: string | null; isSystemAdmin: boolean; roles: { councilId: string; role: string }[] };

// The account as the policy sees a signed-in viewer, so the reminder follows the same rule as the list.
function asViewer(u: ReminderUser): Viewer {
  return {
    userId: u.id,
    name: u.name,
    email: u.email,
    personId: u.personId,
    isSystemAdmin: u.isSystemAdmin,
    councils: u.roles.map((r) => ({ councilId: r.councilId, slug: "", name: "", role: r.role as Role })),
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function reminderDedupeKey(kind: ReminderKind, actionItemId: string, personId: string, dueDate: Date): string {
  return `reminder:${kind}:${actionItemId}:${personId}:${dueDate.toISOString().slice(0, 10)}`;
}

export async function queueFollowUpReminders(db: Db, opts: { now?: Date; daysBefore: number; baseUrl: string }): Promise<ReminderRunResult> {
  const now = opts.now ?? new Date();
  const t = today(now);
  const horizon = new Date(t.getTime() + opts.daysBefore * 86_400_000);
  const result: ReminderRunResult = { considered: 0, queued: 0, skippedOptOut: 0, skippedNoAccess: 0, skippedNoAddress: 0 };
  const base = opts.baseUrl.replace(/\/+$/, "");
  // Every due item, in batches: a council with thousands of long-overdue items (already reminded,
  // so queueing nothing) must not keep the items coming due now out of the run.
  let cursor: string | undefined;
  for (;;) {
    const items = await db.actionItem.findMany({
      where: { status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { not: null, lte: horizon } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: itemSelect,
    });
    for (const item of items) await remindOfItem(db, item, t, base, result);
    if (items.length < BATCH) return result;
    cursor = items[items.length - 1].id;
  }
}

const BATCH = 1000;

const itemSelect = {
  id: true,
  title: true,
  dueDate: true,
  councilId: true,
  council: { select: { name: true } },
  assignees: {
    where: { personId: { not: null } },
    select: {
      person: {
        select: {
          id: true,
          name: true,
          email: true,
          user: { select: { id: true, name: true, email: true, personId: true, isSystemAdmin: true, remindersOptOut: true, isDisabled: true, roles: { select: { councilId: true, role: true } } } },
        },
      },
    },
  },
} satisfies Prisma.ActionItemSelect;

type DueItem = Prisma.ActionItemGetPayload<{ select: typeof itemSelect }>;

async function remindOfItem(db: Db, item: DueItem, t: Date, base: string, result: ReminderRunResult) {
  const due = item.dueDate!;
  const kind: ReminderKind = due.getTime() < t.getTime() ? "overdue" : "due-soon";
  for (const a of item.assignees) {
    const person = a.person!;
    result.considered++;
    if (person.user?.remindersOptOut) {
      result.skippedOptOut++;
      continue;
    }
    if (person.user && (person.user.isDisabled || !can(asViewer(person.user), "action.read", item.councilId))) {
      result.skippedNoAccess++;
      continue;
    }
    const to = person.user ? person.user.email : person.email;
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
