import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import AjvModule, { type ValidateFunction } from "ajv";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import { EXEMPT_DEMO_MARKER } from "@/prisma/seed/demo-data";

const BASE = "https://ipr.example";
const API = `${BASE}/api/oparl/v1`;
const SCHEMA_BASE = "https://ipr-portalen.invalid/schemas/oparl/1.1/";

let t: TestDb;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/server/base-url", () => ({ publicBaseUrl: async () => BASE }));

// ── JSON Schemas (tests/schemas/oparl), compiled once ──

// ajv is CommonJS; depending on the interop its class is the default export or its .default.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;
const ajv = new Ajv({ allErrors: true, strict: true });
const schemaDir = path.resolve(import.meta.dirname, "../schemas/oparl");
for (const f of readdirSync(schemaDir).filter((f) => f.endsWith(".json"))) ajv.addSchema(JSON.parse(readFileSync(path.join(schemaDir, f), "utf8")));

function expectValid(schema: string, value: unknown, where: string) {
  const validate = ajv.getSchema(`${SCHEMA_BASE}${schema}.json`) as ValidateFunction | undefined;
  if (!validate) throw new Error(`Mangler skjema ${schema}`);
  if (!validate(value)) throw new Error(`${where} er ikke gyldig ${schema}: ${ajv.errorsText(validate.errors)}`);
}

type Obj = Record<string, unknown> & { id: string; type: string };
type List = { data: Obj[]; pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number }; links: Record<string, string> };
const isList = (b: unknown): b is List => typeof b === "object" && b !== null && "data" in b && "pagination" in b;
const typeName = (type: string) => type.replace("https://schema.oparl.org/1.1/", "");

/** A response body against the schema of its kind: the list envelope and each entry, or one object. */
function validateDocument(body: unknown, url: string) {
  if (isList(body)) {
    expectValid("ObjectList", body, url);
    for (const item of body.data) expectValid(typeName(item.type), item, `${url} → ${item.id}`);
    const { currentPage, totalPages } = body.pagination;
    // The one rule JSON Schema cannot state: next on every page but the last.
    expect(body.links.next !== undefined, `${url}: next`).toBe(currentPage < totalPages);
    expect(body.links.prev !== undefined, `${url}: prev`).toBe(currentPage > 1);
  } else {
    expectValid(typeName((body as Obj).type), body, url);
  }
}

// ── Calling the route handlers as Next would ──

type Handler = { GET: (request: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response> };
const LISTS = ["organization", "person", "membership", "meeting", "agenda-item", "paper", "consultation", "file", "location"] as const;
const bodyLists: Record<string, () => Promise<Handler>> = {
  organization: () => import("@/app/api/oparl/v1/body/[id]/organization/route"),
  person: () => import("@/app/api/oparl/v1/body/[id]/person/route"),
  membership: () => import("@/app/api/oparl/v1/body/[id]/membership/route"),
  meeting: () => import("@/app/api/oparl/v1/body/[id]/meeting/route"),
  "agenda-item": () => import("@/app/api/oparl/v1/body/[id]/agenda-item/route"),
  paper: () => import("@/app/api/oparl/v1/body/[id]/paper/route"),
  consultation: () => import("@/app/api/oparl/v1/body/[id]/consultation/route"),
  file: () => import("@/app/api/oparl/v1/body/[id]/file/route"),
  location: () => import("@/app/api/oparl/v1/body/[id]/location/route"),
};
const objects: Record<string, () => Promise<Handler>> = {
  organization: () => import("@/app/api/oparl/v1/organization/[id]/route"),
  person: () => import("@/app/api/oparl/v1/person/[id]/route"),
  membership: () => import("@/app/api/oparl/v1/membership/[id]/route"),
  meeting: () => import("@/app/api/oparl/v1/meeting/[id]/route"),
  "agenda-item": () => import("@/app/api/oparl/v1/agenda-item/[id]/route"),
  paper: () => import("@/app/api/oparl/v1/paper/[id]/route"),
  consultation: () => import("@/app/api/oparl/v1/consultation/[id]/route"),
  file: () => import("@/app/api/oparl/v1/file/[id]/route"),
  location: () => import("@/app/api/oparl/v1/location/[id]/route"),
};

function route(pathname: string): { load: () => Promise<Handler>; id: string } | null {
  const rest = pathname.replace(/^\/api\/oparl\/v1/, "");
  if (rest === "") return { load: () => import("@/app/api/oparl/v1/route") as Promise<unknown> as Promise<Handler>, id: "" };
  if (rest === "/body") return { load: () => import("@/app/api/oparl/v1/body/route") as Promise<unknown> as Promise<Handler>, id: "" };
  let m = /^\/body\/([^/]+)$/.exec(rest);
  if (m) return { load: () => import("@/app/api/oparl/v1/body/[id]/route"), id: m[1] };
  m = /^\/body\/([^/]+)\/([a-z-]+)$/.exec(rest);
  if (m && bodyLists[m[2]]) return { load: bodyLists[m[2]], id: m[1] };
  m = /^\/organization\/([^/]+)\/meeting$/.exec(rest);
  if (m) return { load: () => import("@/app/api/oparl/v1/organization/[id]/meeting/route"), id: m[1] };
  m = /^\/([a-z-]+)\/([^/]+)$/.exec(rest);
  if (m && objects[m[1]]) return { load: objects[m[1]], id: m[2] };
  return null;
}

async function get(url: string) {
  const u = new URL(url);
  expect(u.origin, url).toBe(BASE);
  const r = route(u.pathname);
  if (!r) throw new Error(`Ingen rute for ${url}`);
  const handler = await r.load();
  const res = await handler.GET(new Request(url), { params: Promise.resolve({ id: decodeURIComponent(r.id) }) });
  const text = await res.text();
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  return { status: res.status, cache: res.headers.get("cache-control"), text, body: JSON.parse(text) as unknown };
}

/** Every API URL inside a response (ids, references, list links), however deeply nested. */
function apiLinks(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === "string") {
    if (value === API || value.startsWith(`${API}/`)) out.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) apiLinks(v, out);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) apiLinks(v, out);
  }
  return out;
}

/** Fetches the System and everything it links to, recursively; every answer must be 200 and valid. */
async function crawl(): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = [API];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const { status, cache, text, body } = await get(url);
    expect(status, url).toBe(200);
    expect(cache).toBe("public, max-age=300");
    validateDocument(body, url);
    seen.set(url, text);
    for (const link of apiLinks(body)) if (!seen.has(link)) queue.push(link);
  }
  return seen;
}

async function getList(url: string): Promise<List> {
  const { status, body } = await get(url);
  expect(status, url).toBe(200);
  validateDocument(body, url);
  return body as List;
}

async function getAll(url: string): Promise<Obj[]> {
  const out: Obj[] = [];
  for (let next: string | undefined = url; next; ) {
    const page = await getList(next);
    out.push(...page.data);
    next = page.links.next;
  }
  return out;
}

describe("OParl 1.1 open data API", () => {
  const SLUG = "ringeriksregionen";
  let draftMeetingId: string;
  let exemptItemId: string;
  let exemptCaseId: string;
  let firstCrawl: Map<string, string>;

  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db);
    const draft = await t.db.meeting.findFirstOrThrow({
      where: { title: "IPR-møtet 7. februar" },
      select: { id: true, noticeSentAt: true, items: { where: { case: { isExempt: true } }, select: { id: true, caseId: true } } },
    });
    expect(draft.noticeSentAt).toBeNull();
    draftMeetingId = draft.id;
    exemptItemId = draft.items[0].id;
    exemptCaseId = draft.items[0].caseId!;
    firstCrawl = await crawl();
  }, 240_000);
  afterAll(async () => t?.close());

  it("answers the System, the bodies and every object they link to, all valid against the schemas", async () => {
    const system = JSON.parse(firstCrawl.get(API)!) as Obj;
    expect(system).toMatchObject({ type: "https://schema.oparl.org/1.1/System", oparlVersion: "https://schema.oparl.org/1.1/", body: `${API}/body` });
    const bodies = await getAll(`${API}/body`);
    expect(bodies.map((b) => b.id).sort()).toEqual([`${API}/body/indre-ostfold`, `${API}/body/ringeriksregionen`]);
    const seenTypes = new Set([...firstCrawl.values()].flatMap((text) => [...text.matchAll(/"type":"https:\/\/schema\.oparl\.org\/1\.1\/(\w+)"/g)].map((m) => m[1])));
    expect([...seenTypes].sort()).toEqual(
      ["AgendaItem", "Body", "Consultation", "File", "Location", "Meeting", "Membership", "Organization", "Paper", "Person", "System"].sort(),
    );
    // Every list of the body is reachable from it.
    const body = JSON.parse(firstCrawl.get(`${API}/body/${SLUG}`)!) as Obj;
    for (const key of ["organization", "person", "meeting", "paper", "agendaItem", "consultation", "file", "locationList", "membership"]) {
      expect(firstCrawl.has(body[key] as string), key).toBe(true);
    }
  });

  it("lists only meetings whose notice is sent or whose minutes are published, and their active items only", async () => {
    const db = t.db;
    const council = await db.council.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } });
    const meetings = await getAll(`${API}/body/${SLUG}/meeting`);
    // As the public meeting page: a sent notice, or approved and published minutes (1 November 2021
    // is known only from its minutes).
    const published = await db.meeting.findMany({
      where: { body: { councilId: council.id }, OR: [{ noticeSentAt: { not: null } }, { minutes: { status: "APPROVED", publishedAt: { not: null } } }] },
      select: { id: true, noticeSentAt: true },
    });
    expect(published.some((m) => m.noticeSentAt === null), "et møte som bare er kjent fra referatet").toBe(true);
    expect(meetings.map((m) => m.id).sort()).toEqual(published.map((m) => `${API}/meeting/${m.id}`).sort());
    expect(meetings.length).toBeGreaterThan(0);
    for (const m of meetings) {
      const id = m.id.split("/").pop()!;
      const active = await db.agendaItem.count({ where: { meetingId: id, status: "ACTIVE" } });
      expect((m.agendaItem as unknown[]).length).toBe(active);
    }
    // The draft is nowhere: not by id, not in any list, not in any text.
    expect((await get(`${API}/meeting/${draftMeetingId}`)).status).toBe(404);
    expect((await get(`${API}/agenda-item/${exemptItemId}`)).status).toBe(404);
    expect((await get(`${API}/paper/${exemptCaseId}`)).status).toBe(404);
    for (const [url, text] of firstCrawl) {
      expect(text.includes(draftMeetingId), url).toBe(false);
      expect(text.includes(EXEMPT_DEMO_MARKER), url).toBe(false);
    }
  });

  it("shows people by name and role only, never their contact details", async () => {
    const contacts = await t.db.person.findMany({ select: { email: true, phone: true } });
    const secrets = contacts.flatMap((c) => [c.email, c.phone]).filter((s): s is string => !!s);
    expect(secrets.length).toBeGreaterThan(0);
    for (const [url, text] of firstCrawl) for (const s of secrets) expect(text.includes(s), `${url} inneholder ${s}`).toBe(false);
    const people = await getAll(`${API}/body/${SLUG}/person`);
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) expect(Object.keys(p).sort()).toEqual(["created", "id", "membership", "modified", "name", "type"]);
  });

  it("pages consistently: first, prev, next, last and totalElements agree, and a page past the end is 404", async () => {
    const url = `${API}/body/${SLUG}/membership`;
    const all = await getList(url);
    const total = all.pagination.totalElements;
    expect(total).toBe(all.data.length);
    expect(total).toBeGreaterThan(5);
    expect(all.pagination).toEqual({ totalElements: total, elementsPerPage: 100, currentPage: 1, totalPages: 1 });
    expect(all.links).toEqual({ first: url, self: url, last: url });

    const limit = 4;
    const pages = Math.ceil(total / limit);
    const first = await getList(`${url}?limit=${limit}`);
    expect(first.pagination).toEqual({ totalElements: total, elementsPerPage: limit, currentPage: 1, totalPages: pages });
    expect(first.links.first).toBe(`${url}?limit=${limit}`);
    expect(first.links.last).toBe(`${url}?limit=${limit}&page=${pages}`);
    const walked: string[] = [];
    let page: List | null = first;
    for (let n = 1; page; n++) {
      expect(page.pagination.currentPage).toBe(n);
      expect(page.links.self).toBe(n === 1 ? `${url}?limit=${limit}` : `${url}?limit=${limit}&page=${n}`);
      if (n > 1) expect(page.links.prev).toBe(n === 2 ? `${url}?limit=${limit}` : `${url}?limit=${limit}&page=${n - 1}`);
      expect(page.data.length).toBe(n < pages ? limit : total - limit * (pages - 1));
      walked.push(...page.data.map((d) => d.id));
      page = page.links.next ? await getList(page.links.next) : null;
    }
    // Stable order, nothing lost or repeated between pages.
    expect(walked).toEqual(all.data.map((d) => d.id));

    const beyond = await get(`${url}?limit=${limit}&page=${pages + 1}`);
    expect(beyond.status).toBe(404);
    expectValid("Error", beyond.body, "side etter siste");
    expect(beyond.cache).toBe("no-store");
    expect((await get(`${url}?page=0`)).status).toBe(400);
    expect((await get(`${url}?limit=abc`)).status).toBe(400);
    // The page size is capped.
    expect((await getList(`${url}?limit=100000`)).pagination.elementsPerPage).toBe(100);
    // OParl's date filters narrow a list.
    expect((await getList(`${API}/body/${SLUG}/meeting?created_since=2999-01-01T00:00:00Z`)).pagination.totalElements).toBe(0);
    expect((await get(`${API}/body/${SLUG}/meeting?created_since=i-går`)).status).toBe(400);
  });

  it("answers unknown ids with a Norwegian 404 error object", async () => {
    for (const url of [`${API}/body/finnes-ikke`, `${API}/body/finnes-ikke/meeting`, `${API}/meeting/x`, `${API}/person/x`, `${API}/file/x`, `${API}/file/innkalling-x`]) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expectValid("Error", r.body, url);
      expect((r.body as { error: string }).error).toMatch(/^Fant ikke /);
    }
  });

  describe("once the draft's notice is sent", () => {
    let crawl2: Map<string, string>;
    let publicFileId: string;
    let meetingFileId: string;
    let hiddenFileIds: string[];

    beforeAll(async () => {
      const db = t.db;
      const council = await db.council.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } });
      const openCase = await db.case.findFirstOrThrow({
        where: { councilId: council.id, isExempt: false, items: { some: { status: "ACTIVE", isClosed: false, meeting: { noticeSentAt: { not: null } } } } },
        orderBy: { id: "asc" },
        select: { id: true, items: { select: { meetingId: true }, take: 1 } },
      });
      const file = (data: { fileName: string; isExempt?: boolean; caseId?: string; meetingId?: string; key: string }) =>
        db.attachment.create({
          data: { councilId: council.id, contentType: "application/pdf", sizeBytes: 10, sha256: "0".repeat(64), storageKey: `attachments/${data.key}`, fileName: data.fileName, isExempt: data.isExempt ?? false, caseId: data.caseId, meetingId: data.meetingId },
        });
      publicFileId = (await file({ key: "open", fileName: "saksframlegg.pdf", caseId: openCase.id, meetingId: openCase.items[0].meetingId })).id;
      meetingFileId = (await file({ key: "meeting", fileName: "moteplan.pdf", meetingId: draftMeetingId })).id;
      hiddenFileIds = [
        // An exempt file on an open case, the marker in its name.
        (await file({ key: "exempt", fileName: `${EXEMPT_DEMO_MARKER}.pdf`, isExempt: true, caseId: openCase.id, meetingId: openCase.items[0].meetingId })).id,
        // An unflagged file on the exempt case.
        (await file({ key: "exempt-case", fileName: `${EXEMPT_DEMO_MARKER}-sak.pdf`, caseId: exemptCaseId, meetingId: draftMeetingId })).id,
        // An exempt file on the meeting itself.
        (await file({ key: "exempt-meeting", fileName: `${EXEMPT_DEMO_MARKER}-mote.pdf`, isExempt: true, meetingId: draftMeetingId })).id,
      ];
      await db.meeting.update({ where: { id: draftMeetingId }, data: { noticeSentAt: new Date(), status: "NOTICE_SENT" } });
      crawl2 = await crawl();
    }, 240_000);

    it("lists the meeting, with its exempt item redacted to title and basis", async () => {
      const meetings = await getAll(`${API}/body/${SLUG}/meeting`);
      const meeting = meetings.find((m) => m.id === `${API}/meeting/${draftMeetingId}`);
      expect(meeting).toBeDefined();
      // The proposed items are not on the agenda; the exempt one is, as a closed item.
      const items = meeting!.agendaItem as Obj[];
      expect(items.map((i) => i.id)).toEqual([`${API}/agenda-item/${exemptItemId}`]);
      expect(items[0]).toMatchObject({ name: "Personalsak – konfidensielt (demo)", public: false, "ipr:exemptionBasis": "offl. § 13, jf. fvl. § 13" });
      expect(items[0]).not.toHaveProperty("ipr:noticeText");
      expect(items[0]).not.toHaveProperty("resolutionText");
      const paper = (await get(`${API}/paper/${exemptCaseId}`)).body as Obj;
      expect(paper).toMatchObject({ name: "Personalsak – konfidensielt (demo)", "ipr:exemptionBasis": "offl. § 13, jf. fvl. § 13" });
      expect(paper).not.toHaveProperty("ipr:background");
      expect(paper).not.toHaveProperty("auxiliaryFile");
      expect(crawl2.has(`${API}/consultation/${exemptItemId}`)).toBe(true);
      expect(crawl2.size).toBeGreaterThan(firstCrawl.size);
    });

    it("never shows the exempt marker anywhere in the API", () => {
      for (const [url, text] of crawl2) expect(text.includes(EXEMPT_DEMO_MARKER), url).toBe(false);
    });

    it("lists public attachments with a working download link, and never exempt ones", async () => {
      const files = await getAll(`${API}/body/${SLUG}/file`);
      const ids = files.map((f) => f.id);
      expect(ids).toContain(`${API}/file/${publicFileId}`);
      expect(ids).toContain(`${API}/file/${meetingFileId}`);
      for (const id of hiddenFileIds) {
        expect(ids).not.toContain(`${API}/file/${id}`);
        expect((await get(`${API}/file/${id}`)).status).toBe(404);
        for (const [url, text] of crawl2) expect(text.includes(id), url).toBe(false);
      }
      // Every listed file is one the download route hands out to an anonymous visitor.
      const { getAttachmentForDownload } = await import("@/lib/attachments/queries");
      for (const f of files) {
        expect(f.accessUrl).toBe(`${BASE}/filer/${f.id.split("/").pop()}`);
        expect(await getAttachmentForDownload(null, f.id.split("/").pop()!), f.id).not.toBeNull();
      }
      const meeting = JSON.parse(crawl2.get(`${API}/meeting/${draftMeetingId}`)!) as Obj;
      expect((meeting.auxiliaryFile as Obj[]).map((f) => f.id)).toEqual([`${API}/file/${meetingFileId}`]);
      expect(meeting.invitation).toMatchObject({ accessUrl: `${BASE}/dokumenter/${SLUG}/moter/${draftMeetingId}/innkalling.pdf?offentlig=1` });
      expect(meeting).not.toHaveProperty("resultsProtocol");
    });

    it("checks the whole API", () => {
      const lists = [...crawl2.keys()].filter((u) => LISTS.some((l) => u.endsWith(`/${l}`)));
      expect(lists.length).toBeGreaterThanOrEqual(LISTS.length * 2);
    });
  });
  it("lists a membership on its last day, Oslo time, and not one that has not begun", async () => {
    const { osloCalendarDay } = await import("@/lib/meetings/notice");
    const today = osloCalendarDay(new Date());
    const tomorrow = new Date(today.getTime() + 86_400_000);
    const body = await t.db.body.findFirstOrThrow({ where: { council: { slug: SLUG }, abbreviation: "AU" }, select: { id: true } });
    const [leaving, coming] = await Promise.all(
      ["Siste Dag", "Ikke Ennå"].map((name) => t.db.person.create({ data: { name }, select: { id: true } })),
    );
    const lastDay = await t.db.bodyMembership.create({ data: { bodyId: body.id, personId: leaving.id, role: "MEDLEM", validFrom: new Date("2020-01-01T00:00:00Z"), validTo: today }, select: { id: true } });
    const notYet = await t.db.bodyMembership.create({ data: { bodyId: body.id, personId: coming.id, role: "MEDLEM", validFrom: tomorrow }, select: { id: true } });
    try {
      const ids = (await getAll(`${API}/body/${SLUG}/membership`)).map((m) => String(m.id).split("/").pop());
      expect(ids).toContain(lastDay.id);
      expect(ids).not.toContain(notYet.id);
      const people = (await getAll(`${API}/body/${SLUG}/person`)).map((p) => p.name);
      expect(people).toContain("Siste Dag");
      expect(people).not.toContain("Ikke Ennå");
      expect((await get(`${API}/membership/${notYet.id}`)).status).toBe(404);
    } finally {
      await t.db.bodyMembership.deleteMany({ where: { id: { in: [lastDay.id, notYet.id] } } });
      await t.db.person.deleteMany({ where: { id: { in: [leaving.id, coming.id] } } });
    }
  });
});
