import pg from "pg";
import type { Role, Viewer } from "../../../lib/authz/policy";
import type { MinutesState } from "../../../lib/authz/policy";

// What the access matrix knows about the world, read from the matrix server's PostgreSQL database:
// the viewers as lib/authz/viewer.ts builds them, and the ids and states of the resources. The
// expected outcomes are computed from these with lib/authz/policy.ts, never written down by hand.

export type MatrixRole = "admin" | "secretariat" | "coordinator" | "member" | "anonymous";
export const MATRIX_ROLES: MatrixRole[] = ["admin", "secretariat", "coordinator", "member", "anonymous"];

/** `personId`: someone with a seat in one of the council's bodies, for the register's person page. */
export type CouncilRow = { id: string; slug: string; name: string; personId: string | null };
export type MeetingRow = {
  id: string;
  councilId: string;
  status: string;
  noticeSentAt: Date | null;
  minutes: MinutesState | null;
  /** An item of the meeting is closed or belongs to an exempt case: its content must stay hidden. */
  hasExempt: boolean;
  /** Text only the minutes contain (set on the minutes this test adds), or null. */
  minutesMarker: string | null;
  /** One agenda item of the meeting (an exempt or closed one if there is one), for the item editor. */
  itemId: string | null;
};
export type CaseRow = {
  id: string;
  councilId: string;
  isExempt: boolean;
  /** The meetings whose sakskart lists the case as an active item. */
  meetings: Pick<MeetingRow, "councilId" | "status" | "noticeSentAt">[];
};
export type PlanRow = {
  id: string;
  councilId: string;
  periodTo: number;
  versionNumbers: number[];
  measureId: string | null;
  /** Text only in the live (unadopted) plan, and only in its latest adopted version; set on the plan this test adds. */
  liveMarker: string | null;
  adoptedMarker: string | null;
};
export type ActionRow = { id: string; councilId: string };

export type Snapshot = {
  own: CouncilRow;
  other: CouncilRow;
  viewers: Record<MatrixRole, Viewer | null>;
  meetings: MeetingRow[];
  cases: CaseRow[];
  plans: PlanRow[];
  actions: ActionRow[];
  invitationTokens: string[];
};

/** Prefix of the texts put into the plan this test adds: the live text and the adopted version's. */
export const PLAN_MARKER_PREFIX = "MATRISE-PLAN-";

/** Prefix of the text put into the minutes this test adds: "MATRISE-REFERAT-DRAFT" … */
export const MINUTES_MARKER_PREFIX = "MATRISE-REFERAT-";

export const MATRIX_EMAILS: Record<Exclude<MatrixRole, "anonymous">, string> = {
  admin: "admin@ipr.example",
  secretariat: "sekretariat@ipr.example",
  coordinator: "koordinator@ipr.example",
  member: "medlem@ipr.example",
};

/** The same rules as loadViewer() in lib/authz/viewer.ts (which imports server-only code). */
async function loadViewer(client: pg.Client, email: string): Promise<Viewer> {
  const u = await client.query(`SELECT id, name, email, "personId", "isSystemAdmin", "isDisabled" FROM "User" WHERE email = $1`, [email]);
  if (u.rowCount !== 1) throw new Error(`Fant ikke brukeren ${email} i databasen`);
  const user = u.rows[0];
  if (user.isDisabled) throw new Error(`Brukeren ${email} er deaktivert`);
  const roles = user.isSystemAdmin
    ? await client.query(`SELECT 'ADMIN' AS role, id, slug, name FROM "Council"`)
    : await client.query(
        `SELECT r.role::text AS role, c.id, c.slug, c.name FROM "CouncilRole" r JOIN "Council" c ON c.id = r."councilId" WHERE r."userId" = $1`,
        [user.id],
      );
  const councils = roles.rows
    .map((r) => ({ councilId: r.id as string, slug: r.slug as string, name: r.name as string, role: r.role as Role }))
    .sort((a, b) => a.name.localeCompare(b.name, "nb"));
  return { userId: user.id, name: user.name, email: user.email, personId: user.personId, isSystemAdmin: user.isSystemAdmin, councils };
}

async function council(client: pg.Client, slug: string): Promise<CouncilRow> {
  const r = await client.query(
    `SELECT c.id, c.slug, c.name,
            (SELECT bm."personId" FROM "BodyMembership" bm JOIN "Body" b ON b.id = bm."bodyId" WHERE b."councilId" = c.id ORDER BY bm."personId" LIMIT 1) AS "personId"
     FROM "Council" c WHERE c.slug = $1`,
    [slug],
  );
  if (r.rowCount !== 1) throw new Error(`Fant ikke rådet ${slug} i databasen`);
  return r.rows[0];
}

/**
 * States the demo data does not have, added as rows so the matrix sees them too: the other council
 * (Indre Østfold) has no meetings and no follow-up, and no minutes are sent for comment, still a
 * draft, or approved without being published. Without these, "another council's meeting" would only
 * be tried through a mismatched URL, and the comment and members-only branches of canReadMinutes
 * not at all. Fixed ids and ON CONFLICT keep a rerun against the same database from adding them twice.
 */
async function addMissingStates(client: pg.Client, own: CouncilRow, other: CouncilRow): Promise<void> {
  const bodyOf = async (c: CouncilRow) => {
    const body = await client.query(`SELECT id FROM "Body" WHERE "councilId" = $1 ORDER BY name LIMIT 1`, [c.id]);
    if (body.rowCount !== 1) throw new Error(`${c.slug} har ingen organer i databasen`);
    return body.rows[0].id as string;
  };
  const meeting = (id: string, bodyId: string, startsAt: string, status: string) =>
    client.query(
      `INSERT INTO "Meeting" (id, "bodyId", "startsAt", status, "noticeSentAt", location, "updatedAt")
       VALUES ($1, $2, $3, $4::"MeetingStatus", $3::timestamptz - interval '10 days', 'Tilgangsmatrisen (testdata)', now())
       ON CONFLICT (id) DO NOTHING`,
      [id, bodyId, startsAt, status],
    );
  // The introduction carries a marker, so the matrix can tell whether the minutes reached a page.
  const minutes = (meetingId: string, status: string, approvedAt: string | null) =>
    client.query(
      `INSERT INTO "Minutes" (id, "meetingId", status, introduction, "sentForCommentAt", "approvedAt", "updatedAt")
       VALUES ($1, $2, $3::"MinutesStatus", $4, $5, $6, now())
       ON CONFLICT (id) DO NOTHING`,
      [`${meetingId}-minutes`, meetingId, status, `${MINUTES_MARKER_PREFIX}${status}`, status === "SENT_FOR_COMMENT" ? new Date() : null, approvedAt],
    );

  const ownBody = await bodyOf(own);
  await meeting("matrix-own-comment", ownBody, "2026-02-02T13:00:00Z", "MINUTES_DRAFT");
  await minutes("matrix-own-comment", "SENT_FOR_COMMENT", null);
  await meeting("matrix-own-minutes-draft", ownBody, "2026-03-02T13:00:00Z", "MINUTES_DRAFT");
  await minutes("matrix-own-minutes-draft", "DRAFT", null);
  await meeting("matrix-own-unpublished", ownBody, "2026-04-06T12:00:00Z", "MINUTES_APPROVED");
  await minutes("matrix-own-unpublished", "APPROVED", "2026-04-07T12:00:00Z");

  // An adopted action plan with a revision open: readers get version 1 as adopted, the secretariat
  // the live text. The snapshot is a minimal PlanDocument (lib/plans/document.ts).
  await client.query(
    `INSERT INTO "Plan" (id, "councilId", kind, title, "periodFrom", "periodTo", purpose, status, "adoptedAt", "revisionOpen", "updatedAt")
     VALUES ('matrix-own-adopted-plan', $1, 'ACTION_PLAN', 'Handlingsplan (tilgangsmatrisen)', 2026, 2026, $2, 'ADOPTED', '2026-01-15', true, now())
     ON CONFLICT (id) DO NOTHING`,
    [own.id, `${PLAN_MARKER_PREFIX}UTKAST`],
  );
  await client.query(
    `INSERT INTO "FocusArea" (id, "planId", position, title) VALUES ('matrix-own-adopted-area', 'matrix-own-adopted-plan', 1, 'Satsingsområde (tilgangsmatrisen)')
     ON CONFLICT (id) DO NOTHING`,
  );
  await client.query(
    `INSERT INTO "Measure" (id, "focusAreaId", position, title, "updatedAt") VALUES ('matrix-own-adopted-measure', 'matrix-own-adopted-area', 1, 'Tiltak (tilgangsmatrisen)', now())
     ON CONFLICT (id) DO NOTHING`,
  );
  const snapshot = {
    planId: "matrix-own-adopted-plan",
    councilName: own.name,
    kind: "ACTION_PLAN",
    kindLabel: "Handlingsplan",
    title: "Handlingsplan (tilgangsmatrisen)",
    subtitle: null,
    periodFrom: 2026,
    periodTo: 2026,
    strategyTitle: null,
    purpose: `${PLAN_MARKER_PREFIX}VEDTATT`,
    principlesInclude: "",
    principlesExclude: "",
    sectionsBefore: [],
    sectionsAfter: [],
    focusAreas: [
      {
        id: "matrix-own-adopted-area",
        title: "Satsingsområde (tilgangsmatrisen)",
        description: "",
        goals: [],
        measures: [
          {
            id: "matrix-own-adopted-measure",
            title: "Tiltak (tilgangsmatrisen)",
            description: "",
            goal: null,
            owner: null,
            timeFrame: null,
            deadline: null,
            status: "PLANNED",
            statusLabel: "Planlagt",
            resourceAnchored: false,
            indicators: null,
            carriedFrom: null,
          },
        ],
      },
    ],
    adoption: { versionNumber: 1, adoptedAt: "2026-01-15", decision: null },
  };
  await client.query(
    `INSERT INTO "PlanVersion" (id, "planId", number, "adoptedAt", snapshot, sha256)
     VALUES ('matrix-own-adopted-plan-v1', 'matrix-own-adopted-plan', 1, '2026-01-15', $1, 'tilgangsmatrisen')
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(snapshot)],
  );

  await meeting("matrix-other-meeting", await bodyOf(other), "2026-03-02T09:00:00Z", "NOTICE_SENT");
  await client.query(
    `INSERT INTO "ActionItem" (id, "councilId", "meetingId", title, "updatedAt")
     VALUES ('matrix-other-action', $1, 'matrix-other-meeting', 'Oppfølging i et annet råd (tilgangsmatrisen)', now())
     ON CONFLICT (id) DO NOTHING`,
    [other.id],
  );
}

export async function loadSnapshot(databaseUrl: string, ownSlug: string, otherSlug: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const own = await council(client, ownSlug);
    const other = await council(client, otherSlug);
    await addMissingStates(client, own, other);

    const viewers = { anonymous: null } as Record<MatrixRole, Viewer | null>;
    for (const [role, email] of Object.entries(MATRIX_EMAILS)) viewers[role as MatrixRole] = await loadViewer(client, email);

    const meetings: MeetingRow[] = (
      await client.query(`
        SELECT m.id, b."councilId", m.status::text AS status, m."noticeSentAt",
               mi.status::text AS "minutesStatus", mi."publishedAt", mi.introduction AS "minutesIntroduction",
               EXISTS (SELECT 1 FROM "AgendaItem" i LEFT JOIN "Case" c ON c.id = i."caseId"
                       WHERE i."meetingId" = m.id AND (i."isClosed" OR coalesce(c."isExempt", false))) AS "hasExempt",
               (SELECT i.id FROM "AgendaItem" i LEFT JOIN "Case" c ON c.id = i."caseId" WHERE i."meetingId" = m.id
                ORDER BY (i."isClosed" OR coalesce(c."isExempt", false)) DESC, i.position LIMIT 1) AS "itemId"
        FROM "Meeting" m JOIN "Body" b ON b.id = m."bodyId" LEFT JOIN "Minutes" mi ON mi."meetingId" = m.id
        ORDER BY m."startsAt", m.id`)
    ).rows.map((r) => ({
      id: r.id,
      councilId: r.councilId,
      status: r.status,
      noticeSentAt: r.noticeSentAt,
      minutes: r.minutesStatus ? { status: r.minutesStatus, publishedAt: r.publishedAt } : null,
      hasExempt: r.hasExempt,
      minutesMarker: typeof r.minutesIntroduction === "string" && r.minutesIntroduction.startsWith(MINUTES_MARKER_PREFIX) ? r.minutesIntroduction : null,
      itemId: r.itemId,
    }));

    const caseRows = (await client.query(`SELECT id, "councilId", "isExempt" FROM "Case" ORDER BY year, number NULLS LAST, id`)).rows;
    const caseMeetings = (
      await client.query(`
        SELECT i."caseId", b."councilId", m.status::text AS status, m."noticeSentAt"
        FROM "AgendaItem" i JOIN "Meeting" m ON m.id = i."meetingId" JOIN "Body" b ON b.id = m."bodyId"
        WHERE i."caseId" IS NOT NULL AND i.status = 'ACTIVE'`)
    ).rows;
    const cases: CaseRow[] = caseRows.map((c) => ({
      id: c.id,
      councilId: c.councilId,
      isExempt: c.isExempt,
      meetings: caseMeetings
        .filter((m) => m.caseId === c.id)
        .map((m) => ({ councilId: m.councilId, status: m.status, noticeSentAt: m.noticeSentAt })),
    }));

    const plans: PlanRow[] = (
      await client.query(`
        SELECT p.id, p."councilId", p."periodTo",
               coalesce((SELECT array_agg(v.number ORDER BY v.number) FROM "PlanVersion" v WHERE v."planId" = p.id), '{}') AS "versionNumbers",
               CASE WHEN p.purpose LIKE '${PLAN_MARKER_PREFIX}%' THEN p.purpose END AS "liveMarker",
               (SELECT v.snapshot->>'purpose' FROM "PlanVersion" v WHERE v."planId" = p.id ORDER BY v.number DESC LIMIT 1) AS "adoptedMarker",
               (SELECT ms.id FROM "Measure" ms JOIN "FocusArea" f ON f.id = ms."focusAreaId" WHERE f."planId" = p.id
                ORDER BY f.position, ms.position LIMIT 1) AS "measureId"
        FROM "Plan" p ORDER BY p."createdAt", p.id`)
    ).rows.map((p) => ({ ...p, adoptedMarker: p.liveMarker && p.adoptedMarker?.startsWith(PLAN_MARKER_PREFIX) ? p.adoptedMarker : null }));

    const actions: ActionRow[] = (await client.query(`SELECT id, "councilId" FROM "ActionItem" ORDER BY "createdAt", id`)).rows;
    const invitationTokens: string[] = (await client.query(`SELECT token FROM "Invitation" ORDER BY id LIMIT 1`)).rows.map((r) => r.token);

    return { own, other, viewers, meetings, cases, plans, actions, invitationTokens };
  } finally {
    await client.end();
  }
}
