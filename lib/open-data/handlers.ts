import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { osloCalendarDay } from "@/lib/meetings/notice";
import { publicBaseUrl } from "@/lib/server/base-url";
import { BadQueryError, listPage, parseListQuery, timestampWhere, totalPagesFor, type ListQuery } from "@/lib/open-data/pagination";
import {
  agendaItemSelect,
  consultationSelect,
  councilSelect,
  currentMembershipWhere,
  fileSelect,
  locationSelect,
  meetingSelect,
  membershipSelect,
  organizationSelect,
  paperSelect,
  personSelect,
  publicCaseWhere,
  publicFileWhere,
  publicItemWhere,
  publicMeetingWhere,
} from "@/lib/open-data/selects";
import {
  minutesFile,
  noticeFile,
  serializeAgendaItem,
  serializeBody,
  serializeConsultation,
  serializeFile,
  serializeLocation,
  serializeMeeting,
  serializeMembership,
  serializeOrganization,
  serializePaper,
  serializePerson,
  serializeSystem,
} from "@/lib/open-data/serialize";
import { MINUTES_FILE_PREFIX, NOTICE_FILE_PREFIX, oparlUrls, typeUri, type BodyList, type Urls } from "@/lib/open-data/urls";

// The route handlers under app/api/oparl/v1 are one line each; the work is here.

const HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Access-Control-Allow-Origin": "*",
  "Cache-Control": "public, max-age=300",
};

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: HEADERS });
}

// OParl's error object, with the plain "error" field the rest of the portal's JSON uses. Errors are
// not cached: a meeting that is not public yet may be a minute from now.
function error(status: number, message: string): Response {
  return new Response(JSON.stringify({ type: typeUri("Error"), error: message, message }), {
    status,
    headers: { ...HEADERS, "Cache-Control": "no-store" },
  });
}

const notFound = (what: string) => error(404, `Fant ikke ${what}.`);

async function guarded(run: (u: Urls) => Promise<Response>): Promise<Response> {
  try {
    return await run(oparlUrls(await publicBaseUrl()));
  } catch (e) {
    if (e instanceof BadQueryError) return error(400, e.message);
    console.error("OParl-API:", e);
    return error(500, "Noe gikk galt. Prøv igjen senere.");
  }
}

type Page<R> = { count: () => Promise<number>; rows: (skip: number, take: number) => Promise<R[]> };

// Stable order (OParl requires it): every list is sorted by id, which never changes.
async function pagedList<R>(listUrl: string, q: ListQuery, page: Page<R>, map: (row: R) => unknown): Promise<Response> {
  const total = await page.count();
  const totalPages = totalPagesFor(total, q.limit);
  if (q.page > totalPages) return error(404, `Siden finnes ikke: listen har ${totalPages} ${totalPages === 1 ? "side" : "sider"}.`);
  const rows = await page.rows((q.page - 1) * q.limit, q.limit);
  return json(listPage(listUrl, q, total, rows.map(map)));
}

const byId = { id: "asc" } as const;
const ts = (q: ListQuery) => timestampWhere(q, { created: "createdAt", modified: "updatedAt" });

export function systemResponse(): Promise<Response> {
  return guarded(async (u) => {
    const db = await getDb();
    const agg = await db.council.aggregate({ _min: { createdAt: true }, _max: { updatedAt: true } });
    const epoch = new Date(0);
    return json(serializeSystem(u, agg._min.createdAt ?? epoch, agg._max.updatedAt ?? epoch));
  });
}

export function bodiesResponse(request: Request): Promise<Response> {
  return guarded(async (u) => {
    const q = parseListQuery(new URL(request.url));
    const db = await getDb();
    const where = ts(q);
    return pagedList(
      u.bodies,
      q,
      {
        count: () => db.council.count({ where }),
        rows: (skip, take) => db.council.findMany({ where, orderBy: byId, skip, take, select: councilSelect }),
      },
      (c) => serializeBody(u, c),
    );
  });
}

export function bodyResponse(slug: string): Promise<Response> {
  return guarded(async (u) => {
    const db = await getDb();
    const c = await db.council.findUnique({ where: { slug }, select: councilSelect });
    return c ? json(serializeBody(u, c)) : notFound("rådet");
  });
}

/** One of the lists a Body links to. */
export function bodyListResponse(request: Request, slug: string, list: BodyList): Promise<Response> {
  return guarded(async (u) => {
    const q = parseListQuery(new URL(request.url));
    const db = await getDb();
    const council = await db.council.findUnique({ where: { slug }, select: { id: true } });
    if (!council) return notFound("rådet");
    const councilId = council.id;
    const url = u.bodyList(slug, list);
    // Periods are calendar days in Oslo, as on the public council page.
    const today = osloCalendarDay(new Date());
    switch (list) {
      case "organization": {
        const where = { councilId, ...ts(q) };
        return pagedList(
          url,
          q,
          {
            count: () => db.body.count({ where }),
            rows: (skip, take) => db.body.findMany({ where, orderBy: byId, skip, take, select: organizationSelect(today) }),
          },
          (b) => serializeOrganization(u, b, today),
        );
      }
      case "person": {
        const where = { bodyMemberships: { some: currentMembershipWhere(today, councilId) }, ...ts(q) };
        return pagedList(
          url,
          q,
          {
            count: () => db.person.count({ where }),
            rows: (skip, take) => db.person.findMany({ where, orderBy: byId, skip, take, select: personSelect(today) }),
          },
          (p) => serializePerson(u, p),
        );
      }
      case "membership": {
        // Memberships have no timestamps of their own, so the date filters do not apply here.
        const where = currentMembershipWhere(today, councilId);
        return pagedList(
          url,
          q,
          {
            count: () => db.bodyMembership.count({ where }),
            rows: (skip, take) => db.bodyMembership.findMany({ where, orderBy: byId, skip, take, select: membershipSelect }),
          },
          (m) => serializeMembership(u, m, { embedded: false }),
        );
      }
      case "meeting":
        return meetingList(u, url, q, { ...publicMeetingWhere(councilId), ...ts(q) });
      case "agenda-item": {
        const where = { ...publicItemWhere, meeting: publicMeetingWhere(councilId), ...ts(q) };
        return pagedList(
          url,
          q,
          {
            count: () => db.agendaItem.count({ where }),
            rows: (skip, take) => db.agendaItem.findMany({ where, orderBy: byId, skip, take, select: agendaItemSelect }),
          },
          (i) => serializeAgendaItem(u, i, i.meeting, { embedded: false }),
        );
      }
      case "paper": {
        const where = { ...publicCaseWhere(councilId), ...ts(q) };
        return pagedList(
          url,
          q,
          {
            count: () => db.case.count({ where }),
            rows: (skip, take) => db.case.findMany({ where, orderBy: byId, skip, take, select: paperSelect }),
          },
          (c) => serializePaper(u, c),
        );
      }
      case "consultation": {
        const where = { ...publicItemWhere, meeting: publicMeetingWhere(councilId), caseId: { not: null }, ...ts(q) };
        return pagedList(
          url,
          q,
          {
            count: () => db.agendaItem.count({ where }),
            rows: (skip, take) => db.agendaItem.findMany({ where, orderBy: byId, skip, take, select: consultationSelect }),
          },
          (i) => serializeConsultation(u, i.caseId!, i, { embedded: false }),
        );
      }
      case "file": {
        // Uploaded attachments; the generated notice and minutes are reached through their meeting.
        const where = { ...publicFileWhere(councilId), ...timestampWhere(q, { created: "createdAt", modified: "createdAt" }) };
        return pagedList(
          url,
          q,
          {
            count: () => db.attachment.count({ where }),
            rows: (skip, take) => db.attachment.findMany({ where, orderBy: byId, skip, take, select: fileSelect }),
          },
          (f) => serializeFile(u, f),
        );
      }
      case "location": {
        const where = { ...publicMeetingWhere(councilId), AND: [{ location: { not: null } }, { location: { not: "" } }], ...ts(q) };
        return pagedList(
          url,
          q,
          {
            count: () => db.meeting.count({ where }),
            rows: (skip, take) => db.meeting.findMany({ where, orderBy: byId, skip, take, select: locationSelect }),
          },
          (m) => serializeLocation(u, m),
        );
      }
    }
  });
}

async function meetingList(u: Urls, url: string, q: ListQuery, where: Prisma.MeetingWhereInput) {
  const db = await getDb();
  return pagedList(
    url,
    q,
    {
      count: () => db.meeting.count({ where }),
      rows: (skip, take) => db.meeting.findMany({ where, orderBy: byId, skip, take, select: meetingSelect }),
    },
    (m) => serializeMeeting(u, m),
  );
}

/** Organization.meeting: the public meetings of one of our bodies. */
export function organizationMeetingsResponse(request: Request, id: string): Promise<Response> {
  return guarded(async (u) => {
    const q = parseListQuery(new URL(request.url));
    const db = await getDb();
    const body = await db.body.findUnique({ where: { id }, select: { id: true } });
    if (!body) return notFound("organet");
    return meetingList(u, u.organizationMeetings(id), q, { ...publicMeetingWhere(), bodyId: id, ...ts(q) });
  });
}

export type ObjectKind = "organization" | "person" | "membership" | "meeting" | "agenda-item" | "paper" | "consultation" | "file" | "location";

/** A single object by id; 404 for unknown ids and for anything not public. */
export function objectResponse(kind: ObjectKind, id: string): Promise<Response> {
  return guarded(async (u) => {
    const db = await getDb();
    // Periods are calendar days in Oslo, as on the public council page.
    const today = osloCalendarDay(new Date());
    switch (kind) {
      case "organization": {
        const b = await db.body.findUnique({ where: { id }, select: organizationSelect(today) });
        return b ? json(serializeOrganization(u, b, today)) : notFound("organet");
      }
      case "person": {
        const p = await db.person.findFirst({ where: { id, bodyMemberships: { some: currentMembershipWhere(today) } }, select: personSelect(today) });
        return p ? json(serializePerson(u, p)) : notFound("personen");
      }
      case "membership": {
        const m = await db.bodyMembership.findFirst({ where: { id, ...currentMembershipWhere(today) }, select: membershipSelect });
        return m ? json(serializeMembership(u, m, { embedded: false })) : notFound("medlemskapet");
      }
      case "meeting": {
        const m = await db.meeting.findFirst({ where: { id, ...publicMeetingWhere() }, select: meetingSelect });
        return m ? json(serializeMeeting(u, m)) : notFound("møtet");
      }
      case "agenda-item": {
        const i = await db.agendaItem.findFirst({ where: { id, ...publicItemWhere }, select: agendaItemSelect });
        return i ? json(serializeAgendaItem(u, i, i.meeting, { embedded: false })) : notFound("saken på sakskartet");
      }
      case "paper": {
        const c = await db.case.findFirst({ where: { id, ...publicCaseWhere() }, select: paperSelect });
        return c ? json(serializePaper(u, c)) : notFound("saken");
      }
      case "consultation": {
        const i = await db.agendaItem.findFirst({ where: { id, caseId: { not: null }, ...publicItemWhere }, select: consultationSelect });
        return i ? json(serializeConsultation(u, i.caseId!, i, { embedded: false })) : notFound("behandlingen");
      }
      case "file":
        return fileResponse(u, id);
      case "location": {
        const m = await db.meeting.findFirst({ where: { id, ...publicMeetingWhere(), AND: [{ location: { not: null } }, { location: { not: "" } }] }, select: locationSelect });
        return m ? json(serializeLocation(u, m)) : notFound("stedet");
      }
    }
  });
}

async function fileResponse(u: Urls, id: string): Promise<Response> {
  const db = await getDb();
  const generated = id.startsWith(NOTICE_FILE_PREFIX) ? noticeFile : id.startsWith(MINUTES_FILE_PREFIX) ? minutesFile : null;
  if (generated) {
    const meetingId = id.slice((generated === noticeFile ? NOTICE_FILE_PREFIX : MINUTES_FILE_PREFIX).length);
    const m = await db.meeting.findFirst({ where: { id: meetingId, ...publicMeetingWhere() }, select: meetingSelect });
    const file = m ? generated(u, m) : null;
    return file ? json(file) : notFound("filen");
  }
  const f = await db.attachment.findFirst({ where: { id, ...publicFileWhere() }, select: fileSelect });
  return f ? json(serializeFile(u, f)) : notFound("filen");
}
