import {
  canReadOutbox,
  isPlanPublic,
  auditScope,
  can,
  canReadExemptContent,
  canReadMeeting,
  canReadMinutes,
  canReadPlan,
  type Viewer,
} from "../../../lib/authz/policy";
import type { CaseRow, CouncilRow, MeetingRow, PlanRow, Snapshot } from "./db-snapshot";

// The matrix's route table: for every page route under app/, the URLs to try (built from the
// resources in the database) and, for each, what lib/authz/policy.ts says a viewer may get. A page
// route without an entry here fails the matrix (see access-matrix.spec.ts).

/** What the policy allows one viewer on one URL. `redirectTo`: the allowed answer is a redirect there. */
export type Expected = { allowed: boolean; redirectTo?: string };

export type Instance = {
  /** Which resource, in words: "eget råd", "annet råd", "utkast", "unntatt", "godkjent" … */
  resource: string;
  path: string;
  expect: (viewer: Viewer | null) => Expected;
  /**
   * The page must show the exempt content to this viewer (a check that the marker test below is
   * not empty: the marker is really there for those who may read it).
   */
  showsExemptTo?: (viewer: Viewer | null) => boolean;
  /** Texts this viewer must not get in the answer, whatever its status (unreadable minutes). */
  hiddenFrom?: (viewer: Viewer | null) => string[];
  /** Texts this viewer must get (readable minutes): proof that `hiddenFrom` looks for the right thing. */
  shownTo?: (viewer: Viewer | null) => string[];
};

export type RouteEntry = {
  /** portal: signed-in area; an anonymous visitor is sent to /logg-inn. public: open to everyone. */
  area: "portal" | "public";
  /**
   * Whose rules shape the content: "viewer" (the signed-in user's) or "public" (the page always
   * shows the public version, also to the secretariat). Decides whether exempt content may appear.
   */
  audience: "viewer" | "public";
  instances: (s: Snapshot) => Instance[];
};

const allow = (allowed: boolean, redirectTo?: string): Expected => (allowed && redirectTo ? { allowed, redirectTo } : { allowed });
const signedIn = (v: Viewer | null) => allow(v !== null);
const everyone = () => allow(true);

// ── Resource labels and choices ──

function councilLabel(s: Snapshot, councilId: string) {
  return councilId === s.own.id ? "eget råd" : "annet råd";
}

function meetingLabel(s: Snapshot, m: MeetingRow) {
  const parts = [councilLabel(s, m.councilId), m.noticeSentAt ? "innkalling sendt" : "innkalling ikke sendt"];
  if (m.minutes) {
    const published = m.minutes.status === "APPROVED" && m.minutes.publishedAt;
    parts.push(`referat ${m.minutes.status === "APPROVED" ? "godkjent" : m.minutes.status.toLowerCase()}${published ? " og publisert" : ""}`);
  }
  if (m.hasExempt) parts.push("unntatt");
  return `møte ${m.id} (${parts.join(", ")})`;
}

/** Both councils, as the [council] segment: the viewer's own and one they have no role in. */
const bothCouncils = (s: Snapshot): CouncilRow[] => [s.own, s.other];

/**
 * Every meeting under its own council's slug, plus the own council's meetings under the other
 * council's slug: a meeting must not be reachable through a council it does not belong to.
 */
function meetingUrls(s: Snapshot): { council: CouncilRow; m: MeetingRow; label: string }[] {
  const slugOf = (id: string) => (id === s.own.id ? s.own : s.other);
  const out = s.meetings
    .filter((m) => m.councilId === s.own.id || m.councilId === s.other.id)
    .map((m) => ({ council: slugOf(m.councilId), m, label: meetingLabel(s, m) }));
  const mismatched = s.meetings.find((m) => m.councilId === s.own.id && m.minutes?.publishedAt);
  if (mismatched) out.push({ council: s.other, m: mismatched, label: `${meetingLabel(s, mismatched)} under annet råds adresse` });
  return out;
}

/** Cases by the states that decide their visibility; one of each kind is enough. */
function caseChoices(s: Snapshot): CaseRow[] {
  const seen = new Map<string, CaseRow>();
  for (const c of s.cases) {
    const key = [c.councilId, c.isExempt, ...c.meetings.map((m) => `${m.status}:${m.noticeSentAt ? 1 : 0}`).sort()].join("|");
    if (!seen.has(key)) seen.set(key, c);
  }
  return [...seen.values()];
}

function caseLabel(s: Snapshot, c: CaseRow) {
  const sent = c.meetings.some((m) => m.noticeSentAt);
  const parts = [councilLabel(s, c.councilId), sent ? "på sendt innkalling" : c.meetings.length ? "bare på utkast" : "på intet sakskart"];
  if (c.isExempt) parts.push("unntatt");
  return `sak ${c.id} (${parts.join(", ")})`;
}

function planLabel(s: Snapshot, p: PlanRow) {
  return `plan ${p.id} (${councilLabel(s, p.councilId)}, ${p.versionNumbers.length ? `vedtatt versjon ${p.versionNumbers.at(-1)}` : "utkast"})`;
}

// ── Rules, from lib/authz/policy.ts ──

/** Pages under /portal/[council]: the layout asks for council.read in the council of the URL. */
const inCouncil = (v: Viewer | null, council: CouncilRow) => can(v, "council.read", council.id);

/** The meeting page: the meeting, or failing that its minutes (lib/meetings and lib/minutes queries). */
function meetingOrMinutesReadable(v: Viewer | null, m: MeetingRow) {
  return canReadMeeting(v, m) || (m.minutes !== null && canReadMinutes(v, m.councilId, m.minutes));
}

/** A case is shown with the sakskart that list it (getCaseView); the secretariat sees it on drafts too. */
function caseReadable(v: Viewer | null, c: CaseRow) {
  return c.meetings.some((m) => canReadMeeting(v, { ...m, councilId: c.councilId })) || can(v, "meeting.read.draft", c.councilId);
}

const hasAdopted = (p: PlanRow) => p.versionNumbers.length > 0;

// ── Instance builders ──

function councilInstances(s: Snapshot, path: (c: CouncilRow) => string, rule: (v: Viewer | null, c: CouncilRow) => Expected): Instance[] {
  return bothCouncils(s).map((c) => ({ resource: councilLabel(s, c.id), path: path(c), expect: (v) => rule(v, c) }));
}

function meetingInstances(
  s: Snapshot,
  path: (c: CouncilRow, m: MeetingRow) => string | null,
  rule: (v: Viewer | null, c: CouncilRow, m: MeetingRow) => boolean,
  opts: { showsExempt?: boolean; showsMinutes?: boolean; publicVersion?: boolean } = {},
): Instance[] {
  return meetingUrls(s).flatMap(({ council, m, label }) => {
    const p = path(council, m);
    if (!p) return [];
    const expect = (v: Viewer | null) => allow(m.councilId === council.id && rule(v, council, m));
    const showsExemptTo = opts.showsExempt && m.hasExempt ? (v: Viewer | null) => expect(v).allowed && canReadExemptContent(v, m.councilId) : undefined;
    // Minutes the viewer may not read must not show up on any page of the meeting; the public
    // pages are judged as the anonymous viewer, whoever asks.
    const marker = m.minutesMarker;
    const hiddenFrom =
      marker && m.minutes
        ? (v: Viewer | null) => (canReadMinutes(opts.publicVersion ? null : v, m.councilId, m.minutes!) ? [] : [marker])
        : undefined;
    const shownTo =
      marker && m.minutes && opts.showsMinutes
        ? (v: Viewer | null) => (expect(v).allowed && canReadMinutes(opts.publicVersion ? null : v, m.councilId, m.minutes!) ? [marker] : [])
        : undefined;
    return [{ resource: label, path: p, expect, showsExemptTo, hiddenFrom, shownTo }];
  });
}

function caseInstances(s: Snapshot, path: (c: CouncilRow, caseId: string) => string, rule: (v: Viewer | null, c: CouncilRow, k: CaseRow) => boolean): Instance[] {
  const out: Instance[] = [];
  for (const k of caseChoices(s)) {
    const council = k.councilId === s.own.id ? s.own : s.other;
    out.push({ resource: caseLabel(s, k), path: path(council, k.id), expect: (v) => allow(rule(v, council, k)) });
  }
  const exempt = s.cases.find((k) => k.isExempt);
  if (exempt) {
    // The exempt case through the other council's address: never found.
    out.push({ resource: `${caseLabel(s, exempt)} under annet råds adresse`, path: path(s.other, exempt.id), expect: () => allow(false) });
  }
  return out;
}

function planInstances(
  s: Snapshot,
  path: (c: CouncilRow, p: PlanRow) => string | null,
  rule: (v: Viewer | null, c: CouncilRow, p: PlanRow) => boolean,
  opts: { showsDocument?: boolean; publicVersion?: boolean } = {},
): Instance[] {
  const out: Instance[] = [];
  for (const p of s.plans.filter((x) => x.councilId === s.own.id || x.councilId === s.other.id)) {
    const council = p.councilId === s.own.id ? s.own : s.other;
    const url = path(council, p);
    if (!url) continue;
    const expect = (v: Viewer | null) => allow(rule(v, council, p));
    // Only plan.read.draft reads the plan as it is being written; everyone else the adopted version.
    const readsLive = (v: Viewer | null) => !opts.publicVersion && can(v, "plan.read.draft", p.councilId);
    const live = p.liveMarker;
    const adopted = p.adoptedMarker;
    out.push({
      resource: planLabel(s, p),
      path: url,
      expect,
      hiddenFrom: live ? (v) => (readsLive(v) ? [] : [live]) : undefined,
      shownTo: opts.showsDocument && live && adopted ? (v) => (!expect(v).allowed ? [] : readsLive(v) ? [live] : [adopted]) : undefined,
    });
  }
  const own = s.plans.find((x) => x.councilId === s.own.id);
  const mismatched = own && path(s.other, own);
  if (own && mismatched) out.push({ resource: `${planLabel(s, own)} under annet råds adresse`, path: mismatched, expect: () => allow(false) });
  return out;
}

// ── The table ──

export const ROUTE_TABLE: Record<string, RouteEntry> = {
  // Signed-in area without a council in the URL.
  "/portal": { area: "portal", audience: "viewer", instances: () => [{ resource: "startside", path: "/portal", expect: signedIn }] },
  "/portal/admin/brukere": {
    area: "portal",
    audience: "viewer",
    // listManagedUsers: installation administrators, or user.manage in some council.
    instances: () => [
      {
        resource: "brukere",
        path: "/portal/admin/brukere",
        expect: (v) => allow(!!v && (v.isSystemAdmin || v.councils.some((c) => can(v, "user.manage", c.councilId)))),
      },
    ],
  },
  "/portal/admin/logg": {
    area: "portal",
    audience: "viewer",
    instances: () => [{ resource: "revisjonslogg", path: "/portal/admin/logg", expect: (v) => allow(auditScope(v) !== null) }],
  },
  "/portal/admin/utboks": {
    area: "portal",
    audience: "viewer",
    instances: () => [{ resource: "utboks", path: "/portal/admin/utboks", expect: (v) => allow(canReadOutbox(v)) }],
  },
  "/portal/innstillinger": { area: "portal", audience: "viewer", instances: () => [{ resource: "innstillinger", path: "/portal/innstillinger", expect: signedIn }] },
  "/portal/oppfolging": {
    area: "portal",
    audience: "viewer",
    instances: (s) => [
      { resource: "oppfølging", path: "/portal/oppfolging", expect: signedIn },
      // Filtering by a council the viewer has no role in shows nothing of it, but is no error.
      { resource: "oppfølging, filter annet råd", path: `/portal/oppfolging?rad=${s.other.slug}`, expect: signedIn },
    ],
  },
  "/portal/oppfolging/[id]": {
    area: "portal",
    audience: "viewer",
    instances: (s) => {
      const own = s.actions.filter((a) => a.councilId === s.own.id).slice(0, 2);
      const other = s.actions.filter((a) => a.councilId === s.other.id).slice(0, 1);
      return [
        ...[...own, ...other].map((a) => ({
          resource: `oppfølgingspunkt ${a.id} (${councilLabel(s, a.councilId)})`,
          path: `/portal/oppfolging/${a.id}`,
          expect: (v: Viewer | null) => allow(can(v, "action.read", a.councilId)),
        })),
        { resource: "ukjent oppfølgingspunkt", path: "/portal/oppfolging/finnes-ikke", expect: () => allow(false) },
      ];
    },
  },

  // Signed-in area of one council.
  "/portal/[council]": {
    area: "portal",
    audience: "viewer",
    instances: (s) => councilInstances(s, (c) => `/portal/${c.slug}`, (v, c) => allow(inCouncil(v, c))),
  },
  "/portal/[council]/moter": {
    area: "portal",
    audience: "viewer",
    instances: (s) => councilInstances(s, (c) => `/portal/${c.slug}/moter`, (v, c) => allow(inCouncil(v, c))),
  },
  "/portal/[council]/moter/ny": {
    area: "portal",
    audience: "viewer",
    instances: (s) => councilInstances(s, (c) => `/portal/${c.slug}/moter/ny`, (v, c) => allow(inCouncil(v, c) && can(v, "meeting.manage", c.id))),
  },
  "/portal/[council]/moter/[id]": {
    area: "portal",
    audience: "viewer",
    instances: (s) =>
      meetingInstances(s, (c, m) => `/portal/${c.slug}/moter/${m.id}`, (v, c, m) => inCouncil(v, c) && meetingOrMinutesReadable(v, m), {
        showsExempt: true,
        showsMinutes: true,
      }),
  },
  "/portal/[council]/moter/[id]/innkalling": {
    area: "portal",
    audience: "viewer",
    instances: (s) => meetingInstances(s, (c, m) => `/portal/${c.slug}/moter/${m.id}/innkalling`, (v, c, m) => inCouncil(v, c) && canReadMeeting(v, m)),
  },
  "/portal/[council]/moter/[id]/rediger": {
    area: "portal",
    audience: "viewer",
    instances: (s) => meetingInstances(s, (c, m) => `/portal/${c.slug}/moter/${m.id}/rediger`, (v, c, m) => inCouncil(v, c) && can(v, "meeting.manage", m.councilId)),
  },
  "/portal/[council]/moter/[id]/referat": {
    area: "portal",
    audience: "viewer",
    instances: (s) => meetingInstances(s, (c, m) => `/portal/${c.slug}/moter/${m.id}/referat`, (v, c, m) => inCouncil(v, c) && can(v, "minutes.manage", m.councilId)),
  },
  "/portal/[council]/moter/[id]/saker/[itemId]": {
    area: "portal",
    audience: "viewer",
    instances: (s) =>
      meetingInstances(
        s,
        (c, m) => (m.itemId ? `/portal/${c.slug}/moter/${m.id}/saker/${m.itemId}` : null),
        (v, c, m) => inCouncil(v, c) && can(v, "meeting.manage", m.councilId),
      ),
  },
  "/portal/[council]/oppfolging": {
    area: "portal",
    audience: "viewer",
    // Kept as an address: it sends the council's members on to the follow-up list, filtered.
    instances: (s) =>
      councilInstances(s, (c) => `/portal/${c.slug}/oppfolging`, (v, c) => allow(inCouncil(v, c), `/portal/oppfolging?rad=${c.slug}`)),
  },
  "/portal/[council]/organer": {
    area: "portal",
    audience: "viewer",
    instances: (s) => councilInstances(s, (c) => `/portal/${c.slug}/organer`, (v, c) => allow(inCouncil(v, c) && can(v, "council.manage", c.id))),
  },
  "/portal/[council]/personer": {
    area: "portal",
    audience: "viewer",
    instances: (s) => councilInstances(s, (c) => `/portal/${c.slug}/personer`, (v, c) => allow(inCouncil(v, c) && can(v, "council.manage", c.id))),
  },
  "/portal/[council]/personer/[id]": {
    area: "portal",
    audience: "viewer",
    // Each council's person under each council's address: a person of another council is not found there.
    instances: (s) =>
      bothCouncils(s).flatMap((c) =>
        bothCouncils(s)
          .filter((owner) => owner.personId)
          .map((owner) => ({
            resource: `${councilLabel(s, c.id)}, person i ${councilLabel(s, owner.id)}`,
            path: `/portal/${c.slug}/personer/${owner.personId}`,
            expect: (v: Viewer | null) => allow(owner.id === c.id && inCouncil(v, c) && can(v, "council.manage", c.id)),
          })),
      ),
  },
  "/portal/[council]/planer": {
    area: "portal",
    audience: "viewer",
    instances: (s) => councilInstances(s, (c) => `/portal/${c.slug}/planer`, (v, c) => allow(inCouncil(v, c) && can(v, "plan.read", c.id))),
  },
  "/portal/[council]/planer/[id]": {
    area: "portal",
    audience: "viewer",
    instances: (s) =>
      planInstances(s, (c, p) => `/portal/${c.slug}/planer/${p.id}`, (v, c, p) => p.councilId === c.id && inCouncil(v, c) && canReadPlan(v, c.id, hasAdopted(p)), {
        showsDocument: true,
      }),
  },
  "/portal/[council]/planer/[id]/rapport/[year]": {
    area: "portal",
    audience: "viewer",
    instances: (s) =>
      planInstances(s, (c, p) => `/portal/${c.slug}/planer/${p.id}/rapport/${p.periodTo}`, (v, c, p) => p.councilId === c.id && inCouncil(v, c) && canReadPlan(v, c.id, hasAdopted(p))),
  },
  "/portal/[council]/planer/[id]/rediger": {
    area: "portal",
    audience: "viewer",
    instances: (s) => planInstances(s, (c, p) => `/portal/${c.slug}/planer/${p.id}/rediger`, (v, c, p) => p.councilId === c.id && inCouncil(v, c) && can(v, "plan.manage", c.id)),
  },
  "/portal/[council]/planer/[id]/versjoner/[number]": {
    area: "portal",
    audience: "viewer",
    // Version 1 whether or not it exists: an unadopted plan has none, and no one finds it.
    instances: (s) =>
      planInstances(
        s,
        (c, p) => `/portal/${c.slug}/planer/${p.id}/versjoner/1`,
        (v, c, p) => p.councilId === c.id && p.versionNumbers.includes(1) && inCouncil(v, c) && canReadPlan(v, c.id, hasAdopted(p)),
      ),
  },
  "/portal/[council]/planer/tiltak/[id]": {
    area: "portal",
    audience: "viewer",
    instances: (s) =>
      planInstances(
        s,
        (c, p) => (p.measureId ? `/portal/${c.slug}/planer/tiltak/${p.measureId}` : null),
        (v, c, p) => p.councilId === c.id && inCouncil(v, c) && canReadPlan(v, c.id, hasAdopted(p)),
      ),
  },
  "/portal/[council]/referater": {
    area: "portal",
    audience: "viewer",
    instances: (s) => councilInstances(s, (c) => `/portal/${c.slug}/referater`, (v, c) => allow(inCouncil(v, c))),
  },
  "/portal/[council]/saker/[caseId]": {
    area: "portal",
    audience: "viewer",
    instances: (s) => caseInstances(s, (c, id) => `/portal/${c.slug}/saker/${id}`, (v, c, k) => k.councilId === c.id && inCouncil(v, c) && caseReadable(v, k)),
  },

  // Public pages. Those under /r/ always show the public version, so they are judged as the
  // anonymous viewer would be (viewer null), whoever asks.
  "/": { area: "public", audience: "public", instances: () => [{ resource: "forside", path: "/", expect: everyone }] },
  "/forfall/[token]": {
    area: "public",
    audience: "public",
    instances: (s) => [
      ...s.invitationTokens.map((t) => ({ resource: "forfallslenke", path: `/forfall/${t}`, expect: everyone })),
      { resource: "ukjent forfallslenke", path: "/forfall/finnes-ikke-0123456789abcdef", expect: () => allow(false) },
    ],
  },
  "/logg-inn": {
    area: "public",
    audience: "public",
    // A signed-in user is sent on to the portal.
    instances: () => [{ resource: "innlogging", path: "/logg-inn", expect: (v) => (v ? allow(true, "/portal") : allow(true)) }],
  },
  "/r/[council]": { area: "public", audience: "public", instances: (s) => councilInstances(s, (c) => `/r/${c.slug}`, everyone) },
  "/r/[council]/moter": { area: "public", audience: "public", instances: (s) => councilInstances(s, (c) => `/r/${c.slug}/moter`, everyone) },
  "/r/[council]/moter/[id]": {
    area: "public",
    audience: "public",
    instances: (s) => meetingInstances(s, (c, m) => `/r/${c.slug}/moter/${m.id}`, (_v, _c, m) => meetingOrMinutesReadable(null, m), { publicVersion: true }),
  },
  "/r/[council]/moter/[id]/innkalling": {
    area: "public",
    audience: "public",
    instances: (s) => meetingInstances(s, (c, m) => `/r/${c.slug}/moter/${m.id}/innkalling`, (_v, _c, m) => canReadMeeting(null, m), { publicVersion: true }),
  },
  "/r/[council]/planer": { area: "public", audience: "public", instances: (s) => councilInstances(s, (c) => `/r/${c.slug}/planer`, everyone) },
  "/r/[council]/planer/[id]": {
    area: "public",
    audience: "public",
    instances: (s) =>
      planInstances(s, (c, p) => `/r/${c.slug}/planer/${p.id}`, (_v, c, p) => p.councilId === c.id && isPlanPublic(hasAdopted(p)), { showsDocument: true, publicVersion: true }),
  },
  "/r/[council]/referater": { area: "public", audience: "public", instances: (s) => councilInstances(s, (c) => `/r/${c.slug}/referater`, everyone) },
  "/r/[council]/saker/[caseId]": {
    area: "public",
    audience: "public",
    instances: (s) => caseInstances(s, (c, id) => `/r/${c.slug}/saker/${id}`, (_v, c, k) => k.councilId === c.id && caseReadable(null, k)),
  },
  "/sok": {
    area: "public",
    audience: "viewer",
    // The search applies the viewer's rules; "oppdiktet" is a word of the exempt demo saksframlegg.
    instances: () => [
      { resource: "søk", path: "/sok", expect: everyone },
      { resource: "søk etter ord i unntatt innhold", path: "/sok?q=oppdiktet", expect: everyone },
    ],
  },
  "/tilgjengelighet": { area: "public", audience: "public", instances: () => [{ resource: "tilgjengelighet", path: "/tilgjengelighet", expect: everyone }] },
};

/** May this viewer see exempt content on a page of this route (for the marker check)? */
export function mayShowExempt(entry: RouteEntry, viewer: Viewer | null, councilId: string): boolean {
  return entry.audience === "viewer" && canReadExemptContent(viewer, councilId);
}
