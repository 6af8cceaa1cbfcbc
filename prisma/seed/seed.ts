// Writes the demo data (demo-data.ts) and the demo accounts (demo-accounts.ts) into an empty
// database. Everything happens in one transaction, so a failure leaves the database empty and a
// later `--if-empty` run can try again.
// Approved minutes are locked by database triggers (migration lock_approved_minutes): nothing of
// their meeting can be added once they are APPROVED. So every minutes is written as a draft first
// and approved at the very end, as the app does it: the version and the SHA-256 of the content
// are recorded with the approval.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { buildMinutesDocument } from "@/lib/minutes/build";
import { minutesContentHash } from "@/lib/minutes/content-hash";
import { hashPassword, verifyPassword } from "@/lib/server/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import {
  actionItems,
  bodies,
  bodyMemberships,
  caseSeries,
  councils,
  meetings,
  organizations,
  people,
  plans,
  type DemoMinutes,
  type DemoPlan,
  type MeetingKey,
} from "./demo-data";
import { withoutMeetings, type DemoMeetingData } from "./omit-meetings";

export type SeedOptions = {
  /**
   * Meeting keys (demo-data.ts) to leave out, with what depends on them; see withoutMeetings.
   * For tests that re-create a meeting through the UI.
   */
  omitMeetings?: readonly string[];
  /** Plan keys (demo-data.ts) to leave out, for tests that re-create a plan through the UI. */
  omitPlans?: readonly string[];
};

const calendarDate = (d: string) => new Date(`${d}T00:00:00Z`);
const instant = (s: string) => new Date(s);

function lookup<K extends string>(map: Map<K, string>, key: K, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`Demodata: ukjent ${what} «${key}»`);
  return id;
}

export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.council.count()) === 0;
}

export async function seedDemoData(db: PrismaClient, options: SeedOptions = {}): Promise<void> {
  const data = withoutMeetings<DemoMeetingData>({ meetings, actionItems }, options.omitMeetings ?? []);
  if (!(await isDatabaseEmpty(db))) throw new Error("Demodata legges bare inn i en tom database.");
  // Argon2 is deliberately slow; one hash serves every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const omitPlans = options.omitPlans ?? [];
  const unknown = omitPlans.filter((k) => !plans.some((p) => p.key === k));
  if (unknown.length) throw new Error(`Ukjent plan i DEMO_OMIT_PLANS: ${unknown.join(", ")} (kjente: ${plans.map((p) => p.key).join(", ")})`);
  const keptPlans = plans.filter((p) => !omitPlans.includes(p.key));
  await db.$transaction((tx) => writeDemoData(tx, passwordHash, data, keptPlans), { timeout: 120_000, maxWait: 30_000 });
}

/** Seeds only an empty database; returns whether it did. */
export async function seedIfEmpty(db: PrismaClient, options: SeedOptions = {}): Promise<boolean> {
  if (!(await isDatabaseEmpty(db))) return false;
  await seedDemoData(db, options);
  return true;
}

/** E-mail addresses of users whose password is the published demo password. */
export async function findUsersWithDemoPassword(db: PrismaClient): Promise<string[]> {
  const users = await db.user.findMany({
    where: { passwordHash: { not: null } },
    select: { email: true, passwordHash: true },
    orderBy: { email: "asc" },
  });
  const found: string[] = [];
  for (const u of users) if (await verifyPassword(u.passwordHash, DEMO_PASSWORD)) found.push(u.email);
  return found;
}

async function writeDemoData(tx: Tx, passwordHash: string, { meetings, actionItems }: DemoMeetingData, demoPlans: DemoPlan[]): Promise<void> {
  const orgIds = new Map<string, string>();
  for (const [key, o] of Object.entries(organizations)) {
    const row = await tx.organization.create({ data: o });
    orgIds.set(key, row.id);
  }

  const councilIds = new Map<string, string>();
  for (const c of councils) {
    const row = await tx.council.create({
      data: {
        slug: c.slug,
        name: c.name,
        shortName: c.shortName,
        purpose: c.purpose,
        feePerInhabitantOre: c.feePerInhabitantOre,
        members: {
          create: c.members.map((m) => ({
            organizationId: lookup(orgIds, m.organization, "organisasjon"),
            validFrom: calendarDate(m.validFrom),
            note: m.note ?? null,
          })),
        },
      },
    });
    councilIds.set(c.slug, row.id);
  }

  const seriesIds = new Map<string, string>();
  for (const [key, s] of Object.entries(caseSeries)) {
    const row = await tx.caseSeries.create({
      data: { councilId: lookup(councilIds, s.council, "råd"), name: s.name, format: s.format, scope: s.scope },
    });
    seriesIds.set(key, row.id);
  }

  // Parents are listed before their children in demo-data.ts, so one pass suffices.
  const bodyIds = new Map<string, string>();
  const bodySeries = new Map<string, string | null>();
  for (const [key, b] of Object.entries(bodies) as [string, (typeof bodies)[keyof typeof bodies]][]) {
    const seriesId = "caseSeries" in b && b.caseSeries ? lookup(seriesIds, b.caseSeries, "saksserie") : null;
    const row = await tx.body.create({
      data: {
        councilId: lookup(councilIds, b.council, "råd"),
        kind: b.kind,
        name: b.name,
        abbreviation: b.abbreviation,
        isPolitical: b.isPolitical,
        caseSeriesId: seriesId,
        targetMeetingsPerYear: "targetMeetingsPerYear" in b ? b.targetMeetingsPerYear : null,
        parentBodyId: "parentBody" in b ? lookup(bodyIds, b.parentBody, "organ") : null,
        publishMinutes: "publishMinutes" in b ? b.publishMinutes : true,
        description: b.description,
      },
    });
    bodyIds.set(key, row.id);
    bodySeries.set(key, seriesId);
  }

  const personIds = new Map<string, string>();
  const personIdByName = new Map<string, string>();
  for (const [key, p] of Object.entries(people) as [string, (typeof people)[keyof typeof people]][]) {
    const row = await tx.person.create({
      data: {
        name: p.name,
        email: demoEmail(p.name),
        title: "title" in p ? p.title : null,
        organizationId: "organization" in p ? lookup(orgIds, p.organization, "organisasjon") : null,
      },
    });
    personIds.set(key, row.id);
    personIdByName.set(p.name, row.id);
  }

  const positionInBody = new Map<string, number>();
  for (const m of bodyMemberships) {
    const position = positionInBody.get(m.body) ?? 0;
    positionInBody.set(m.body, position + 1);
    await tx.bodyMembership.create({
      data: {
        bodyId: lookup(bodyIds, m.body, "organ"),
        personId: lookup(personIds, m.person, "person"),
        role: m.role,
        organizationId: m.organization ? lookup(orgIds, m.organization, "organisasjon") : null,
        roleLabel: m.roleLabel ?? null,
        position,
        validFrom: calendarDate(m.validFrom),
      },
    });
  }

  // Meetings and their minutes first, so that items can point at any meeting or minutes.
  // Minutes to be approved are drafts until the end (see the top of this file).
  const meetingIds = new Map<MeetingKey, string>();
  const minutesIds = new Map<MeetingKey, string>();
  const toApprove: { meetingId: string; minutesId: string; version: number; minutes: DemoMinutes }[] = [];
  for (const m of meetings) {
    const row = await tx.meeting.create({
      data: {
        bodyId: lookup(bodyIds, m.body, "organ"),
        title: m.title ?? null,
        startsAt: instant(m.startsAt),
        endsAt: m.endsAt ? instant(m.endsAt) : null,
        location: m.location ?? null,
        status: m.status,
        noticeSentAt: m.noticeSentAt ? instant(m.noticeSentAt) : null,
      },
    });
    meetingIds.set(m.key, row.id);
    if (m.minutes) {
      const mi = m.minutes;
      const approved = mi.status === "APPROVED";
      const minutes = await tx.minutes.create({
        data: {
          meetingId: row.id,
          status: approved ? "DRAFT" : mi.status,
          documentTitle: mi.documentTitle,
          introduction: mi.introduction,
          approvedAt: !approved && mi.approvedAt ? instant(mi.approvedAt) : null,
          approvalMethod: approved ? null : (mi.approvalMethod ?? null),
          publishedAt: !approved && mi.publishedAt ? instant(mi.publishedAt) : null,
          signedByChairId: mi.chair ? lookup(personIds, mi.chair.person, "person") : null,
          chairSignatureLabel: mi.chair?.label ?? null,
          signedBySecretaryId: mi.secretary ? lookup(personIds, mi.secretary.person, "person") : null,
          secretarySignatureLabel: mi.secretary?.label ?? null,
        },
      });
      minutesIds.set(m.key, minutes.id);
      if (approved) toApprove.push({ meetingId: row.id, minutesId: minutes.id, version: minutes.version, minutes: mi });
    }
  }

  // "<meeting>#<case number>" → the item's ids, for the follow-up below.
  const itemRefs = new Map<string, { itemId: string; caseId: string | null; decisionId: string | null }>();
  const highestNumber = new Map<string, { seriesId: string; year: number; lastNumber: number }>();
  for (const m of meetings) {
    const meetingId = lookup(meetingIds, m.key, "møte");
    const councilId = lookup(councilIds, bodies[m.body].council, "råd");
    const year = instant(m.startsAt).getUTCFullYear();
    const seriesId = bodySeries.get(m.body) ?? null;

    for (const item of m.items) {
      if (item.number !== undefined && !seriesId) throw new Error(`Demodata: ${m.key} har nummererte saker uten saksserie`);
      const numbered = item.number !== undefined && seriesId ? { seriesId, year, number: item.number } : null;

      let caseId: string | null = null;
      if (item.case) {
        const c = item.case;
        const row = await tx.case.create({
          data: {
            councilId,
            seriesId: numbered?.seriesId ?? null,
            year,
            number: numbered?.number ?? null,
            title: c.title,
            type: c.type,
            presenter: c.presenter ?? null,
            background: c.background ?? "",
            proposedDecision: c.proposedDecision ?? "",
            isExempt: c.isExempt ?? false,
            exemptionBasis: c.exemptionBasis ?? null,
          },
        });
        caseId = row.id;
      }

      const row = await tx.agendaItem.create({
        data: {
          meetingId,
          caseId,
          position: item.position,
          seriesId: numbered?.seriesId ?? null,
          year: numbered ? year : null,
          number: numbered?.number ?? null,
          title: item.title,
          type: item.type,
          presenter: item.presenter ?? null,
          status: item.status ?? "ACTIVE",
          proposedFromMeetingId: item.proposedFrom ? lookup(meetingIds, item.proposedFrom, "møte") : null,
          isClosed: item.isClosed ?? false,
          closedBasis: item.closedBasis ?? null,
          noticeText: item.noticeText ?? "",
          minutesNotes: item.minutesNotes ?? "",
          outcome: item.outcome ?? null,
          approvesMinutesOfId: item.approvesMinutesOf ? lookup(minutesIds, item.approvesMinutesOf, "referat") : null,
        },
      });

      let decisionId: string | null = null;
      if (item.decision) {
        const d = await tx.decision.create({
          data: { agendaItemId: row.id, kind: item.decision.kind, text: item.decision.text },
        });
        decisionId = d.id;
      }
      if (item.number !== undefined) itemRefs.set(`${m.key}#${item.number}`, { itemId: row.id, caseId, decisionId });

      if (numbered) {
        const key = `${numbered.seriesId}:${year}`;
        const prev = highestNumber.get(key);
        if (!prev || prev.lastNumber < numbered.number) highestNumber.set(key, { seriesId: numbered.seriesId, year, lastNumber: numbered.number });
      }
    }

    for (const [position, a] of (m.attendances ?? []).entries()) {
      await tx.attendance.create({
        data: {
          meetingId,
          personId: lookup(personIds, a.person, "person"),
          organizationId: a.organization ? lookup(orgIds, a.organization, "organisasjon") : null,
          roleLabel: a.roleLabel ?? null,
          status: a.status,
          isSecretariat: a.isSecretariat ?? false,
          position,
        },
      });
    }
  }

  // The next number handed out must follow the highest one already used.
  for (const c of highestNumber.values()) {
    await tx.caseSeriesCounter.create({ data: c });
  }

  // Action items are written after the plans; their links to measures are set then.
  const measureActionLinks: { measureId: string; council: string; titles: string[] }[] = [];
  for (const p of demoPlans) {
    const plan = await tx.plan.create({
      data: {
        councilId: lookup(councilIds, p.council, "råd"),
        kind: p.kind,
        title: p.title,
        subtitle: p.subtitle,
        periodFrom: p.periodFrom,
        periodTo: p.periodTo,
        purpose: p.purpose,
        principlesInclude: p.principlesInclude,
        principlesExclude: p.principlesExclude,
        status: p.status,
        sections: { create: p.sections.map((s, i) => ({ position: i + 1, heading: s.heading, body: s.body, afterFocusAreas: s.afterFocusAreas ?? false })) },
      },
    });
    for (const [fi, fa] of p.focusAreas.entries()) {
      const area = await tx.focusArea.create({
        data: { planId: plan.id, position: fi + 1, title: fa.title, description: fa.description },
      });
      const goalIds: string[] = [];
      for (const [gi, text] of fa.goals.entries()) {
        const goal = await tx.goal.create({ data: { focusAreaId: area.id, position: gi + 1, text } });
        goalIds.push(goal.id);
      }
      for (const [mi, ms] of fa.measures.entries()) {
        if (ms.goal !== undefined && !goalIds[ms.goal]) throw new Error(`Demodata: tiltak «${ms.title}» peker på et mål som ikke finnes`);
        const measure = await tx.measure.create({
          data: {
            focusAreaId: area.id,
            goalId: ms.goal !== undefined ? goalIds[ms.goal] : null,
            position: mi + 1,
            title: ms.title,
            description: ms.description ?? "",
            ownerBodyId: ms.ownerBody ? lookup(bodyIds, ms.ownerBody, "organ") : null,
            ownerPersonId: ms.ownerPerson ? lookup(personIds, ms.ownerPerson, "person") : null,
            ownerText: ms.ownerText ?? null,
            timeFrame: ms.timeFrame ?? null,
            status: ms.status,
            resourceAnchored: ms.resourceAnchored,
          },
        });
        for (const u of ms.updates ?? []) {
          await tx.measureUpdate.create({ data: { measureId: measure.id, at: instant(u.at), actor: "Demodata", fromStatus: u.from ?? null, toStatus: u.to ?? null, comment: u.comment } });
        }
        // Links into an omitted meeting (DEMO_OMIT_MEETINGS) are left out with it.
        for (const ref of ms.links?.decisions ?? []) {
          const item = itemRefs.get(`${ref.meeting}#${ref.sak}`);
          if (item?.decisionId) await tx.decisionTag.create({ data: { decisionId: item.decisionId, measureId: measure.id } });
        }
        for (const ref of ms.links?.cases ?? []) {
          const item = itemRefs.get(`${ref.meeting}#${ref.sak}`);
          if (item?.caseId) await tx.caseTag.create({ data: { caseId: item.caseId, measureId: measure.id } });
        }
        if (ms.links?.actions?.length) measureActionLinks.push({ measureId: measure.id, council: p.council, titles: ms.links.actions });
      }
    }
  }

  for (const a of actionItems) {
    const ref = a.origin?.sak !== undefined ? itemRefs.get(`${a.origin.meeting}#${a.origin.sak}`) : undefined;
    if (a.origin?.sak !== undefined && !ref) throw new Error(`Demodata: ukjent sak ${a.origin.sak} i ${a.origin.meeting}`);
    await tx.actionItem.create({
      data: {
        councilId: lookup(councilIds, a.council, "råd"),
        decisionId: ref?.decisionId ?? null,
        meetingId: a.origin ? lookup(meetingIds, a.origin.meeting, "møte") : null,
        caseId: ref?.caseId ?? null,
        title: a.title,
        description: a.description,
        responsibleBodyId: a.responsibleBody ? lookup(bodyIds, a.responsibleBody, "organ") : null,
        responsibleText: a.responsibleText ?? null,
        dueDate: a.dueDate ? calendarDate(a.dueDate) : null,
        status: a.status,
        outcomeNote: a.outcomeNote ?? null,
        closedAt: a.closedAt ? instant(a.closedAt) : null,
        createdAt: instant(a.events[0].at),
        assignees: {
          create: a.assignees.map((x) => ({ personId: lookup(personIds, x.person, "person"), isLead: x.isLead ?? false })),
        },
        events: {
          create: a.events.map((e) => ({
            at: instant(e.at),
            fromStatus: e.fromStatus ?? null,
            toStatus: e.toStatus ?? null,
            comment: e.comment,
          })),
        },
      },
    });
  }

  for (const link of measureActionLinks) {
    const councilId = lookup(councilIds, link.council, "råd");
    // Action items of an omitted meeting are not there; the others must be.
    await tx.actionItem.updateMany({ where: { councilId, title: { in: link.titles } }, data: { measureId: link.measureId } });
  }

  for (const account of DEMO_ACCOUNTS) {
    const personId = account.personName ? personIdByName.get(account.personName) : undefined;
    if (account.personName && !personId) throw new Error(`Demodata: ingen person med navnet ${account.personName}`);
    await tx.user.create({
      data: {
        email: account.email,
        name: account.name,
        passwordHash,
        isSystemAdmin: account.isSystemAdmin ?? false,
        personId: personId ?? null,
        roles: {
          create: account.councils.map((slug) => ({ councilId: lookup(councilIds, slug, "råd"), role: account.role })),
        },
        identities: account.externalLink ? { create: account.externalLink } : undefined,
      },
    });
  }

  // Last: approve the minutes, now that everything the referat shows is in place. The hash
  // leaves the approval facts out (content-hash.ts), so it can be taken from the draft.
  for (const a of toApprove) {
    const doc = await buildMinutesDocument(tx, a.meetingId, "internal");
    if (!doc) throw new Error("Demodata: referatet mangler");
    if (!a.minutes.approvedAt || !a.minutes.approvalMethod) throw new Error("Demodata: et godkjent referat må ha approvedAt og approvalMethod");
    await tx.minutes.update({
      where: { id: a.minutesId },
      data: {
        status: "APPROVED",
        approvedAt: instant(a.minutes.approvedAt),
        approvalMethod: a.minutes.approvalMethod,
        approvedVersion: a.version,
        contentHash: minutesContentHash(doc),
        publishedAt: a.minutes.publishedAt ? instant(a.minutes.publishedAt) : null,
      },
    });
  }
}

// Fictional addresses on the reserved .example domain, so the notice flow has recipients in the demo
// without any real person being mailed. Demo account holders get their login address.
export function demoEmail(name: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.personName === name);
  if (account) return account.email;
  const local = name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");
  return `${local}@demo.ipr.example`;
}
