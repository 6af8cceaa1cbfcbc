import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildMinutesDocument } from "@/lib/minutes/build";
import { minutesContentHash } from "@/lib/minutes/content-hash";
import { verifyPassword } from "@/lib/server/password";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { EXEMPT_DEMO_MARKER, actionItems, bodies, bodyMemberships, councils, meetings, organizations, people, plans } from "./demo-data";
import { findUsersWithDemoPassword, isDatabaseEmpty, seedDemoData, seedIfEmpty } from "./seed";

let t: TestDb;
let db: PrismaClient;

async function ringeriks() {
  return db.council.findUniqueOrThrow({ where: { slug: "ringeriksregionen" } });
}

async function meeting17Jan() {
  return db.meeting.findFirstOrThrow({
    where: { startsAt: new Date("2022-01-17T13:00:00Z"), body: { council: { slug: "ringeriksregionen" } } },
    include: {
      body: true,
      minutes: true,
      items: { orderBy: { position: "asc" }, include: { decision: true, case: true, series: true, approvesMinutesOf: { include: { meeting: true } } } },
      attendances: { orderBy: { position: "asc" }, include: { person: true, organization: true } },
    },
  });
}

describe("demo data", () => {
  beforeAll(async () => {
    t = await createTestDb();
    db = t.db;
    expect(await isDatabaseEmpty(db)).toBe(true);
    await seedDemoData(db);
  });
  afterAll(async () => t?.close());

  it("creates the two councils", async () => {
    const rows = await db.council.findMany({ orderBy: { slug: "asc" } });
    expect(rows.map((c) => [c.slug, c.name])).toEqual([
      ["indre-ostfold", "Indre Østfold regionråd"],
      ["ringeriksregionen", "Interkommunalt politisk råd for Ringeriksregionen"],
    ]);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it("gives Ringeriksregionen its five municipalities with their 2022 kommunenummer", async () => {
    const council = await ringeriks();
    const members = await db.councilMember.findMany({ where: { councilId: council.id }, include: { organization: true } });
    const byName = Object.fromEntries(members.map((m) => [m.organization.name, m.organization.municipalityNumber]));
    expect(byName).toEqual({ Hole: "3038", Modum: "3047", Krødsherad: "3046", Jevnaker: "3053", Ringerike: "3007" });
    expect(members.every((m) => m.organization.kind === "MUNICIPALITY" && m.organization.populationYear === 2022)).toBe(true);
  });

  it("gives Indre Østfold its four municipalities and the meeting frequencies of the plan", async () => {
    const council = await db.council.findUniqueOrThrow({
      where: { slug: "indre-ostfold" },
      include: { members: { include: { organization: true } }, bodies: true },
    });
    expect(council.members.map((m) => m.organization.name).sort()).toEqual(["Indre Østfold", "Marker", "Rakkestad", "Skiptvet"]);
    const freq = Object.fromEntries(council.bodies.map((b) => [b.abbreviation, b.targetMeetingsPerYear]));
    expect(freq).toEqual({ IØR: 6, AU: 8, KDU: 6 });
    expect(council.purpose).toContain("Det er et mål for Regionrådet å framsnakke og bygge stolthet i vår felles region.");
  });

  it("records the meeting of 17 January 2022 at its real time and place", async () => {
    const m = await meeting17Jan();
    expect(m.startsAt.toISOString()).toBe("2022-01-17T13:00:00.000Z");
    expect(m.endsAt?.toISOString()).toBe("2022-01-17T14:30:00.000Z");
    expect(m.location).toBe("Kommunehuset i Krødsherad");
    expect(m.status).toBe("MINUTES_APPROVED");
    expect(m.noticeSentAt?.toISOString().slice(0, 10)).toBe("2022-01-11");
    expect(m.body.name).toBe("Ordfører- og kommunedirektør/rådmannsutvalget");
    expect(m.body.isPolitical).toBe(true);
    expect(m.minutes).toMatchObject({
      status: "APPROVED",
      approvalMethod: "NEXT_MEETING",
      chairSignatureLabel: "rådsleder",
      secretarySignatureLabel: "regionrådsadministrator",
    });
    expect(m.minutes?.publishedAt).not.toBeNull();
    expect(m.minutes?.introduction).toMatch(/^Knut Martin Glesne, leder av IPRet ønsket velkommen til møte/);
    const signers = await db.person.findMany({ where: { id: { in: [m.minutes!.signedByChairId!, m.minutes!.signedBySecretaryId!] } } });
    expect(signers.map((p) => p.name).sort()).toEqual(["Inger Kammerud", "Knut Martin Glesne"]);
  });

  it("has Sak 1/22 to 7/22 with the titles, notes and decisions of the minutes", async () => {
    const m = await meeting17Jan();
    expect(m.items.map((i) => [i.number, i.year, i.title])).toEqual([
      [1, 2022, "Godkjenning av innkalling"],
      [2, 2022, "Godkjenning av referat fra ordførermøte – rådmann/kommunedirektørmøte 1. november 2022"],
      [3, 2022, "Orientering om aktuelle saker i Krødsherad kommune"],
      [4, 2022, "Prinsipp saker/samhandlingsinstruks"],
      [5, 2022, "Orienteringer om saker i IPRet"],
      [6, 2022, "Forslag til saker til IPR-møtet 7. februar"],
      [7, 2022, "Eventuelt"],
    ]);
    expect(m.items.every((i) => i.series?.format === "Sak {n}/{yy}" && i.case?.number === i.number)).toBe(true);
    const [s1, s2, s3, s4, s5, s6, s7] = m.items;
    expect(s1.noticeText).toBe("Innkalling ble utsendt pr. e-post 11. januar 2022");
    expect(s1.decision?.text).toBe("Innkallingen godkjennes");
    expect(s2.decision?.text).toBe("Referat fra ordfører-rådmanns/kommunedirektørmøte 1. november 2021 godkjennes");
    expect(s2.approvesMinutesOf?.meeting.startsAt.toISOString().slice(0, 10)).toBe("2021-11-01");
    expect(s3.presenter).toBe("v/ Stig Rune Kroken");
    expect(s3.decision?.text).toBe("Informasjonen tas til orientering");
    expect(s4.decision?.text.split("\n")).toEqual([
      "- Det inviteres til en samling fra lunsj til lunsj 22.februar – 23. februar.",
      "- Knut Martin Glesne finner egnet sted",
      "- Inger lager program i samarbeid med Knut Martin",
    ]);
    expect(s4.minutesNotes).toContain("- På IT- siden – må prøve å bli mer lik hverandre ved f.eks innkjøp av verktøy");
    expect(s4.minutesNotes).not.toContain("Interkommunalt politisk råd for");
    expect([s5.decision, s6.decision, s7.decision]).toEqual([null, null, null]);
    expect(s5.presenter).toBe("v/ regionrådsadministrator");
    expect(s6.minutesNotes).toContain("midlene (kr 200 000,-)");
    expect(s7.minutesNotes).toContain("Inger kaller inn til samling fra 14.-15.mars fra lunsj- lunsj.");
  });

  it("lists all eleven participants as present, with the roles as printed", async () => {
    const m = await meeting17Jan();
    expect(m.attendances).toHaveLength(11);
    expect(m.attendances.every((a) => a.status === "PRESENT")).toBe(true);
    expect(m.attendances.map((a) => [a.organization?.name ?? null, a.person.name, a.roleLabel])).toEqual([
      ["Hole", "Syver Leivestad", "Ordfører (leder IPR)"],
      ["Modum", "Sunni Grøndahl Aamodt", "Ordfører"],
      ["Krødsherad", "Knut Martin Glesne", "Ordfører"],
      ["Jevnaker", "Morten Lafton", "Ordfører"],
      ["Ringerike", "Kirsten Orebråten", "Ordfører"],
      ["Hole", "Torger Ødegaard", "Kommunedirektør"],
      ["Modum", "Aud Norunn Strand", "Rådmann"],
      ["Krødsherad", "Stig Rune Kroken", "Kommunedirektør"],
      ["Jevnaker", "Gry B. Munkerud", "Konst. rådmann"],
      ["Ringerike", "Tore Isaksen", "Rådmann"],
      [null, "Inger Kammerud", "Regionrådsadministrator"],
    ]);
    expect(m.attendances.filter((a) => a.isSecretariat).map((a) => a.person.name)).toEqual(["Inger Kammerud"]);
  });

  it("continues the case numbering after Sak 7/22", async () => {
    const m = await meeting17Jan();
    const counter = await db.caseSeriesCounter.findUniqueOrThrow({ where: { seriesId_year: { seriesId: m.items[0].seriesId!, year: 2022 } } });
    expect(counter.lastNumber).toBe(7);
    expect(await db.caseSeriesCounter.count()).toBe(1);
  });

  it("turns the decisions into follow-up with assignees and history", async () => {
    const m = await meeting17Jan();
    const sak4 = m.items[3];
    const program = await db.actionItem.findFirstOrThrow({
      where: { title: "Inger lager program i samarbeid med Knut Martin" },
      include: { assignees: { include: { person: true } }, events: { orderBy: { at: "asc" } } },
    });
    expect(program.decisionId).toBe(sak4.decision!.id);
    expect(program.meetingId).toBe(m.id);
    expect(program.caseId).toBe(sak4.caseId);
    expect(program.assignees.map((a) => [a.person?.name, a.isLead]).sort()).toEqual([
      ["Inger Kammerud", true],
      ["Knut Martin Glesne", false],
    ]);
    expect(program.events.map((e) => e.toStatus)).toEqual(["OPEN", "IN_PROGRESS", "DONE"]);

    const samling = await db.actionItem.findFirstOrThrow({ where: { title: "Samling fra lunsj til lunsj" } });
    expect(samling.dueDate?.toISOString().slice(0, 10)).toBe("2022-03-14");
    expect(samling.description).toContain("22.februar – 23. februar");
    expect(samling.description).toContain("14.-15.mars");

    const nps = await db.actionItem.findFirstOrThrow({
      where: { title: { contains: "NPS" } },
      include: { assignees: { include: { person: true } } },
    });
    expect(nps.caseId).toBe(m.items[6].caseId);
    expect(nps.decisionId).toBeNull();
    expect(nps.assignees.map((a) => a.person?.name).sort()).toEqual(["Inger Kammerud", "Steinar Aasnæss"]);

    const fromMeeting = await db.actionItem.findMany({ where: { meetingId: m.id } });
    expect(fromMeeting.map((a) => a.title).sort()).toEqual([
      "Grønt fagsenter – Inger kaller inn IPRet i outlook",
      "Inger lager program i samarbeid med Knut Martin",
      "Inger og Steinar Aasnæss tilbyr å orientere kommunestyrene om NPS",
      "Knut Martin Glesne finner egnet sted",
      "Samling fra lunsj til lunsj",
    ]);
    const statuses = new Set((await db.actionItem.findMany()).map((a) => a.status));
    expect(statuses).toEqual(new Set(["DONE", "OPEN", "IN_PROGRESS"]));
    const withoutHistory = await db.actionItem.count({ where: { events: { none: {} } } });
    expect(withoutHistory).toBe(0);
  });

  it("creates the draft IPR-møtet of 7 February 2022 with the proposed items and the exempt demo case", async () => {
    const m17 = await meeting17Jan();
    const feb = await db.meeting.findFirstOrThrow({
      where: { body: { abbreviation: "IPR", council: { slug: "ringeriksregionen" } } },
      include: { items: { orderBy: { position: "asc" }, include: { case: true } } },
    });
    expect(feb.startsAt.toISOString().slice(0, 10)).toBe("2022-02-07");
    expect(feb.status).toBe("PLANNED");
    expect(feb.noticeSentAt).toBeNull();
    const proposed = feb.items.filter((i) => i.status === "PROPOSED");
    expect(proposed.map((i) => i.title)).toEqual([
      "Our Democracy Forum orienterer",
      "Nytt fra Viken",
      "Næringspolitisk strategi",
      "Framover sammen",
      "Veteranplan for Ringeriksregionen",
    ]);
    expect(proposed.every((i) => i.proposedFromMeetingId === m17.id && i.number === null)).toBe(true);

    const exempt = feb.items.filter((i) => i.case?.isExempt);
    expect(exempt).toHaveLength(1);
    expect(exempt[0]).toMatchObject({
      title: "Personalsak – konfidensielt (demo)",
      status: "ACTIVE",
      isClosed: true,
      closedBasis: "kommuneloven § 11-5 andre ledd, jf. offentleglova § 13",
    });
    expect(exempt[0].case?.exemptionBasis).toBe("offl. § 13, jf. fvl. § 13");
    expect(exempt[0].case?.background).toContain(EXEMPT_DEMO_MARKER);
    // The marker must appear nowhere else, so that finding it on a page means a leak.
    expect(await db.case.count({ where: { background: { contains: EXEMPT_DEMO_MARKER } } })).toBe(1);
    expect(await db.agendaItem.count({ where: { noticeText: { contains: EXEMPT_DEMO_MARKER } } })).toBe(1);
    expect(await db.agendaItem.count({ where: { minutesNotes: { contains: EXEMPT_DEMO_MARKER } } })).toBe(0);
  });

  it("approves the minutes as the app does: version 1 and the hash of the final content, after everything is in place", async () => {
    const approved = await db.minutes.findMany({ where: { status: "APPROVED" }, include: { meeting: true } });
    expect(approved.map((m) => m.meeting.startsAt.toISOString().slice(0, 10)).sort()).toEqual(["2021-11-01", "2022-01-17"]);
    for (const m of approved) {
      expect(m.approvedVersion).toBe(1);
      expect(m.version).toBe(1);
      expect(m.contentHash).toMatch(/^[0-9a-f]{64}$/);
      // The hash was taken when the seed was complete: the referat has not changed since.
      const doc = await buildMinutesDocument(db, m.meetingId, "internal");
      expect(minutesContentHash(doc!)).toBe(m.contentHash);
      expect(doc!.approval).toMatchObject({ method: "NEXT_MEETING", approvedVersion: 1, contentHash: m.contentHash });
    }
    const jan = approved.find((m) => m.meeting.startsAt.toISOString().startsWith("2022"))!;
    expect(jan.approvedAt?.toISOString()).toBe("2022-03-14T12:00:00.000Z");
    expect(jan.publishedAt?.toISOString()).toBe("2022-03-14T15:00:00.000Z");
    const doc = await buildMinutesDocument(db, jan.meetingId, "internal");
    // Approved after the follow-up was created, so the approved referat shows it.
    expect(doc!.items.flatMap((i) => i.actionItems.map((a) => a.title))).toContain("Inger lager program i samarbeid med Knut Martin");
  });

  it("has a coming meeting in 2027 with the standard items and a round table, not yet numbered", async () => {
    const next = await db.meeting.findFirstOrThrow({
      where: { startsAt: { gte: new Date("2027-01-01T00:00:00Z"), lt: new Date("2028-01-01T00:00:00Z") } },
      include: { items: { orderBy: { position: "asc" } }, body: true },
    });
    expect(next.status).toBe("PLANNED");
    expect(next.body.abbreviation).toBe("AU");
    expect(next.items.map((i) => [i.title, i.number])).toEqual([
      ["Godkjenning av innkalling", null],
      ["Godkjenning av referat fra forrige møte", null],
      ["Runde rundt bordet", null],
      ["Eventuelt", null],
    ]);
    expect(next.items.map((i) => [i.position, i.type])).toEqual([
      [1, "GODKJENNING"],
      [2, "GODKJENNING"],
      [3, "RUNDE_RUNDT_BORDET"],
      [4, "EVENTUELT"],
    ]);
  });

  it("stores the Indre Østfold action plan with every focus area and measure", async () => {
    const plan = await db.plan.findFirstOrThrow({
      where: { council: { slug: "indre-ostfold" } },
      include: {
        focusAreas: { orderBy: { position: "asc" }, include: { measures: { orderBy: { position: "asc" } }, goals: true } },
        sections: { orderBy: { position: "asc" } },
      },
    });
    expect(plan).toMatchObject({ kind: "ACTION_PLAN", title: "Strategi- og HANDLINGSPLAN 2025", periodFrom: 2025, periodTo: 2025 });
    expect(plan.focusAreas.map((f) => [f.title, f.measures.length])).toEqual([
      ["Utvikle avtaleverk", 5],
      ["Omdømmebygging", 8],
      ["Styrke dialog og kontakt med andre nettverk", 5],
      ["Være aktivt høringsorgan", 2],
      ["Egne administrative og politiske nettverk", 4],
      ["Samferdsel", 6],
      ["Utdanning/kompetanse", 3],
      ["Eierskap", 1],
    ]);
    expect(plan.focusAreas.flatMap((f) => f.measures)).toHaveLength(34);
    const omdomme = plan.focusAreas[1];
    const kommunikasjonsplan = omdomme.goals.find((g) => g.text === "Utvikle kommunikasjonsplan");
    expect(omdomme.measures.every((ms) => ms.goalId === kommunikasjonsplan?.id)).toBe(true);
    expect(plan.sections.map((s) => s.heading)).toEqual([
      "Faste møtearenaer og -plan for disse foraene",
      "Policy for forslag til / oppnevnelse medlemmer andre organ – og også for intern rapportering / involvering",
      "Hva skal vi ikke drive med",
      "Hva vi skal driver mer med",
    ]);
    expect(plan.sections[0].body).toContain("Forslag til møteplan bør fremlegges i august foregående år");
    expect(plan.sections[1].body).toContain("- Partnerskapet for folkehelse i Østfold (fra 2025)");
  });

  it("stores the Ringeriksregionen strategy toward 2040 as a draft", async () => {
    const plan = await db.plan.findFirstOrThrow({
      where: { council: { slug: "ringeriksregionen" } },
      include: { focusAreas: { orderBy: { position: "asc" }, include: { measures: true } }, sections: { orderBy: { position: "asc" } } },
    });
    expect(plan).toMatchObject({ kind: "STRATEGY", periodFrom: 2026, periodTo: 2040, status: "DRAFT" });
    expect(plan.focusAreas.map((f) => f.title)).toEqual([
      "Infrastruktur",
      "Kompetanse og utdanning",
      "Innenforskap",
      "Miljø og klima",
      "Næring",
      "Merkevare",
    ]);
    expect(plan.focusAreas[0].measures.map((m) => m.title).sort()).toEqual(["FRE16", "Ringeriksbanen", "Strekningen Skaret–Høgkastet"]);
    expect(plan.sections.map((s) => s.heading)).toContain("6. Roller, ansvar og organisering");
    expect(plan.sections.find((s) => s.heading.startsWith("5."))?.body).toContain(
      "Tiltak som ikke er tilstrekkelig ressursmessig forankret, skal ikke inngå som felles regionale prioriteringer videre.",
    );
    expect(plan.principlesInclude).toContain("det foreligger tydelig regional merverdi ved felles innsats");
  });

  it("creates the demo accounts with their roles, people and the demo password", async () => {
    const users = await db.user.findMany({ include: { roles: { include: { council: true } }, person: true } });
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    for (const a of DEMO_ACCOUNTS) {
      const u = users.find((x) => x.email === a.email)!;
      expect(u.roles.map((r) => [r.council.slug, r.role]).sort()).toEqual(a.councils.map((slug) => [slug, a.role]).sort());
      expect(u.isSystemAdmin).toBe(a.isSystemAdmin ?? false);
      expect(u.person?.name ?? null).toBe(a.personName ?? null);
      expect(await verifyPassword(u.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    const medlem = users.find((u) => u.email === "medlem@ipr.example")!;
    expect(medlem.person?.title).toBe("Ordfører");
    expect(await verifyPassword(medlem.passwordHash, "feil-passord")).toBe(false);
    expect(await findUsersWithDemoPassword(db)).toHaveLength(DEMO_ACCOUNTS.length);
  });

  it("does not seed a second time", async () => {
    const before = await Promise.all([db.council.count(), db.meeting.count(), db.user.count(), db.measure.count()]);
    expect(await seedIfEmpty(db)).toBe(false);
    await expect(seedDemoData(db)).rejects.toThrow(/tom database/);
    const after = await Promise.all([db.council.count(), db.meeting.count(), db.user.count(), db.measure.count()]);
    expect(after).toEqual(before);
  });
});

// The profile of the end-to-end test that re-creates the meeting of 17 January 2022 through the UI.
describe("demo data without the meeting of 17 January 2022", () => {
  let o: TestDb;
  let odb: PrismaClient;
  beforeAll(async () => {
    o = await createTestDb();
    odb = o.db;
    await seedDemoData(odb, { omitMeetings: ["au-2022-01-17"] });
  });
  afterAll(async () => o?.close());

  const au = () => odb.body.findFirstOrThrow({ where: { abbreviation: "AU", council: { slug: "ringeriksregionen" } } });

  it("has no meeting on 17 January 2022, and none of its items, attendance or minutes", async () => {
    expect(await odb.meeting.count({ where: { startsAt: { gte: new Date("2022-01-17T00:00:00Z"), lt: new Date("2022-01-18T00:00:00Z") } } })).toBe(0);
    expect(await odb.meeting.count()).toBe(meetings.length - 1);
    expect(await odb.attendance.count()).toBe(0);
    expect(await odb.decision.count()).toBe(0);
    expect(await odb.minutes.count()).toBe(1);
  });

  it("leaves Sak 1/22 free: no numbered AU item or case in 2022, and no counter that counts them", async () => {
    const body = await au();
    expect(await odb.agendaItem.count({ where: { year: 2022, number: { not: null } } })).toBe(0);
    expect(await odb.case.count({ where: { year: 2022, number: { not: null } } })).toBe(0);
    expect(await odb.caseSeriesCounter.findUnique({ where: { seriesId_year: { seriesId: body.caseSeriesId!, year: 2022 } } })).toBeNull();
    expect(await odb.caseSeriesCounter.count()).toBe(0);
  });

  it("puts the minutes of 1 November 2021 back to sent for comment, to be approved by the new sak 2/22", async () => {
    const nov = await odb.meeting.findFirstOrThrow({ where: { startsAt: new Date("2021-11-01T13:00:00Z") }, include: { minutes: true } });
    expect(nov.status).toBe("MINUTES_DRAFT");
    expect(nov.minutes).toMatchObject({
      status: "SENT_FOR_COMMENT",
      approvedAt: null,
      approvalMethod: null,
      publishedAt: null,
      approvedVersion: null,
      contentHash: null,
    });
    // Not locked: the replay's approval can write it.
    await odb.$transaction(async (tx) => {
      await tx.minutes.update({ where: { id: nov.minutes!.id }, data: { introduction: "prøve" } });
      await tx.minutes.update({ where: { id: nov.minutes!.id }, data: { introduction: "" } });
    });
  });

  it("drops the action items from that meeting and the items it proposed for the IPR meeting", async () => {
    expect(await odb.actionItem.count()).toBe(actionItems.length - 5);
    expect(await odb.actionItem.count({ where: { OR: [{ meetingId: { not: null } }, { decisionId: { not: null } }] } })).toBe(0);
    expect(await odb.agendaItem.count({ where: { OR: [{ status: "PROPOSED" }, { proposedFromMeetingId: { not: null } }] } })).toBe(0);
    const feb = await odb.meeting.findFirstOrThrow({ where: { startsAt: new Date("2022-02-07T08:00:00Z") }, include: { items: { include: { case: true } } } });
    expect(feb.items.map((i) => [i.position, i.title, i.case?.isExempt])).toEqual([[6, "Personalsak – konfidensielt (demo)", true]]);
  });

  it("keeps the rest of the demo data", async () => {
    const counts = await Promise.all([
      odb.council.count(),
      odb.organization.count(),
      odb.person.count(),
      odb.body.count(),
      odb.bodyMembership.count(),
      odb.plan.count(),
      odb.measure.count(),
      odb.user.count(),
    ]);
    const full = [
      councils.length,
      Object.keys(organizations).length,
      Object.keys(people).length,
      Object.keys(bodies).length,
      bodyMemberships.length,
      plans.length,
      plans.flatMap((p) => p.focusAreas.flatMap((f) => f.measures)).length,
      DEMO_ACCOUNTS.length,
    ];
    expect(counts).toEqual(full);
    const next = await odb.meeting.findFirstOrThrow({ where: { startsAt: new Date("2027-01-18T13:00:00Z") }, include: { items: { orderBy: { position: "asc" } } } });
    expect(next.items.map((i) => i.title)).toEqual(["Godkjenning av innkalling", "Godkjenning av referat fra forrige møte", "Runde rundt bordet", "Eventuelt"]);
    expect(await odb.case.count({ where: { isExempt: true } })).toBe(1);
  });

  it("refuses an unknown meeting key before writing anything", async () => {
    const e = await createTestDb();
    try {
      await expect(seedDemoData(e.db, { omitMeetings: ["au-1999-01-01"] })).rejects.toThrow(/ukjent møte «au-1999-01-01»/);
      expect(await isDatabaseEmpty(e.db)).toBe(true);
    } finally {
      await e.close();
    }
  });
});

// The CLI as `npm run dev` and `npm start` run it, in separate processes against a PGlite folder.
describe("seed CLI", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "ipr-seed-cli-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function run(script: string, args: string[], env: Record<string, string>) {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, ...env };
    delete childEnv.DATABASE_URL;
    if (!env.DEMO_DATA) delete childEnv.DEMO_DATA;
    if (!env.DEMO_OMIT_MEETINGS) delete childEnv.DEMO_OMIT_MEETINGS;
    return new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["scripts/run-ts.mjs", script, ...args], { cwd: root, env: childEnv });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, out }));
    });
  }

  it("seeds once, skips when not empty, and guards production", async () => {
    expect((await run("scripts/db.ts", ["migrate"], { NODE_ENV: "development" })).code).toBe(0);

    const prodEmpty = await run("prisma/seed/run.ts", ["--if-empty"], { NODE_ENV: "production" });
    expect(prodEmpty.code).toBe(0);
    expect(prodEmpty.out).toContain("ingen demodata lagt inn");

    // Seeding now succeeds, which shows that production left the database empty.
    const first = await run("prisma/seed/run.ts", ["--if-empty"], { NODE_ENV: "development" });
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain("Demodata lagt inn");

    const second = await run("prisma/seed/run.ts", ["--if-empty"], { NODE_ENV: "development" });
    expect(second.code).toBe(0);
    expect(second.out).toContain("allerede data");

    const forced = await run("prisma/seed/run.ts", [], { NODE_ENV: "development" });
    expect(forced.code).toBe(1);
    expect(forced.out).toContain("Databasen er ikke tom");

    const prod = await run("prisma/seed/run.ts", ["--if-empty"], { NODE_ENV: "production" });
    expect(prod.code).toBe(1);
    expect(prod.out).toContain("Nekter å starte i produksjon");
    expect(prod.out).toContain("medlem@ipr.example");

    const demo = await run("prisma/seed/run.ts", ["--if-empty"], { NODE_ENV: "production", DEMO_DATA: "1" });
    expect(demo.code).toBe(0);
  }, 240_000);

  it("leaves out the meetings named in DEMO_OMIT_MEETINGS, and refuses an unknown one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ipr-seed-omit-"));
    try {
      const env = { NODE_ENV: "development", PGLITE_DATA_DIR: dir };
      expect((await run("scripts/db.ts", ["migrate"], env)).code).toBe(0);
      const bad = await run("prisma/seed/run.ts", ["--if-empty"], { ...env, DEMO_OMIT_MEETINGS: "au-2022-01-17,au-1999-01-01" });
      expect(bad.code).toBe(1);
      expect(bad.out).toContain("DEMO_OMIT_MEETINGS: Demodata: ukjent møte «au-1999-01-01»");
      const ok = await run("prisma/seed/run.ts", ["--if-empty"], { ...env, DEMO_OMIT_MEETINGS: "au-2022-01-17" });
      expect(ok.code, ok.out).toBe(0);
      expect(ok.out).toContain(`${meetings.length - 1} møter`);
      expect(ok.out).toContain("utelatt fra demodataene (DEMO_OMIT_MEETINGS): au-2022-01-17");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
