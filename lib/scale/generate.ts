// The national-scale data set (scripts/generate-scale.ts): councils, bodies, twenty years of
// meetings with cases, decisions, attendance, approved minutes, follow-up and plans, generated from
// a seed. The same seed and scale give the same rows, ids and timestamps included: ids come from the
// seeded streams and every time is derived from the calendar below, never from the wall clock.
//
// Approved minutes are locked by triggers (migration lock_approved_minutes): once a meeting's
// minutes are APPROVED, nothing can be added to its items, decisions or attendance. The load turns
// the triggers off (suspendChecks, below), but it can leave them on (withTriggers, for the test
// that the rows are the same either way), so rows are written in an order the lock accepts, in
// waves: wave k holds the k-th meeting of every body, its items, decisions and attendance first
// and its minutes, already approved, last. The next meeting's "Godkjenning av
// referat" points at those minutes, which exist by then. The content hash is computed as the app
// does at approval, from the same MinutesMeetingRow the app loads, built here in memory.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type {
  ActionStatus,
  AttendanceStatus,
  BodyKind,
  CaseType,
  CouncilRoleKind,
  DecisionKind,
  MeasureStatus,
  MembershipRole,
  MinutesApproval,
  MinutesStatus,
  VotingKind,
} from "@/lib/generated/prisma/enums";
import { formatCaseNumber } from "@/lib/cases/case-number";
import { formatDate, osloLocalToDate } from "@/lib/format/dates";
import { minutesDocumentFromRow, type MinutesMeetingRow } from "@/lib/minutes/build";
import { minutesContentHash } from "@/lib/minutes/content-hash";
import { planContentHash, toPlanDocument } from "@/lib/plans/document";
import { EXEMPT_DEMO_MARKER } from "@/prisma/seed/demo-data";
import { planForScale, type ScalePlan } from "./plan";
import { rngFor, type Rng } from "./prng";
import * as text from "./text";

/** The data set's "today": meetings before it were held, later ones are still ahead. */
export const AS_OF = new Date("2026-11-01T00:00:00Z");
/** Creation time of everything that is not tied to a meeting. */
const EPOCH = new Date("2006-01-01T00:00:00Z");
/** Municipal councils are constituted in October after each election; political members change then. */
const PERIOD_STARTS = ["2006-01-01", "2007-10-15", "2011-10-15", "2015-10-15", "2019-10-15", "2023-10-15"].map((d) => new Date(`${d}T00:00:00Z`));
const COUNTY_NUMBERS = [31, 32, 33, 34, 39, 40, 42, 46, 50, 55, 56];
const COUNTY_NAMES = ["Østfold", "Akershus", "Buskerud", "Innlandet", "Vestfold", "Telemark", "Agder", "Vestland", "Trøndelag", "Troms", "Finnmark"];
const DAY = 86_400_000;
const MIN = 60_000;

export type GenerateOptions = {
  scale: number;
  seed: number;
  /** One argon2 hash for every generated account; computing it is the caller's business (it is slow). */
  passwordHash: string;
  log?: (message: string) => void;
  /** Rows queued before they are sent to the database. */
  batchRows?: number;
  /** Leaves the database's triggers and foreign keys on while the rows go in, as the app's writes
   *  have them: slower, and there for the test that the generator's rows equal what they would make. */
  withTriggers?: boolean;
};

export type GenerateResult = { plan: ScalePlan; exact: ExactPlan };

/** Counts known before anything is written: they follow from the seed and the meeting calendar. */
export type ExactPlan = {
  organizations: number;
  councils: number;
  bodies: number;
  meetings: number;
  heldMeetings: number;
  agendaItems: number;
};

// ───────────────────────────── The skeleton: who, which bodies, which meetings ─────────────────────────────

type Org = { id: string; name: string; kind: "MUNICIPALITY" | "COUNTY"; number: string | null; population: number | null };
type Person = { id: string; name: string; title: string | null; organizationId: string | null; email: string };
type Membership = { id: string; person: Person; role: MembershipRole; org: Org | null; roleLabel: string; from: Date; to: Date | null; position: number; secretariat: boolean };

type BodySpec = {
  index: number; // global, for the random streams
  id: string;
  seriesId: string;
  kind: BodyKind;
  name: string;
  abbreviation: string;
  format: string;
  isPolitical: boolean;
  publishMinutes: boolean;
  target: number;
  parentIndex: number | null; // within the council
  memberships: Membership[];
  startTime: string;
  minutes: number; // meeting length
  meetings: MeetingSpec[];
};

type MeetingSpec = {
  index: number;
  id: string;
  minutesId: string;
  startsAt: Date;
  endsAt: Date;
  year: number;
  state: "held" | "notice" | "planned";
  itemCount: number;
  /** For held meetings: how the minutes were (or will be) approved, and whether they are by AS_OF. */
  approval: { method: MinutesApproval; at: Date | null };
  /** Plans adopted in this meeting. */
  adopts: PlanSpec[];
};

type MeasureSpec = { id: string; focusAreaId: string };
type PlanSpec = {
  id: string;
  kind: "STRATEGY" | "ACTION_PLAN";
  title: string;
  periodFrom: number;
  periodTo: number;
  adoption: { decisionId: string; label: string; adoptedAt: string; at: Date } | null;
  focusAreaIds: string[];
  measures: MeasureSpec[];
  row: Parameters<typeof toPlanDocument>[0];
};

type CouncilSpec = {
  index: number;
  id: string;
  slug: string;
  name: string;
  shortName: string;
  members: Org[];
  county: Org;
  host: Org;
  people: Person[];
  secretariat: Person[];
  bodies: BodySpec[];
  strategy: PlanSpec;
  actionPlan: PlanSpec;
};

const ids = (rng: Rng) => rng.id();
const dateOnly = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addMs = (d: Date, ms: number) => new Date(d.getTime() + ms);
/** The Oslo calendar day of an instant as a @db.Date value (meetings are in daytime, so the UTC day is it). */
const osloDay = (d: Date) => dateOnly(addMs(d, 2 * 3_600_000));

function emailLocal(name: string): string {
  return text.slugify(name).replace(/-/g, ".");
}

function bodyTemplates(rng: Rng) {
  const [second] = rng.shuffle(text.FAGTEAM_TOPICS.filter((t) => t !== "helse"));
  return [
    { kind: "REPRESENTANTSKAP", name: "Representantskapet", abbreviation: "RS", format: "Sak {n}/{yy}", isPolitical: true, publishMinutes: true, target: 5, parent: null, startTime: "10:00", minutes: 300 },
    { kind: "ARBEIDSUTVALG", name: "Arbeidsutvalget", abbreviation: "AU", format: "AU-sak {n}/{yy}", isPolitical: true, publishMinutes: true, target: 10, parent: null, startTime: "13:00", minutes: 150 },
    { kind: "KOMMUNEDIREKTORUTVALG", name: "Kommunedirektørutvalget", abbreviation: "KDU", format: "KDU-sak {nn}/{yy}", isPolitical: false, publishMinutes: true, target: 10, parent: null, startTime: "09:00", minutes: 150 },
    { kind: "FAGTEAM", name: "Fagteam helse", abbreviation: "FT-H", format: "FT helse {n}/{yy}", isPolitical: false, publishMinutes: false, target: 8, parent: 2, startTime: "12:30", minutes: 120 },
    { kind: "FAGTEAM", name: `Fagteam ${second}`, abbreviation: `FT-${second[0].toUpperCase()}`, format: `FT ${second} {n}/{yy}`, isPolitical: false, publishMinutes: false, target: 7, parent: 2, startTime: "12:30", minutes: 120 },
  ] as const;
}

/** Meeting days of one body in one year: spread over the year, not in July, Monday to Thursday. */
function meetingDays(rng: Rng, year: number, n: number): { month: number; day: number }[] {
  const out: { month: number; day: number }[] = [];
  for (let k = 0; k < n; k++) {
    // Working days of the year without July: day 8 to day 345, July (182–212) skipped.
    const span = 345 - 8 - 31;
    let doy = 8 + Math.floor(((k + 0.2 + rng.next() * 0.6) * span) / n);
    if (doy >= 182) doy += 31;
    const d = new Date(Date.UTC(year, 0, doy));
    while (d.getUTCDay() === 0 || d.getUTCDay() >= 5) d.setUTCDate(d.getUTCDate() + 1);
    out.push({ month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  return out;
}

function buildSkeleton(plan: ScalePlan) {
  const seed = plan.seed;
  const rng = rngFor(seed, "setup");
  const counties: Org[] = COUNTY_NAMES.slice(0, Math.min(COUNTY_NAMES.length, Math.ceil(plan.councils / 5.5))).map((name, i) => ({
    id: ids(rng),
    name: `${name} fylkeskommune`,
    kind: "COUNTY",
    number: String(COUNTY_NUMBERS[i]),
    population: null,
  }));
  const memberCounts = Array.from({ length: plan.councils }, () => rng.int(4, 7));
  const places = text.placeNames(rng, memberCounts.reduce((a, b) => a + b, 0) + plan.councils);
  let placeIndex = 0;
  const perCounty = new Map<number, number>();
  const slugs = new Set<string>();
  let personSeq = 0;
  const newPerson = (r: Rng, title: string | null, org: Org | null, domain: string): Person => {
    const name = text.personName(r);
    personSeq += 1;
    return { id: ids(r), name, title, organizationId: org?.id ?? null, email: `${emailLocal(name)}.${personSeq}@${domain}` };
  };

  const periods = PERIOD_STARTS.map((from, i) => ({ from, to: PERIOD_STARTS[i + 1] ? addMs(PERIOD_STARTS[i + 1], -DAY) : null })).filter(
    (p) => !p.to || p.to.getUTCFullYear() >= plan.firstYear,
  );

  const councils: CouncilSpec[] = [];
  let bodyIndex = 0;
  for (let c = 0; c < plan.councils; c++) {
    const cr = rngFor(seed, "council", c);
    const region = places[placeIndex++];
    const { name, shortName } = text.councilName(cr, region);
    let slug = text.slugify(shortName);
    while (slugs.has(slug)) slug = `${slug}-${c}`;
    slugs.add(slug);
    const domain = `${slug}.scale.example`;
    const county = counties[c % counties.length];
    const members: Org[] = [];
    for (let m = 0; m < memberCounts[c]; m++) {
      const cn = COUNTY_NUMBERS[c % counties.length];
      const n = (perCounty.get(cn) ?? 0) + 1;
      perCounty.set(cn, n);
      const population = Math.round(900 * Math.exp(cr.next() * 4));
      members.push({ id: ids(cr), name: places[placeIndex++], kind: "MUNICIPALITY", number: n < 100 ? `${cn}${String(n).padStart(2, "0")}` : null, population });
    }
    const host = members[0];
    const people: Person[] = [];
    const secretariat = [newPerson(cr, "Regionrådsadministrator", null, domain), newPerson(cr, "Rådgiver", null, domain)];
    people.push(...secretariat);

    // Administrative people stay for the whole span; politicians change with each election period.
    const director = new Map<string, Person>();
    const health = new Map<string, Person>();
    const other = new Map<string, Person>();
    for (const o of members) {
      director.set(o.id, newPerson(cr, cr.chance(0.7) ? "Kommunedirektør" : "Rådmann", o, domain));
      health.set(o.id, newPerson(cr, "Kommunalsjef helse og omsorg", o, domain));
      other.set(o.id, newPerson(cr, "Rådgiver", o, domain));
      people.push(director.get(o.id)!, health.get(o.id)!, other.get(o.id)!);
    }
    const mayors = periods.map((p) => ({
      ...p,
      mayor: new Map(members.map((o) => [o.id, newPerson(cr, "Ordfører", o, domain)])),
      deputy: new Map(members.map((o) => [o.id, newPerson(cr, "Varaordfører", o, domain)])),
      countyRep: newPerson(cr, "Fylkestingsrepresentant", county, domain),
    }));
    for (const p of mayors) people.push(...p.mayor.values(), ...p.deputy.values(), p.countyRep);

    const templates = bodyTemplates(cr);
    const bodies: BodySpec[] = templates.map((t) => {
      const memberships: Membership[] = [];
      const add = (person: Person, role: MembershipRole, org: Org | null, roleLabel: string, from: Date, to: Date | null, secretariatRole = false) =>
        memberships.push({ id: ids(cr), person, role, org, roleLabel, from, to, position: memberships.length, secretariat: secretariatRole });
      const always = { from: periods[0].from, to: null };
      if (t.kind === "REPRESENTANTSKAP" || t.kind === "ARBEIDSUTVALG") {
        for (const p of mayors) {
          members.forEach((o, i) => {
            const role: MembershipRole = i === 0 ? "LEDER" : i === 1 ? "NESTLEDER" : "MEDLEM";
            add(p.mayor.get(o.id)!, role, o, i === 0 ? "Ordfører (leder)" : i === 1 ? "Ordfører (nestleder)" : "Ordfører", p.from, p.to);
          });
          if (t.kind === "REPRESENTANTSKAP") {
            for (const o of members) add(p.deputy.get(o.id)!, "MEDLEM", o, "Varaordfører", p.from, p.to);
            add(p.countyRep, "OBSERVATOR", county, "Fylkeskommunens representant", p.from, p.to);
          }
        }
        add(secretariat[0], "SEKRETAER", null, "Regionrådsadministrator", always.from, always.to, true);
      } else {
        const source = t.kind === "KOMMUNEDIREKTORUTVALG" ? director : t.name === "Fagteam helse" ? health : other;
        members.forEach((o, i) => add(source.get(o.id)!, i === 0 ? "LEDER" : "MEDLEM", o, source.get(o.id)!.title ?? "", always.from, always.to));
        add(t.kind === "KOMMUNEDIREKTORUTVALG" ? secretariat[0] : secretariat[1], "SEKRETAER", null, t.kind === "KOMMUNEDIREKTORUTVALG" ? "Regionrådsadministrator" : "Rådgiver", always.from, always.to, true);
      }
      return {
        index: bodyIndex++,
        id: ids(cr),
        seriesId: ids(cr),
        kind: t.kind,
        name: t.name,
        abbreviation: t.abbreviation,
        format: t.format,
        isPolitical: t.isPolitical,
        publishMinutes: t.publishMinutes,
        target: t.target,
        parentIndex: t.parent,
        memberships,
        startTime: t.startTime,
        minutes: t.minutes,
        meetings: [],
      };
    });

    const strategyFrom = Math.max(plan.firstYear, plan.lastYear - 2);
    const planSpec = (kind: PlanSpec["kind"], title: string, periodFrom: number, periodTo: number): PlanSpec => ({
      id: ids(cr),
      kind,
      title,
      periodFrom,
      periodTo,
      adoption: null,
      focusAreaIds: [],
      measures: [],
      row: null as unknown as PlanSpec["row"],
    });
    const strategy = planSpec("STRATEGY", `Regional strategi for ${shortName} ${strategyFrom}–${strategyFrom + 3}`, strategyFrom, strategyFrom + 3);
    const actionPlan = planSpec("ACTION_PLAN", `Handlingsplan ${plan.lastYear}`, plan.lastYear, plan.lastYear);

    // The meeting calendar, and each held meeting's way to approval.
    for (const b of bodies) {
      const br = rngFor(seed, "calendar", b.index);
      for (let y = plan.firstYear; y <= plan.lastYear; y++) {
        const n = Math.max(1, b.target + br.int(-1, 1));
        for (const { month, day } of meetingDays(br, y, n)) {
          const date = `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          const startsAt = osloLocalToDate(date, b.startTime);
          const noticeAt = addMs(startsAt, -7 * DAY);
          b.meetings.push({
            index: b.meetings.length,
            id: ids(br),
            minutesId: ids(br),
            startsAt,
            endsAt: addMs(startsAt, b.minutes * MIN),
            year: y,
            state: startsAt < AS_OF ? "held" : noticeAt <= AS_OF ? "notice" : "planned",
            itemCount: 0,
            approval: { method: br.chance(b.isPolitical ? 0.7 : 0.35) ? "NEXT_MEETING" : "ELECTRONIC", at: null },
            adopts: [],
          });
        }
      }
      b.meetings.forEach((m, i) => {
        const next = b.meetings[i + 1];
        m.itemCount = m.state === "planned" ? br.int(2, 4) : br.int(7, 13);
        if (m.state !== "held") return;
        if (m.approval.method === "NEXT_MEETING") {
          m.approval.at = next && next.state === "held" ? addMs(next.startsAt, 20 * MIN) : null;
        } else {
          const at = addMs(dateOnly(m.endsAt), br.int(3, 10) * DAY + 9 * 3_600_000);
          m.approval.at = at < AS_OF ? at : null;
        }
      });
    }
    // Plans are adopted by the representantskap in its first held meeting of the plan's first year.
    const rs = bodies[0];
    for (const p of [strategy, actionPlan]) {
      const m = rs.meetings.find((x) => x.state === "held" && x.year >= p.periodFrom);
      if (m) m.adopts.push(p);
    }

    councils.push({ index: c, id: ids(cr), slug, name, shortName, members, county, host, people, secretariat, bodies, strategy, actionPlan });
  }
  return { counties, councils };
}

// ───────────────────────────── Writing ─────────────────────────────

type Inputs = {
  organization: Prisma.OrganizationCreateManyInput;
  council: Prisma.CouncilCreateManyInput;
  councilMember: Prisma.CouncilMemberCreateManyInput;
  person: Prisma.PersonCreateManyInput;
  caseSeries: Prisma.CaseSeriesCreateManyInput;
  body: Prisma.BodyCreateManyInput;
  bodyMembership: Prisma.BodyMembershipCreateManyInput;
  user: Prisma.UserCreateManyInput;
  councilRole: Prisma.CouncilRoleCreateManyInput;
  plan: Prisma.PlanCreateManyInput;
  planSection: Prisma.PlanSectionCreateManyInput;
  focusArea: Prisma.FocusAreaCreateManyInput;
  goal: Prisma.GoalCreateManyInput;
  measure: Prisma.MeasureCreateManyInput;
  measureUpdate: Prisma.MeasureUpdateCreateManyInput;
  meeting: Prisma.MeetingCreateManyInput;
  case: Prisma.CaseCreateManyInput;
  agendaItem: Prisma.AgendaItemCreateManyInput;
  decision: Prisma.DecisionCreateManyInput;
  proposal: Prisma.ProposalCreateManyInput;
  disqualification: Prisma.DisqualificationCreateManyInput;
  attendance: Prisma.AttendanceCreateManyInput;
  minutes: Prisma.MinutesCreateManyInput;
  actionItem: Prisma.ActionItemCreateManyInput;
  actionItemAssignee: Prisma.ActionItemAssigneeCreateManyInput;
  actionItemEvent: Prisma.ActionItemEventCreateManyInput;
  caseTag: Prisma.CaseTagCreateManyInput;
  decisionTag: Prisma.DecisionTagCreateManyInput;
  caseSeriesCounter: Prisma.CaseSeriesCounterCreateManyInput;
  planVersion: Prisma.PlanVersionCreateManyInput;
};
type Model = keyof Inputs;
type Tx = Prisma.TransactionClient;

/** Queues inserts in order and sends them in batches of about `batchRows` rows. Each insert is
 *  one statement with one parameter, the rows as JSON, expanded by json_populate_recordset: much
 *  faster than createMany's thousands of bind parameters, on PGlite above all. Columns left out get
 *  their defaults; every row is typed as Prisma's CreateManyInput for its model. */
class Writer {
  private ops: { model: Model; rows: object[] }[] = [];
  private pending = 0;
  // One batch goes to the database while the next one is built: the database and Node each keep a
  // core busy instead of taking turns.
  private inflight: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  readonly written = new Map<Model, number>();

  constructor(private db: Tx, private batchRows: number) {}

  async add<M extends Model>(model: M, rows: Inputs[M][]) {
    if (rows.length === 0) return;
    this.ops.push({ model, rows });
    this.pending += rows.length;
    this.written.set(model, (this.written.get(model) ?? 0) + rows.length);
    // Building rows never waits on I/O, so without this the database's answers would sit unread
    // until the next batch is due, and the batch in flight would get no further than its first insert.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.pending >= this.batchRows) {
      await this.settle();
      this.inflight = this.send(this.take()).catch((error) => {
        this.failure = { error };
      });
    }
  }

  /** Writes everything queued; once it returns, every row added so far is in the database. */
  async flush() {
    await this.settle();
    await this.send(this.take());
  }

  private async settle() {
    await this.inflight;
    if (this.failure) throw this.failure.error;
  }

  private take() {
    const ops = this.ops;
    this.ops = [];
    this.pending = 0;
    return ops;
  }

  private async send(ops: { model: Model; rows: object[] }[]) {
    for (const { model, rows } of ops) {
      const table = `"${model[0].toUpperCase()}${model.slice(1)}"`;
      // A column missing from a row would be NULL, not its default: rows are grouped by their keys.
      const groups = new Map<string, object[]>();
      for (const r of rows) {
        const key = Object.keys(r).join(",");
        const g = groups.get(key);
        if (g) g.push(r);
        else groups.set(key, [r]);
      }
      for (const [key, group] of groups) {
        const columns = key
          .split(",")
          .map((c) => `"${c}"`)
          .join(", ");
        for (let i = 0; i < group.length; i += 5_000) {
          await this.db.$executeRawUnsafe(
            `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`,
            JSON.stringify(group.slice(i, i + 5_000)),
          );
        }
      }
    }
  }
}

// ───────────────────────────── One meeting ─────────────────────────────

type Counters = Map<string, number>; // "<seriesId>:<year>" → last number

type DecisionSearchFacts = {
  searchAt: Date;
  searchBodyId: string;
  searchMinutes: "DRAFT" | "SENT_FOR_COMMENT" | "APPROVED" | "PUBLISHED" | null;
  searchItemActive: boolean;
  searchRedacted: boolean;
};

// Columns the database's triggers copy from a parent (migrations search_council, search_case_facts,
// follow_up_assignee_council). Prisma ignores them, so they are not in its input types. The
// generator writes them itself, because it loads with the triggers off.
type CouncilCopy = { councilId: string };

type MeetingRows = {
  meeting: Prisma.MeetingCreateManyInput & CouncilCopy;
  // With the facts the database's triggers keep on a case (migration search_case_facts): the load
  // runs with the triggers off, so the generator writes them, as the triggers would have them.
  cases: (Prisma.CaseCreateManyInput & { searchNoticed: boolean; searchClosed: boolean })[];
  items: (Prisma.AgendaItemCreateManyInput & CouncilCopy & { searchCaseExempt: boolean })[];
  // The same for a decision's item, meeting and minutes (migration search_decision_facts).
  decisions: (Prisma.DecisionCreateManyInput & DecisionSearchFacts & CouncilCopy)[];
  proposals: Prisma.ProposalCreateManyInput[];
  disqualifications: Prisma.DisqualificationCreateManyInput[];
  attendances: Prisma.AttendanceCreateManyInput[];
  minutes: (Prisma.MinutesCreateManyInput & CouncilCopy) | null;
  actionItems: Prisma.ActionItemCreateManyInput[];
  assignees: (Prisma.ActionItemAssigneeCreateManyInput & CouncilCopy)[];
  events: Prisma.ActionItemEventCreateManyInput[];
  caseTags: Prisma.CaseTagCreateManyInput[];
  decisionTags: Prisma.DecisionTagCreateManyInput[];
};

type ItemRow = MinutesMeetingRow["items"][number];

function validOn(m: Membership, day: Date) {
  return m.from.getTime() <= day.getTime() && (m.to === null || m.to.getTime() >= day.getTime());
}

function buildMeeting(seed: number, council: CouncilSpec, body: BodySpec, m: MeetingSpec, counters: Counters): MeetingRows {
  const rng = rngFor(seed, "meeting", body.index, m.index);
  const prev = m.index > 0 ? body.meetings[m.index - 1] : null;
  const held = m.state === "held";
  const numbered = m.state !== "planned";
  const day = osloDay(m.startsAt);
  const members = body.memberships.filter((x) => validOn(x, day));
  const chair = members.find((x) => x.role === "LEDER") ?? members[0];
  const secretary = members.find((x) => x.secretariat) ?? members[members.length - 1];
  const noticeSentAt = numbered ? addMs(dateOnly(addMs(m.startsAt, -7 * DAY)), 8 * 3_600_000) : null;
  const createdAt = addMs(m.startsAt, -30 * DAY);
  const place = rng.pick([council.host, ...council.members]).name;
  const approved = held && m.approval.at !== null;
  const publishedAt = approved && body.publishMinutes ? addMs(m.approval.at!, 3_600_000) : null;
  // Only held meetings get minutes (and decisions); the decisions carry PUBLISHED for approved and published.
  const minutesStatus: MinutesStatus = approved ? "APPROVED" : m.approval.method === "ELECTRONIC" ? "SENT_FOR_COMMENT" : "DRAFT";
  const searchMinutes = approved && publishedAt ? "PUBLISHED" : minutesStatus;
  const meetingUpdatedAt = held ? (m.approval.at ?? m.endsAt) : (noticeSentAt ?? createdAt);

  const out: MeetingRows = {
    meeting: {
      id: m.id,
      bodyId: body.id,
      councilId: council.id,
      title: body.kind === "REPRESENTANTSKAP" && rng.chance(0.2) ? rng.pick(["Strategisamling", "Budsjettmøte", "Temamøte", "Felles samling med fylkeskommunen"]) : null,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      location: text.meetingPlace(rng, place),
      remoteUrl: !body.isPolitical && rng.chance(0.3) ? `https://moter.example/${m.id}` : null,
      status: held ? (approved ? "MINUTES_APPROVED" : "MINUTES_DRAFT") : numbered ? "NOTICE_SENT" : "PLANNED",
      noticeSentAt,
      announcedAt: body.isPolitical ? noticeSentAt : null,
      createdAt,
      updatedAt: meetingUpdatedAt,
    },
    cases: [],
    items: [],
    decisions: [],
    proposals: [],
    disqualifications: [],
    attendances: [],
    minutes: null,
    actionItems: [],
    assignees: [],
    events: [],
    caseTags: [],
    decisionTags: [],
  };
  const rowItems: ItemRow[] = [];

  type Spec = {
    title: string;
    type: CaseType;
    presenter: string | null;
    background: string;
    proposedDecision: string;
    noticeText: string;
    notes: string;
    decision: string | null;
    decisionKind: DecisionKind;
    outcome: string | null;
    exempt: { basis: string; closedBasis: string } | null;
    approvesMinutesOf: MeetingSpec | null;
    adopts: PlanSpec | null;
  };
  const specs: Spec[] = [];
  const org = rng.pick(council.members).name;
  const base = { presenter: null, background: "", proposedDecision: "", noticeText: "", notes: "", decisionKind: "VEDTAK" as DecisionKind, exempt: null, approvesMinutesOf: null, adopts: null };
  if (numbered) {
    specs.push({
      ...base,
      title: "Godkjenning av innkalling og saksliste",
      type: "GODKJENNING",
      noticeText: `Innkalling ble sendt ut pr. e-post ${formatDate(noticeSentAt!)}.`,
      decision: "Innkalling og saksliste godkjennes.",
      outcome: "Vedtatt",
    });
    if (prev && prev.state === "held" && prev.approval.method === "NEXT_MEETING") {
      const label = formatDate(prev.startsAt);
      specs.push({ ...base, title: `Godkjenning av referat fra møtet ${label}`, type: "GODKJENNING", decision: `Referatet fra møtet ${label} godkjennes.`, outcome: "Vedtatt", approvesMinutesOf: prev });
    }
  }
  for (const p of m.adopts) {
    specs.push({
      ...base,
      title: `${p.title} – vedtak`,
      type: "VEDTAKSSAK",
      presenter: `v/ ${council.secretariat[0].name}`,
      background: `Forslaget til ${p.title.toLowerCase()} har vært på høring i medlemskommunene.`,
      proposedDecision: `${body.name} vedtar ${p.title.toLowerCase()}.`,
      decision: `${body.name} vedtar ${p.title.toLowerCase()}.`,
      outcome: "Vedtatt",
      adopts: p,
    });
  }
  const substantive = Math.max(1, m.itemCount - specs.length - (numbered ? 1 : 0));
  for (let i = 0; i < substantive; i++) {
    if (rng.chance(0.065)) {
      const e = text.exemptCaseText(rng, EXEMPT_DEMO_MARKER);
      specs.push({
        ...base,
        title: e.title,
        type: "VEDTAKSSAK",
        background: e.background,
        proposedDecision: e.proposedDecision,
        noticeText: e.noticeText,
        notes: e.notes,
        decision: e.decision,
        outcome: "Vedtatt",
        exempt: { basis: e.exemptionBasis, closedBasis: e.closedBasis },
      });
      continue;
    }
    const c = text.caseText(rng, { year: m.year, org, bodyName: body.name, councilShort: council.shortName });
    const innstilling = !body.isPolitical || body.kind === "ARBEIDSUTVALG" ? c.type === "VEDTAKSSAK" && rng.chance(0.15) : false;
    const presenterPerson = rng.pick(members);
    specs.push({
      ...base,
      title: c.title,
      type: c.type,
      presenter: c.type === "ORIENTERINGSSAK" && rng.chance(0.6) ? `v/ ${presenterPerson.person.name}` : null,
      background: c.background,
      proposedDecision: c.proposedDecision,
      noticeText: rng.chance(0.3) ? c.background.split(". ")[0] + "." : "",
      notes: c.notes,
      decision: innstilling ? `${body.name} innstiller overfor representantskapet:\n\n${c.decision.replaceAll(body.name, "Representantskapet")}` : c.decision,
      decisionKind: innstilling ? "INNSTILLING" : c.type === "DROFTINGSSAK" ? "KONKLUSJON" : "VEDTAK",
      outcome: innstilling ? "Innstilling" : c.type === "ORIENTERINGSSAK" ? "Tatt til orientering" : "Vedtatt",
    });
  }
  if (numbered) specs.push({ ...base, title: "Eventuelt", type: "EVENTUELT", notes: text.eventueltNotes(rng, org), decision: null, outcome: null });

  const seriesKey = `${body.seriesId}:${m.year}`;
  const attending = held
    ? members.map((x) => {
        const status: AttendanceStatus = x.secretariat || x.role === "OBSERVATOR" ? "PRESENT" : rng.chance(0.1) ? "ABSENT" : m.year >= 2020 && rng.chance(0.1) ? "REMOTE" : "PRESENT";
        return { x, status };
      })
    : [];

  specs.forEach((s, i) => {
    const itemId = ids(rng);
    const caseId = ids(rng);
    let number: number | null = null;
    if (numbered) {
      number = (counters.get(seriesKey) ?? 0) + 1;
      counters.set(seriesKey, number);
    }
    const itemCreated = addMs(createdAt, i * MIN);
    out.cases.push({
      id: caseId,
      councilId: council.id,
      seriesId: numbered ? body.seriesId : null,
      year: m.year,
      number,
      title: s.title,
      type: s.type,
      presenter: s.presenter,
      background: s.background,
      proposedDecision: s.proposedDecision,
      isExempt: s.exempt !== null,
      exemptionBasis: s.exempt?.basis ?? null,
      createdAt: itemCreated,
      updatedAt: itemCreated,
      searchNoticed: noticeSentAt !== null,
      searchClosed: s.exempt !== null,
    });
    const item: MeetingRows["items"][number] = {
      id: itemId,
      meetingId: m.id,
      councilId: council.id,
      caseId,
      searchCaseExempt: s.exempt !== null,
      position: i + 1,
      seriesId: numbered ? body.seriesId : null,
      year: numbered ? m.year : null,
      number,
      title: s.title,
      type: s.type,
      presenter: s.presenter,
      isClosed: s.exempt !== null,
      closedBasis: s.exempt?.closedBasis ?? null,
      noticeText: s.noticeText,
      minutesNotes: held ? s.notes : "",
      outcome: held ? s.outcome : null,
      approvesMinutesOfId: s.approvesMinutesOf?.minutesId ?? null,
      createdAt: itemCreated,
      updatedAt: held ? m.endsAt : itemCreated,
    };
    out.items.push(item);

    let decisionRow: ItemRow["decision"] = null;
    let decisionId: string | null = null;
    if (held && s.decision) {
      decisionId = ids(rng);
      const voting: VotingKind = body.isPolitical && s.decisionKind === "VEDTAK" && s.type !== "GODKJENNING" ? (rng.chance(0.04) ? "VOTERING" : rng.chance(0.85) ? "ENSTEMMIG" : "NONE") : "NONE";
      out.decisions.push({ id: decisionId, agendaItemId: itemId, councilId: council.id, kind: s.decisionKind, text: s.decision, voting, createdAt: m.endsAt, updatedAt: m.endsAt,
        searchAt: m.startsAt, searchBodyId: body.id, searchMinutes, searchItemActive: true, searchRedacted: s.exempt !== null });
      const proposals: NonNullable<ItemRow["decision"]>["proposals"] = [];
      if (voting === "VOTERING") {
        const voters = attending.filter((a) => a.status !== "ABSENT" && !a.x.secretariat && a.x.role !== "OBSERVATOR").length;
        const against = rng.int(1, Math.max(1, Math.floor(voters / 2) - 1));
        const alt = rng.pick(members).person.name;
        proposals.push(
          { proposedBy: "Sekretariatets forslag", text: s.proposedDecision || s.decision, votesFor: voters - against, votesAgainst: against, votersFor: null, adopted: true },
          { proposedBy: alt, text: `Saken utsettes til neste møte.`, votesFor: against, votesAgainst: voters - against, votersFor: null, adopted: false },
        );
        proposals.forEach((p, position) => out.proposals.push({ id: ids(rng), decisionId: decisionId!, position, ...p }));
      }
      decisionRow = { kind: s.decisionKind, text: s.decision, voting, proposals, actionItems: [] };

      if (s.adopts) {
        s.adopts.adoption = {
          decisionId,
          label: `${body.name} ${formatDate(m.startsAt)}, ${formatCaseNumber(body.format, number!, m.year)} ${s.title}`,
          adoptedAt: isoDay(osloDay(m.startsAt)),
          at: m.endsAt,
        };
      }
      if (m.year >= council.actionPlan.periodFrom && council.actionPlan.measures.length && s.decisionKind === "VEDTAK" && s.type === "VEDTAKSSAK" && rng.chance(0.05)) {
        out.decisionTags.push({ id: ids(rng), decisionId, measureId: rng.pick(council.actionPlan.measures).id });
      }
    }
    if (m.year >= council.strategy.periodFrom && s.exempt === null && s.type === "VEDTAKSSAK" && rng.chance(0.1)) {
      out.caseTags.push({ id: ids(rng), caseId, focusAreaId: rng.pick(council.strategy.focusAreaIds) });
    }

    const disqualifications: ItemRow["disqualifications"] = [];
    if (held && s.type === "VEDTAKSSAK" && rng.chance(0.004)) {
      const who = rng.pick(attending.filter((a) => !a.x.secretariat)).x.person;
      const basis = rng.pick(["fvl. § 6 første ledd bokstav a", "fvl. § 6 andre ledd"]);
      out.disqualifications.push({ id: ids(rng), agendaItemId: itemId, personId: who.id, basis });
      disqualifications.push({ basis, person: { name: who.name } });
    }

    // Follow-up: some decisions give action items. Not part of the approved content (content-hash.ts).
    if (held && decisionId && s.type === "VEDTAKSSAK" && s.exempt === null && rng.chance(0.25)) {
      const n = rng.chance(0.2) ? 2 : 1;
      for (let a = 0; a < n; a++) {
        const actionId = ids(rng);
        const due = addMs(dateOnly(m.startsAt), rng.int(14, 180) * DAY);
        const overdueLong = due.getTime() < AS_OF.getTime() - 60 * DAY;
        const status: ActionStatus = overdueLong ? (rng.chance(0.9) ? "DONE" : rng.chance(0.5) ? "CANCELLED" : "IN_PROGRESS") : rng.chance(0.5) ? "OPEN" : "IN_PROGRESS";
        const closedAt = status === "DONE" || status === "CANCELLED" ? addMs(due, -rng.int(0, 10) * DAY + 12 * 3_600_000) : null;
        const closed = closedAt && closedAt > m.endsAt ? closedAt : closedAt ? addMs(m.endsAt, DAY) : null;
        const measure =
          m.year >= council.actionPlan.periodFrom && council.actionPlan.measures.length && rng.chance(0.4) ? rng.pick(council.actionPlan.measures) : null;
        const fagteam = body.kind === "KOMMUNEDIREKTORUTVALG" && rng.chance(0.2) ? council.bodies[rng.int(3, 4)] : null;
        const lead = rng.chance(0.6) ? secretary.person : rng.pick(members).person;
        out.actionItems.push({
          id: actionId,
          councilId: council.id,
          decisionId,
          meetingId: m.id,
          caseId,
          title: text.actionTitle(rng),
          description: `Oppfølging av vedtaket i ${formatCaseNumber(body.format, number!, m.year)} ${s.title}.`,
          responsibleBodyId: fagteam?.id ?? null,
          responsibleText: rng.chance(0.2) ? "Sekretariatet" : null,
          dueDate: due,
          status,
          outcomeNote: status === "DONE" ? rng.pick(text.ACTION_COMMENTS.done) : null,
          closedAt: closed,
          measureId: measure?.id ?? null,
          focusAreaId: measure?.focusAreaId ?? null,
          createdAt: m.endsAt,
          updatedAt: closed ?? m.endsAt,
        });
        out.assignees.push({ id: ids(rng), actionItemId: actionId, councilId: council.id, personId: lead.id, isLead: true });
        if (rng.chance(0.3)) out.assignees.push({ id: ids(rng), actionItemId: actionId, councilId: council.id, organizationId: rng.pick(council.members).id, isLead: false });
        out.events.push({ id: ids(rng), actionItemId: actionId, at: m.endsAt, fromStatus: null, toStatus: "OPEN", comment: text.ACTION_COMMENTS.created });
        if (status !== "OPEN") {
          const startedAt = addMs(m.endsAt, rng.int(1, 10) * DAY);
          out.events.push({ id: ids(rng), actionItemId: actionId, at: startedAt, fromStatus: "OPEN", toStatus: "IN_PROGRESS", comment: rng.pick(text.ACTION_COMMENTS.progress) });
          if (closed) {
            out.events.push({
              id: ids(rng),
              actionItemId: actionId,
              at: closed > startedAt ? closed : addMs(startedAt, MIN),
              fromStatus: "IN_PROGRESS",
              toStatus: status,
              comment: rng.pick(status === "DONE" ? text.ACTION_COMMENTS.done : text.ACTION_COMMENTS.cancelled),
            });
          }
        }
      }
    }

    rowItems.push({
      id: itemId,
      caseId,
      number,
      year: numbered ? m.year : null,
      title: s.title,
      type: s.type,
      presenter: s.presenter,
      isClosed: s.exempt !== null,
      closedBasis: s.exempt?.closedBasis ?? null,
      noticeText: s.noticeText,
      minutesNotes: held ? s.notes : "",
      isFollowUpList: false,
      followUpSnapshot: null,
      followUpAsOf: null,
      series: numbered ? { format: body.format } : null,
      case: { isExempt: s.exempt !== null, exemptionBasis: s.exempt?.basis ?? null },
      approvesMinutesOf: s.approvesMinutesOf ? { meeting: { startsAt: s.approvesMinutesOf.startsAt, body: { name: body.name } } } : null,
      decision: decisionRow,
      disqualifications,
      roundTable: [],
      proposedItems: [],
    });
  });

  if (!held) return out;

  attending.forEach(({ x, status }, position) => {
    out.attendances.push({
      id: ids(rng),
      meetingId: m.id,
      personId: x.person.id,
      organizationId: x.org?.id ?? null,
      roleLabel: x.roleLabel,
      status,
      isSecretariat: x.secretariat,
      position,
    });
  });

  const minutes = {
    id: m.minutesId,
    meetingId: m.id,
    councilId: council.id,
    status: minutesStatus,
    documentTitle: body.isPolitical ? "Protokoll" : "Referat",
    introduction: `${chair.person.name}, leder av ${body.name.toLowerCase()}, ønsket velkommen til møtet.`,
    sentForCommentAt: m.approval.method === "ELECTRONIC" ? addMs(m.endsAt, DAY) : null,
    approvedAt: approved ? m.approval.at : null,
    approvalMethod: approved ? m.approval.method : null,
    approvedVersion: approved ? 1 : null,
    contentHash: null as string | null,
    publishedAt,
    signedByChairId: chair.person.id,
    chairSignatureLabel: "leder",
    signedBySecretaryId: secretary.person.id,
    secretarySignatureLabel: secretary.roleLabel.toLowerCase(),
    approvedByName: approved && m.approval.method === "ELECTRONIC" ? chair.person.name : null,
    createdAt: addMs(m.endsAt, 3_600_000),
    updatedAt: publishedAt ?? m.approval.at ?? addMs(m.endsAt, 3_600_000),
  };
  if (approved) {
    const row: MinutesMeetingRow = {
      id: m.id,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      location: out.meeting.location ?? null,
      remoteUrl: out.meeting.remoteUrl ?? null,
      body: { name: body.name, isPolitical: body.isPolitical, councilId: council.id, caseSeries: { format: body.format }, council: { name: council.name } },
      // The generator ties every action item to its decision.
      actionItems: [],
      minutes: {
        id: minutes.id,
        status: minutes.status,
        version: 1,
        documentTitle: minutes.documentTitle,
        introduction: minutes.introduction,
        approvedAt: minutes.approvedAt,
        approvalMethod: minutes.approvalMethod,
        approvedVersion: minutes.approvedVersion,
        approvedByName: minutes.approvedByName,
        contentHash: null,
        publishedAt: minutes.publishedAt,
        chairSignatureLabel: minutes.chairSignatureLabel,
        secretarySignatureLabel: minutes.secretarySignatureLabel,
        signedByChairId: minutes.signedByChairId,
        signedBySecretaryId: minutes.signedBySecretaryId,
        errata: [],
        approvedBy: [],
      },
      attendances: attending.map(({ x, status }) => ({
        status,
        roleLabel: x.roleLabel,
        isGuest: false,
        isSecretariat: x.secretariat,
        note: null,
        person: { name: x.person.name, title: x.person.title },
        organization: x.org ? { name: x.org.name } : null,
        substituteFor: null,
        arrivedAtItem: null,
        leftAfterItem: null,
      })),
      items: rowItems,
    };
    const signers = [chair.person, secretary.person].map((p) => ({ id: p.id, name: p.name }));
    const doc = minutesDocumentFromRow(row, "internal", { organizations: [], signers });
    minutes.contentHash = minutesContentHash(doc!);
  }
  out.minutes = minutes;
  return out;
}

// ───────────────────────────── Plans ─────────────────────────────

function buildPlans(seed: number, council: CouncilSpec) {
  const rng = rngFor(seed, "plans", council.index);
  const rows = {
    plans: [] as Prisma.PlanCreateManyInput[],
    sections: [] as Prisma.PlanSectionCreateManyInput[],
    areas: [] as Prisma.FocusAreaCreateManyInput[],
    goals: [] as Prisma.GoalCreateManyInput[],
    measures: [] as Prisma.MeasureCreateManyInput[],
    updates: [] as Prisma.MeasureUpdateCreateManyInput[],
  };
  const areas = rng.shuffle(text.FOCUS_AREAS).slice(0, rng.int(3, 4));
  for (const p of [council.strategy, council.actionPlan]) {
    const createdAt = new Date(Date.UTC(p.periodFrom - 1, 8, 1));
    const strategy = p.kind === "ACTION_PLAN" ? council.strategy : null;
    const purpose = p.kind === "STRATEGY" ? `Strategien peker ut retningen for samarbeidet i ${council.shortName} i perioden ${p.periodFrom}–${p.periodTo}.` : `Handlingsplanen viser hva rådet skal arbeide med i ${p.periodFrom}.`;
    const sections = [
      { heading: "Møtearenaer", body: "Representantskapet, arbeidsutvalget og kommunedirektørutvalget møtes etter vedtatt møteplan.", afterFocusAreas: false },
      { heading: "Kommunikasjon", body: "Sakspapirer og referater publiseres i portalen.", afterFocusAreas: true },
    ];
    rows.plans.push({
      id: p.id,
      councilId: council.id,
      kind: p.kind,
      title: p.title,
      subtitle: null,
      periodFrom: p.periodFrom,
      periodTo: p.periodTo,
      strategyId: strategy?.id ?? null,
      purpose,
      principlesInclude: "- Saker som berører flere kommuner\n- Regionale påvirkningssaker",
      principlesExclude: "- Saker som hører hjemme i én kommune",
      status: "DRAFT",
      createdAt,
      updatedAt: createdAt,
    });
    sections.forEach((s, i) => rows.sections.push({ id: ids(rng), planId: p.id, position: i + 1, ...s }));
    const docAreas: PlanSpec["row"]["focusAreas"] = [];
    areas.forEach((a, ai) => {
      const areaId = ids(rng);
      p.focusAreaIds.push(areaId);
      const description = `${a.title} er et av satsingsområdene i ${p.kind === "STRATEGY" ? "strategien" : "handlingsplanen"}.`;
      rows.areas.push({ id: areaId, planId: p.id, position: ai + 1, title: a.title, description });
      const goals = a.goals.map((g, gi) => ({ id: ids(rng), text: g, position: gi + 1 }));
      for (const g of goals) rows.goals.push({ id: g.id, focusAreaId: areaId, position: g.position, text: g.text });
      const docMeasures: PlanSpec["row"]["focusAreas"][number]["measures"] = [];
      const n = p.kind === "STRATEGY" ? 1 : 3;
      for (let mi = 0; mi < n; mi++) {
        const id = ids(rng);
        const status: MeasureStatus = rng.pick(["PLANNED", "ONGOING", "ONGOING", "DONE"] as const);
        const ownerBody = rng.chance(0.5) ? council.bodies[rng.int(2, 4)] : null;
        const goal = rng.pick(goals);
        const measure = {
          id,
          title: text.measureTitle(rng),
          description: "Tiltaket gjennomføres i samarbeid med medlemskommunene.",
          goalId: goal.id,
          ownerText: ownerBody ? null : "Sekretariatet",
          ownerBody: ownerBody ? { name: ownerBody.name } : null,
          timeFrame: p.kind === "STRATEGY" ? `${p.periodFrom}–${p.periodTo}` : String(p.periodFrom),
          deadline: p.kind === "ACTION_PLAN" && rng.chance(0.5) ? new Date(Date.UTC(p.periodTo, 11, 31)) : null,
          status,
          resourceAnchored: rng.chance(0.6),
          indicators: rng.chance(0.3) ? "Antall kommuner som deltar" : null,
        };
        rows.measures.push({
          id,
          focusAreaId: areaId,
          goalId: measure.goalId,
          position: mi + 1,
          title: measure.title,
          description: measure.description,
          ownerBodyId: ownerBody?.id ?? null,
          ownerText: measure.ownerText,
          timeFrame: measure.timeFrame,
          deadline: measure.deadline,
          status,
          resourceAnchored: measure.resourceAnchored,
          indicators: measure.indicators,
          updatedAt: new Date(Date.UTC(p.periodFrom, 2, 1)),
        });
        if (status !== "PLANNED") {
          rows.updates.push({ id: ids(rng), measureId: id, at: new Date(Date.UTC(p.periodFrom, 2, 1)), actor: "Sekretariatet", fromStatus: "PLANNED", toStatus: "ONGOING", comment: "Arbeidet er startet." });
        }
        p.measures.push({ id, focusAreaId: areaId });
        docMeasures.push({ ...measure, ownerPerson: null, ownerOrganization: null, carriedFrom: null });
      }
      docAreas.push({ id: areaId, title: a.title, description, goals: goals.map((g) => ({ id: g.id, text: g.text })), measures: docMeasures });
    });
    p.row = {
      id: p.id,
      kind: p.kind,
      title: p.title,
      subtitle: null,
      periodFrom: p.periodFrom,
      periodTo: p.periodTo,
      purpose,
      principlesInclude: "- Saker som berører flere kommuner\n- Regionale påvirkningssaker",
      principlesExclude: "- Saker som hører hjemme i én kommune",
      council: { name: council.name },
      strategy: strategy ? { title: strategy.title } : null,
      sections,
      focusAreas: docAreas,
    };
  }
  return rows;
}

// ───────────────────────────── The whole set ─────────────────────────────

/** Items per meeting, as buildMeeting lays them out: the fixed items (approval of the notice and of
 *  the last minutes, plan adoptions), at least one case, and "Eventuelt". */
function itemsOf(m: MeetingSpec, prev: MeetingSpec | null): number {
  const numbered = m.state !== "planned";
  const fixed = (numbered ? 1 : 0) + (numbered && prev?.state === "held" && prev.approval.method === "NEXT_MEETING" ? 1 : 0) + m.adopts.length;
  return Math.max(m.itemCount, fixed + 1 + (numbered ? 1 : 0));
}

function countsOf({ counties, councils }: ReturnType<typeof buildSkeleton>): ExactPlan {
  const bodies = councils.flatMap((c) => c.bodies);
  const meetings = bodies.flatMap((b) => b.meetings);
  return {
    organizations: counties.length + councils.reduce((n, c) => n + c.members.length, 0),
    councils: councils.length,
    bodies: bodies.length,
    meetings: meetings.length,
    heldMeetings: meetings.filter((m) => m.state === "held").length,
    agendaItems: bodies.reduce((n, b) => n + b.meetings.reduce((k, m, i) => k + itemsOf(m, b.meetings[i - 1] ?? null), 0), 0),
  };
}

/** The exact counts a scale and seed will give, without writing anything. */
export function exactPlan(plan: ScalePlan): ExactPlan {
  return countsOf(buildSkeleton(plan));
}

export async function generateScaleData(db: PrismaClient, options: GenerateOptions): Promise<GenerateResult> {
  const plan = planForScale(options.scale, options.seed);
  const log = options.log ?? (() => {});
  const seed = plan.seed;
  const skeleton = buildSkeleton(plan);
  const exact = countsOf(skeleton);
  log(
    `Plan (skala ${plan.scale}, frø ${seed}): ${exact.councils} råd, ${exact.organizations} organisasjoner, ${exact.bodies} organer, ` +
      `${plan.years} år (${plan.firstYear}–${plan.lastYear}), ${exact.meetings} møter (${exact.heldMeetings} avholdt), ${exact.agendaItems} saker på sakskart.`,
  );
  // One transaction: a failed run leaves the database as it was, search indexes included.
  const written = await db.$transaction(
    async (tx) => {
      // Building each GIN index once over the finished tables is far cheaper than updating it row by
      // row; so is each foreign-key index (fk_), which nothing reads while the rows go in. Indexes the
      // triggers read (caseId, meetingId and the like) stay, for a run withTriggers.
      const deferredIndexes = await dropDeferredIndexes(tx);
      const suspended = options.withTriggers ? null : await suspendChecks(tx);
      const w = new Writer(tx, options.batchRows ?? 20_000);
      await writeAll(tx, w, seed, skeleton, options, log);
      await restoreDeferredIndexes(tx, deferredIndexes, log);
      if (suspended) await resumeChecks(tx, suspended, log);
      return w.written;
    },
    { timeout: 24 * 3_600_000, maxWait: 60_000 },
  );

  // The planner needs statistics for the new tables before anyone measures a query.
  await db.$executeRawUnsafe("ANALYZE");
  if ((written.get("agendaItem") ?? 0) !== exact.agendaItems) throw new Error("Generatoren skrev et annet antall saker enn planen sa");
  return { plan, exact };
}

type Suspended = { triggers: { table: string; name: string; mode: string }[]; foreignKeys: { table: string; name: string; def: string }[] };

/** Row by row, the triggers and the foreign-key checks took about 45 % of the meeting waves' time
 *  (scale 0.1 on PostgreSQL, measured with the session's replication role: 31–36 s against 18–20 s;
 *  at scale 1 with this code the waves took about 225 s against 245–400 s before). So the load turns the app's
 *  triggers off, and drops the foreign keys to add them again at the end, when PostgreSQL checks
 *  every row of each in one query. All of it is in the run's transaction: a failed run leaves both
 *  as they were. Needs only the tables' owner (the user that ran the migrations), not a superuser. */
async function suspendChecks(db: Tx): Promise<Suspended> {
  const triggers = await db.$queryRawUnsafe<Suspended["triggers"]>(
    `SELECT c.relname AS "table", t.tgname AS name, t.tgenabled::text AS mode FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgenabled <> 'D' ORDER BY 1, 2`,
  );
  const foreignKeys = await db.$queryRawUnsafe<Suspended["foreignKeys"]>(
    `SELECT c.relname AS "table", k.conname AS name, pg_get_constraintdef(k.oid) AS def FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND k.contype = 'f' ORDER BY 1, 2`,
  );
  for (const t of triggers) await db.$executeRawUnsafe(`ALTER TABLE "${t.table}" DISABLE TRIGGER "${t.name}"`);
  for (const k of foreignKeys) await db.$executeRawUnsafe(`ALTER TABLE "${k.table}" DROP CONSTRAINT "${k.name}"`);
  return { triggers, foreignKeys };
}

async function resumeChecks(db: Tx, { triggers, foreignKeys }: Suspended, log: (m: string) => void) {
  // Back to the mode each had: ENABLE alone would make an ALWAYS or REPLICA trigger an ordinary one.
  const modes: Record<string, string> = { O: "ENABLE", A: "ENABLE ALWAYS", R: "ENABLE REPLICA" };
  for (const t of triggers) await db.$executeRawUnsafe(`ALTER TABLE "${t.table}" ${modes[t.mode] ?? "ENABLE"} TRIGGER "${t.name}"`);
  const t0 = Date.now();
  // ADD CONSTRAINT checks every existing row: a row the generator got wrong fails the run here.
  for (const k of foreignKeys) await db.$executeRawUnsafe(`ALTER TABLE "${k.table}" ADD CONSTRAINT "${k.name}" ${k.def}`);
  log(`Fremmednøkler kontrollert og lagt på igjen (${foreignKeys.length}) på ${Math.round((Date.now() - t0) / 1000)} s.`);
}

type DeferredIndex = { indexname: string; indexdef: string };

/** The search indexes (migration 20261202000000_search and later) and the foreign-key indexes (20261203014805_foreign_key_indexes). */
async function dropDeferredIndexes(db: Tx): Promise<DeferredIndex[]> {
  const rows = await db.$queryRawUnsafe<DeferredIndex[]>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND (indexname LIKE 'search\\_%' OR indexname LIKE 'fk\\_%') ORDER BY indexname`,
  );
  for (const r of rows) await db.$executeRawUnsafe(`DROP INDEX "${r.indexname}"`);
  return rows;
}

async function restoreDeferredIndexes(db: Tx, rows: DeferredIndex[], log: (m: string) => void) {
  const t = Date.now();
  for (const r of rows) await db.$executeRawUnsafe(r.indexdef);
  if (rows.length) log(`Søke- og fremmednøkkelindekser bygget på nytt (${rows.length}) på ${Math.round((Date.now() - t) / 1000)} s.`);
}

async function writeAll(db: Tx, w: Writer, seed: number, { counties, councils }: ReturnType<typeof buildSkeleton>, options: GenerateOptions, log: (m: string) => void) {

  // Organisations, councils, people, bodies, accounts and plans.
  await w.add("organization", counties.map((o) => ({ id: o.id, name: o.name, kind: o.kind, municipalityNumber: o.number, createdAt: EPOCH, updatedAt: EPOCH })));
  await w.add(
    "organization",
    councils.flatMap((c) => c.members.map((o) => ({ id: o.id, name: o.name, kind: o.kind, municipalityNumber: o.number, population: o.population, populationYear: 2024, createdAt: EPOCH, updatedAt: EPOCH }))),
  );
  const urng = rngFor(seed, "users");
  await w.add(
    "council",
    councils.map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      shortName: c.shortName,
      purpose: `${c.name} er et interkommunalt politisk råd for ${c.members.map((o) => o.name).join(", ")}. Rådet skal fremme regionens interesser og samordne kommunenes arbeid med regional utvikling.`,
      email: `post@${c.slug}.scale.example`,
      feePerInhabitantOre: urng.int(150, 400),
      createdAt: EPOCH,
      updatedAt: EPOCH,
    })),
  );
  await w.add(
    "councilMember",
    councils.flatMap((c) => [
      ...c.members.map((o) => ({ id: ids(urng), councilId: c.id, organizationId: o.id, validFrom: EPOCH })),
      { id: ids(urng), councilId: c.id, organizationId: c.county.id, validFrom: EPOCH, note: "Observatør" },
    ]),
  );
  await w.add("person", councils.flatMap((c) => c.people.map((p) => ({ ...p, createdAt: EPOCH, updatedAt: EPOCH }))));
  await w.add("caseSeries", councils.flatMap((c) => c.bodies.map((b) => ({ id: b.seriesId, councilId: c.id, name: b.name, format: b.format, scope: "YEARLY" as const }))));
  await w.add(
    "body",
    councils.flatMap((c) =>
      c.bodies
        .slice()
        .sort((a, b) => (a.parentIndex === null ? 0 : 1) - (b.parentIndex === null ? 0 : 1))
        .map((b) => ({
          id: b.id,
          councilId: c.id,
          kind: b.kind,
          name: b.name,
          abbreviation: b.abbreviation,
          isPolitical: b.isPolitical,
          caseSeriesId: b.seriesId,
          targetMeetingsPerYear: b.target,
          parentBodyId: b.parentIndex === null ? null : c.bodies[b.parentIndex].id,
          publishMinutes: b.publishMinutes,
          description: `${b.name} i ${c.shortName}.`,
          activeFrom: EPOCH,
          createdAt: EPOCH,
          updatedAt: EPOCH,
        })),
    ),
  );
  await w.add(
    "bodyMembership",
    councils.flatMap((c) =>
      c.bodies.flatMap((b) =>
        b.memberships.map((x) => ({
          id: x.id,
          bodyId: b.id,
          personId: x.person.id,
          role: x.role,
          organizationId: x.org?.id ?? null,
          roleLabel: x.roleLabel,
          position: x.position,
          validFrom: x.from,
          validTo: x.to,
        })),
      ),
    ),
  );
  const users: Prisma.UserCreateManyInput[] = [
    { id: ids(urng), email: "admin@scale.ipr.example", name: "Systemadministrator", passwordHash: options.passwordHash, isSystemAdmin: true, createdAt: EPOCH, updatedAt: EPOCH },
  ];
  const roles: Prisma.CouncilRoleCreateManyInput[] = [];
  for (const c of councils) {
    const currentLeader = c.bodies[0].memberships.filter((x) => x.role === "LEDER").at(-1)!.person;
    const accounts: { local: string; name: string; role: CouncilRoleKind; person: Person | null }[] = [
      { local: "admin", name: `Administrator ${c.shortName}`, role: "ADMIN", person: null },
      { local: "sekretariat", name: c.secretariat[0].name, role: "SECRETARIAT", person: c.secretariat[0] },
      { local: "koordinator", name: c.secretariat[1].name, role: "COORDINATOR", person: c.secretariat[1] },
      { local: "medlem", name: currentLeader.name, role: "MEMBER", person: currentLeader },
    ];
    for (const a of accounts) {
      const id = ids(urng);
      users.push({ id, email: `${a.local}@${c.slug}.scale.example`, name: a.name, passwordHash: options.passwordHash, personId: a.person?.id ?? null, createdAt: EPOCH, updatedAt: EPOCH });
      roles.push({ id: ids(urng), userId: id, councilId: c.id, role: a.role });
    }
  }
  await w.add("user", users);
  await w.add("councilRole", roles);
  for (const c of councils) {
    const p = buildPlans(seed, c);
    await w.add("plan", p.plans);
    await w.add("planSection", p.sections);
    await w.add("focusArea", p.areas);
    await w.add("goal", p.goals);
    await w.add("measure", p.measures);
    await w.add("measureUpdate", p.updates);
  }
  await w.flush();
  log(`Grunndata skrevet: ${councils.length} råd, ${w.written.get("person") ?? 0} personer, ${users.length} brukere.`);

  // The meetings, in waves (see the top of this file).
  const counters: Counters = new Map();
  const bodies = councils.flatMap((c) => c.bodies.map((b) => ({ c, b })));
  const waves = Math.max(...bodies.map(({ b }) => b.meetings.length));
  const started = Date.now();
  for (let k = 0; k < waves; k++) {
    const wave: MeetingRows[] = [];
    for (const { c, b } of bodies) if (k < b.meetings.length) wave.push(buildMeeting(seed, c, b, b.meetings[k], counters));
    await w.add("meeting", wave.map((r) => r.meeting));
    await w.add("case", wave.flatMap((r) => r.cases));
    await w.add("agendaItem", wave.flatMap((r) => r.items));
    await w.add("decision", wave.flatMap((r) => r.decisions));
    await w.add("proposal", wave.flatMap((r) => r.proposals));
    await w.add("disqualification", wave.flatMap((r) => r.disqualifications));
    await w.add("attendance", wave.flatMap((r) => r.attendances));
    await w.add("minutes", wave.flatMap((r) => (r.minutes ? [r.minutes] : [])));
    await w.add("actionItem", wave.flatMap((r) => r.actionItems));
    await w.add("actionItemAssignee", wave.flatMap((r) => r.assignees));
    await w.add("actionItemEvent", wave.flatMap((r) => r.events));
    await w.add("caseTag", wave.flatMap((r) => r.caseTags));
    await w.add("decisionTag", wave.flatMap((r) => r.decisionTags));
    if ((k + 1) % 20 === 0) log(`  møtebølge ${k + 1}/${waves}: ${w.written.get("agendaItem") ?? 0} saker på sakskart (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  await w.flush();

  // The next number handed out must follow the highest one used.
  await w.add(
    "caseSeriesCounter",
    [...counters.entries()].map(([key, lastNumber]) => {
      const [seriesId, year] = key.split(":");
      return { seriesId, year: Number(year), lastNumber };
    }),
  );
  await w.flush();

  // Adopted plans: the decision is in place now, so the version can cite it.
  const versions: Prisma.PlanVersionCreateManyInput[] = [];
  const adoptions: { id: string; adoption: NonNullable<PlanSpec["adoption"]> }[] = [];
  for (const c of councils) {
    for (const p of [c.strategy, c.actionPlan]) {
      if (!p.adoption) continue;
      const snapshot = toPlanDocument(p.row, { versionNumber: 1, adoptedAt: p.adoption.adoptedAt, decision: p.adoption.label });
      versions.push({
        id: ids(rngFor(seed, "plan-version", p.id)),
        planId: p.id,
        number: 1,
        adoptedAt: new Date(`${p.adoption.adoptedAt}T00:00:00Z`),
        decisionId: p.adoption.decisionId,
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
        sha256: planContentHash(snapshot),
        createdAt: p.adoption.at,
      });
      adoptions.push({ id: p.id, adoption: p.adoption });
    }
  }
  for (const { id, adoption } of adoptions) {
    await db.plan.update({
      where: { id },
      data: { status: "ADOPTED", adoptedAt: new Date(`${adoption.adoptedAt}T00:00:00Z`), adoptedByDecisionId: adoption.decisionId, version: 2, updatedAt: adoption.at },
    });
  }
  await w.add("planVersion", versions);
  await w.flush();
}

/** Every application table (all but Prisma's migration log), for --reset. */
export async function truncateAll(db: PrismaClient): Promise<void> {
  const rows = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  if (rows.length === 0) return;
  // TRUNCATE fires no row triggers, so the lock on approved minutes does not stand in the way.
  await db.$executeRawUnsafe(`TRUNCATE TABLE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

export async function isEmpty(db: PrismaClient): Promise<boolean> {
  const [o, c, u, m] = await Promise.all([db.organization.count(), db.council.count(), db.user.count(), db.meeting.count()]);
  return o + c + u + m === 0;
}
