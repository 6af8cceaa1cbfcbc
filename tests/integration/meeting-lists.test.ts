import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import type { Role, Viewer } from "@/lib/authz/policy";

// Which meetings the lists show: those the meeting page shows to the same viewer. A meeting known
// only from its minutes (1 November 2021, held before the portal, no notice sent from it) is public
// once its minutes are published, so it is listed; a planned meeting without a notice is the secretariat's.
let t: TestDb;
let pageViewer: Viewer | null = null;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => pageViewer }));
const { listMeetingsForCouncil } = await import("@/lib/meetings/queries");

describe("meeting lists", () => {
  let councilId: string;
  let fromMinutesOnly: string;
  let planned: string;
  const as = (role: Role): Viewer => ({
    userId: "test-user",
    name: `Test ${role}`,
    email: `${role}@test.example`,
    personId: null,
    isSystemAdmin: false,
    councils: [{ councilId, slug: "ringeriksregionen", name: "Rådet", role }],
  });

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    councilId = (await t.db.council.findUniqueOrThrow({ where: { slug: "ringeriksregionen" } })).id;
    const m = await t.db.meeting.findFirstOrThrow({ where: { body: { councilId }, startsAt: { gte: new Date("2021-11-01T00:00:00Z"), lt: new Date("2021-11-02T00:00:00Z") } }, select: { id: true, noticeSentAt: true, minutes: { select: { status: true, publishedAt: true } } } });
    // The premise: no notice, published minutes.
    expect(m.noticeSentAt).toBeNull();
    expect(m.minutes?.status).toBe("APPROVED");
    expect(m.minutes?.publishedAt).not.toBeNull();
    fromMinutesOnly = m.id;
    planned = (await t.db.meeting.findFirstOrThrow({ where: { body: { councilId }, noticeSentAt: null, minutes: null }, select: { id: true } })).id;
  }, 180_000);
  afterAll(async () => t?.close());

  it("lists a meeting known only from its published minutes to everyone, and a planned meeting only to the secretariat", async () => {
    const ids = async (viewer: Viewer | null, publicOnly = false) => (await listMeetingsForCouncil(viewer, councilId, { publicOnly })).map((m) => m.id);
    for (const list of [await ids(null, true), await ids(as("MEMBER")), await ids(as("SECRETARIAT"))]) expect(list).toContain(fromMinutesOnly);
    expect(await ids(null, true)).not.toContain(planned);
    expect(await ids(as("MEMBER"))).not.toContain(planned);
    expect(await ids(as("SECRETARIAT"))).toContain(planned);
  });

  it("shows a month of any year in the calendars, though the lists hold only the newest meetings", async () => {
    // Twenty-two years of monthly meetings, 264 of them, in a council of their own; each at 18.00 Oslo time.
    const c = await t.db.council.create({ data: { slug: "arkivradet", name: "Arkivrådet" }, select: { id: true } });
    const body = await t.db.body.create({ data: { councilId: c.id, kind: "REPRESENTANTSKAP", name: "Representantskapet", abbreviation: "RS", isPolitical: true }, select: { id: true } });
    const { osloLocalToDate } = await import("@/lib/format/dates");
    const months = Array.from({ length: 264 }, (_, i) => `${2005 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
    await t.db.meeting.createMany({
      data: months.map((m) => ({ bodyId: body.id, title: `Møte ${m}`, startsAt: osloLocalToDate(`${m}-01`, "00:30"), status: "NOTICE_SENT" as const, noticeSentAt: osloLocalToDate(`${m}-01`, "00:00") })),
    });
    const { MEETING_LIST_LIMIT } = await import("@/lib/meetings/queries");
    expect((await listMeetingsForCouncil(null, c.id, { publicOnly: true })).length).toBe(MEETING_LIST_LIMIT);
    // 00.30 on the 1st in Oslo is still the last day of the month before in UTC: the month is Oslo's.
    for (const month of ["2005-01", "2008-03", "2010-10", "2026-12"]) {
      expect((await listMeetingsForCouncil(null, c.id, { publicOnly: true, month })).map((m) => m.title), month).toEqual([`Møte ${month}`]);
    }

    const { default: PublicCalendar } = await import("@/app/(public)/r/[council]/moter/(kalender)/page");
    const html = renderToStaticMarkup(await PublicCalendar({ params: Promise.resolve({ council: "arkivradet" }), searchParams: Promise.resolve({ maned: "2006-05" }) }));
    expect(html).toMatch(/mai 2006/i);
    // The meeting of that month in its day, by the time and body the cell shows.
    expect(html).toMatch(/00\.30 RS<span class="sr-only"> – Representantskapet, 1\. mai 2006/);
    const { default: PortalList } = await import("@/app/(portal)/portal/[council]/moter/(liste)/page");
    pageViewer = { ...as("MEMBER"), councils: [{ councilId: c.id, slug: "arkivradet", name: "Arkivrådet", role: "MEMBER" }] };
    try {
      const render = async (q: Record<string, string>) => renderToStaticMarkup(await PortalList({ params: Promise.resolve({ council: "arkivradet" }), searchParams: Promise.resolve(q) }));
      const month = await render({ visning: "maned", maned: "2006-05" });
      expect(month).toMatch(/00\.30 RS<span class="sr-only"> – Representantskapet, 1\. mai 2006/);
      expect(await render({})).toContain(`Viser de ${MEETING_LIST_LIMIT} nyeste møtene.`);
      // A month that is none falls back to this month, not to a month 13.
      expect(await render({ visning: "maned", maned: "2006-13" })).not.toMatch(/januar 2007/i);
    } finally {
      pageViewer = null;
    }
  });

  it("offers every year of the public minutes archive, though it lists only the newest minutes", async () => {
    // Two bodies, each with published minutes every month of 2005–2026: 528 minutes, more than one list holds.
    const c = await t.db.council.create({ data: { slug: "referatradet", name: "Referatrådet" }, select: { id: true } });
    const { osloLocalToDate } = await import("@/lib/format/dates");
    const months = Array.from({ length: 264 }, (_, i) => `${2005 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
    for (const [abbreviation, time] of [["RS", "00:30"], ["AU", "12:00"]] as const) {
      const body = await t.db.body.create({ data: { councilId: c.id, kind: "REPRESENTANTSKAP", name: `Organ ${abbreviation}`, abbreviation, isPolitical: true }, select: { id: true } });
      const meetings = await t.db.meeting.createManyAndReturn({
        data: months.map((m) => ({ bodyId: body.id, startsAt: osloLocalToDate(`${m}-01`, time), status: "MINUTES_APPROVED" as const })),
        select: { id: true, startsAt: true },
      });
      await t.db.minutes.createMany({ data: meetings.map((m) => ({ meetingId: m.id, status: "APPROVED" as const, approvedAt: m.startsAt, publishedAt: m.startsAt })) });
    }
    const { listPublishedMinutesYears, PUBLISHED_MINUTES_LIMIT } = await import("@/lib/minutes/queries");
    // 00.30 on 1 January 2005 in Oslo is 2004 in UTC: the year is Oslo's.
    expect(await listPublishedMinutesYears(c.id)).toEqual(Array.from({ length: 22 }, (_, i) => 2026 - i));
    const { default: Archive } = await import("@/app/(public)/r/[council]/referater/page");
    const render = async (q: { ar?: string }) => renderToStaticMarkup(await Archive({ params: Promise.resolve({ council: "referatradet" }), searchParams: Promise.resolve(q) }));
    const all = await render({});
    expect(all).toContain('<option value="2005">2005</option>');
    expect(all).toContain(`Viser de ${PUBLISHED_MINUTES_LIMIT} nyeste referatene.`);
    const old = await render({ ar: "2005" });
    expect(old).toContain("Organ RS 1. januar 2005");
    expect(old).not.toContain("nyeste referatene");
  });

  it("shows the rest of the møteplan on the public calendar as times without links, as the ICS feed does", async () => {
    const m = await t.db.meeting.findUniqueOrThrow({ where: { id: planned }, select: { startsAt: true, title: true, location: true, body: { select: { abbreviation: true, name: true } } } });
    const { dateToOsloInputs, formatDate } = await import("@/lib/format/dates");
    const month = dateToOsloInputs(m.startsAt).date.slice(0, 7);
    const { default: PublicCalendar } = await import("@/app/(public)/r/[council]/moter/(kalender)/page");
    const html = renderToStaticMarkup(await PublicCalendar({ params: Promise.resolve({ council: "ringeriksregionen" }), searchParams: Promise.resolve({ maned: month }) }));
    const time = dateToOsloInputs(m.startsAt).time.replace(":", ".");
    expect(html).toContain(`${time} ${m.body.abbreviation} (planlagt)<span class="sr-only"> – ${m.body.name.replace(/&/g, "&amp;")}, ${formatDate(m.startsAt)}, innkalling ikke sendt</span>`);
    // No page to open, and nothing of the meeting but its time and body.
    expect(html).not.toContain(`/moter/${planned}`);
    if (m.title) expect(html).not.toContain(m.title);
    if (m.location) expect(html).not.toContain(m.location);
  });

  it("shows members in the portal the møteplan's planned meetings as times, as the public calendar does", async () => {
    const m = await t.db.meeting.findUniqueOrThrow({ where: { id: planned }, select: { startsAt: true, title: true, location: true, body: { select: { abbreviation: true, name: true } } } });
    const { dateToOsloInputs, formatMeetingTime } = await import("@/lib/format/dates");
    const month = dateToOsloInputs(m.startsAt).date.slice(0, 7);
    const { default: PortalList } = await import("@/app/(portal)/portal/[council]/moter/(liste)/page");
    const render = async (q: Record<string, string>) => renderToStaticMarkup(await PortalList({ params: Promise.resolve({ council: "ringeriksregionen" }), searchParams: Promise.resolve(q) }));
    const time = dateToOsloInputs(m.startsAt).time.replace(":", ".");
    const bodyName = m.body.name.replace(/&/g, "&amp;");
    try {
      pageViewer = as("MEMBER");
      const calendar = await render({ visning: "maned", maned: month });
      expect(calendar).toContain(`${time} ${m.body.abbreviation} (planlagt)`);
      expect(calendar).not.toContain(`/moter/${planned}`);
      if (m.location) expect(calendar).not.toContain(m.location);
      // The list names the coming planned meetings, unlinked, when the meeting is still ahead.
      vi.useFakeTimers({ now: new Date(m.startsAt.getTime() - 86_400_000), toFake: ["Date"] });
      const list = await render({});
      expect(list).toContain("Planlagt, innkalling ikke sendt");
      expect(list).toContain(`${formatMeetingTime(m.startsAt)} – ${bodyName}`);
      expect(list).not.toContain(`/moter/${planned}`);
      // The secretariat has the meeting itself, linked, and no times-only copy.
      pageViewer = as("SECRETARIAT");
      const staff = await render({ visning: "maned", maned: month });
      expect(staff).toContain(`/moter/${planned}`);
      expect(staff).not.toContain("(planlagt)");
    } finally {
      vi.useRealTimers();
      pageViewer = null;
    }
  });

  it("says what an empty minutes archive was filtered by, and leads back to every minutes", async () => {
    const { default: Archive } = await import("@/app/(public)/r/[council]/referater/page");
    const render = async (q: { organ?: string; ar?: string }) =>
      renderToStaticMarkup(await Archive({ params: Promise.resolve({ council: "ringeriksregionen" }), searchParams: Promise.resolve(q) }));
    const body = await t.db.body.findFirstOrThrow({ where: { councilId, meetings: { some: { minutes: { publishedAt: { not: null } } } } }, select: { abbreviation: true, name: true } });
    const escapeName = (n: string) => n.replace(/&/g, "&amp;");

    const byYear = await render({ ar: "2019" });
    expect(byYear).toContain("Ingen publiserte referater i 2019.");
    expect(byYear).not.toContain("dette utvalget");
    expect(byYear).toMatch(/href="\/r\/ringeriksregionen\/referater"[^>]*>Vis alle referater</);
    expect(await render({ organ: body.abbreviation, ar: "2019" })).toContain(`Ingen publiserte referater fra ${escapeName(body.name)} i 2019.`);
    const unfiltered = await render({});
    expect(unfiltered).not.toContain("Ingen publiserte referater");
    expect(unfiltered).not.toContain("Vis alle referater");
  });

  it("the portal's minutes list: no '0 referater' beside 'Ingen referater', and a page past the end leads back", async () => {
    const { default: List } = await import("@/app/(portal)/portal/[council]/referater/page");
    const render = async (slug: string, side?: string) => renderToStaticMarkup(await List({ params: Promise.resolve({ council: slug }), searchParams: Promise.resolve({ side }) }));
    pageViewer = as("MEMBER");
    const beyond = await render("ringeriksregionen", "40");
    expect(beyond).toMatch(/Listen har bare 1 side\./);
    expect(beyond).toMatch(/href="\/portal\/ringeriksregionen\/referater"[^>]*>Gå til første side</);
    expect(await render("ringeriksregionen")).toMatch(/\d+ referater, nyeste først/);

    // A council of its own with no minutes at all.
    const empty = await t.db.council.create({ data: { slug: "tomt-rad", name: "Tomt råd" }, select: { id: true } });
    pageViewer = { ...as("MEMBER"), councils: [{ councilId: empty.id, slug: "tomt-rad", name: "Tomt råd", role: "MEMBER" }] };
    const none = await render("tomt-rad");
    pageViewer = null;
    expect(none).toContain("Ingen referater ennå.");
    expect(none).not.toContain("0 referater");
  });

  it("feeds a meeting's place and page only once public, marks a cancelled meeting on the front page, and answers odd addresses without failing", async () => {
    process.env.PUBLIC_URL = "https://ipr.example";
    const before = await t.db.meeting.findUniqueOrThrow({ where: { id: planned }, select: { location: true, startsAt: true, status: true, noticeSentAt: true } });
    await t.db.meeting.update({ where: { id: planned }, data: { location: "Møterom Hemmelig 7" } });
    try {
      const { feedResponse } = await import("@/lib/calendar/feed");
      const ics = (await (await feedResponse("ringeriksregionen")).text()).replace(/\r\n /g, "");
      expect(ics).toContain(`UID:${planned}@ipr-portalen`);
      expect(ics).not.toContain("Møterom Hemmelig 7");
      // Known only from its published minutes: public, so its page is linked.
      expect(ics).toContain(`URL:https://ipr.example/r/ringeriksregionen/moter/${fromMinutesOnly}`);

      // The router decodes the path: a literal % is an unknown body, not a server error.
      const { GET } = await import("@/app/kalender/[council]/[body]/route");
      expect((await GET(new Request("https://ipr.example/kalender/ringeriksregionen/100%25"), { params: Promise.resolve({ council: "ringeriksregionen", body: "100%" }) })).status).toBe(404);

      // Called off after its notice went out: listed as coming, marked.
      const ahead = new Date(Date.now() + 30 * 86_400_000);
      await t.db.meeting.update({ where: { id: planned }, data: { startsAt: ahead, endsAt: null, noticeSentAt: new Date(), status: "CANCELLED", cancelledReason: "Ingen saker." } });
      const { default: FrontPage } = await import("@/app/(public)/r/[council]/page");
      const { formatMeetingTime } = await import("@/lib/format/dates");
      const front = renderToStaticMarkup(await FrontPage({ params: Promise.resolve({ council: "ringeriksregionen" }) }));
      expect(front).toContain(`${formatMeetingTime(ahead, null)} · avlyst`);

      // A repeated or NUL-holding filter lists as one filter, or none, instead of the error page.
      const { default: PublicCalendar } = await import("@/app/(public)/r/[council]/moter/(kalender)/page");
      const { default: Archive } = await import("@/app/(public)/r/[council]/referater/page");
      const au = (await t.db.body.findFirstOrThrow({ where: { councilId }, orderBy: { name: "asc" }, select: { abbreviation: true } })).abbreviation;
      for (const organ of [[au, "RS"], "A\0U"]) {
        expect(renderToStaticMarkup(await PublicCalendar({ params: Promise.resolve({ council: "ringeriksregionen" }), searchParams: Promise.resolve({ organ }) }))).toContain("<h1");
        expect(renderToStaticMarkup(await Archive({ params: Promise.resolve({ council: "ringeriksregionen" }), searchParams: Promise.resolve({ organ }) }))).toContain("<h1");
      }
    } finally {
      await t.db.meeting.update({ where: { id: planned }, data: { ...before, cancelledReason: null } });
      delete process.env.PUBLIC_URL;
    }
  });
});
