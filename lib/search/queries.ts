import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import {
  can,
  canReadExemptContent,
  canReadMeeting,
  canReadMinutes,
  roleIn,
  type Permission,
  type Viewer,
} from "@/lib/authz/policy";
import { formatCaseNumber } from "@/lib/cases/case-number";
import { adoptedHeads, asAdopted } from "@/lib/plans/adopted-heads";
import { TZDate } from "@date-fns/tz";
import { OSLO, formatDate } from "@/lib/format/dates";
import {
  PAGE_SIZE,
  SEARCH_TYPES,
  SEARCH_TYPE_LABELS,
  containsPattern,
  parseCaseNumber,
  substringTerms,
  type SearchQuery,
  type SearchType,
} from "@/lib/search/schemas";
import { HIT_START, HIT_STOP, hasHit, highlightSubstrings, parseHeadline, type SnippetSegment } from "@/lib/search/snippet";

// Search over cases, decisions, minutes, notices and plans. See the migration
// 20261202000000_search for the indexes: each searchable text is matched two ways, both on a GIN
// expression index over exactly the expressions in SEARCH_TEXT below:
//   1. Norwegian full-text search (websearch_to_tsquery), which stems: "samlinger" finds "samling".
//   2. A substring match (ILIKE on every word of three or more characters) on the trigram index,
//      which finds parts of compound words: "møte" finds "kommunedirektørmøte". It is always
//      combined with (1) rather than used only when (1) finds too little, so that adding a word to
//      a query never changes which kind of match applies, and full-text hits rank first. ILIKE
//      rather than word_similarity: similarity thresholds are fragile for short parts of long
//      words, and ILIKE needs no pg_trgm function, only its index.
//
// Who may find what is the rule of lib/authz/policy.ts, applied twice: the SQL below mirrors it so
// that matching, counting and paging only ever see what the viewer may read, and every result on
// the page is then checked again with the policy functions themselves before it is shown. Content
// that may be exempt (saksframlegg, notice text, minutes notes, decision text of exempt cases and
// closed items) is a separate text from the public title and legal basis: it is not matched at all
// for a viewer without case.read.exempt, so it can neither be found nor shown.

export type SearchResult = {
  key: string;
  type: SearchType;
  typeLabel: string;
  title: string;
  href: string;
  councilName: string;
  bodyName: string | null;
  date: Date | null;
  period: string | null;
  // Set when the content is exempt for this viewer: only the title and this basis are shown.
  exemptBasis: string | null;
  snippet: SnippetSegment[];
};

export type SearchOutcome =
  // capped: a source had more hits than SOURCE_CAP, so total is a lower bound.
  // onlyCommonWords: nothing to search for, since every word is a stop word ("og", "er") and too short for parts.
  | { ok: true; total: number; capped: boolean; page: number; pageCount: number; results: SearchResult[]; onlyCommonWords?: boolean }
  | { ok: false; field: "rad" | "organ" | "fokus"; message: string };

// The searchable texts, written exactly as in the migration's index expressions (the integration
// test checks with EXPLAIN that each one is answered from its index).
export const SEARCH_TEXT = {
  caseHead: (a: string) => `${a}."title" || ' ' || coalesce(${a}."exemptionBasis", '')`,
  caseBody: (a: string) => `${a}."background" || ' ' || ${a}."proposedDecision"`,
  itemHead: (a: string) => `${a}."title" || ' ' || coalesce(${a}."closedBasis", '')`,
  itemNotice: (a: string) => `(${a}."noticeText" || '')`,
  itemNotes: (a: string) => `(${a}."minutesNotes" || '')`,
  decision: (a: string) => `(${a}."text" || '')`,
  minutes: (a: string) => `(${a}."introduction" || '')`,
  meeting: (a: string) => `coalesce(${a}."title", '')`,
  planVersion: (a: string) => `"ipr_plan_snapshot_text"(${a}."snapshot")`,
};

// The live text of a plan, for the secretariat only. Not indexed: drafts are few, and read by few.
const LIVE_PLAN_TEXT = `concat_ws(' ', p."title", p."subtitle", p."purpose", p."principlesInclude", p."principlesExclude",
  (SELECT string_agg(s."heading" || ' ' || s."body", ' ') FROM "PlanSection" s WHERE s."planId" = p."id"),
  (SELECT string_agg(concat_ws(' ', fa."title", fa."description",
     (SELECT string_agg(g."text", ' ') FROM "Goal" g WHERE g."focusAreaId" = fa."id"),
     (SELECT string_agg(concat_ws(' ', me."title", me."description", me."indicators", me."ownerText"), ' ') FROM "Measure" me WHERE me."focusAreaId" = fa."id")), ' ')
   FROM "FocusArea" fa WHERE fa."planId" = p."id"))`;

const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_STOP}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;

/** The councils in which the viewer holds a permission, as the policy decides it. */
function councilsWith(viewer: Viewer | null, permission: Permission): string[] {
  return (viewer?.councils ?? []).filter((c) => can(viewer, permission, c.councilId)).map((c) => c.councilId);
}

function inList(column: string, ids: string[]): Prisma.Sql {
  return ids.length ? Prisma.sql`${Prisma.raw(column)} IN (${Prisma.join(ids)})` : Prisma.sql`FALSE`;
}

function and(parts: Prisma.Sql[]): Prisma.Sql {
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

type Scope = {
  // The words to match in the texts: the query without its case number. Empty when it was only that.
  q: string;
  terms: string[];
  caseNumber?: { number: number; year: number };
  draftMeetings: string[];
  exempt: string[];
  minutesApproved: string[];
  minutesComment: string[];
  minutesDraft: string[];
  planDraft: string[];
  councilId?: string;
  bodyId?: string;
  year?: number;
  focusAreaId?: string;
};

type Part = "head" | "body" | "live";

type Source = {
  kind: SearchType;
  part: Part;
  unit: string;
  item?: string;
  council: string;
  // The meeting's copy of the council as well, where the source joins "Meeting": the planner then
  // fetches the council's meetings by index instead of hashing all of them (same rows).
  meetingCouncil?: boolean;
  at: string;
  from: string;
  // The table in `from` (as written there, with its alias) whose column `text` is. Its matches are
  // taken first, from its full-text index, which holds the council too (see fencedFrom()).
  textTable?: string;
  where: Prisma.Sql[];
  text: string;
  weight: number;
};

function tsquery(s: Scope) {
  return Prisma.sql`websearch_to_tsquery('norwegian', ${s.q})`;
}

/**
 * At most this many of the newest hits are taken from each source and way of matching. A broad
 * word ("møte") matches tens of thousands of texts at national scale; ranking all of them would
 * re-parse every text. Beyond the cap the page says "over N treff" and asks for a narrower search.
 */
export const SOURCE_CAP = 300;
// ts_headline parses the text it is given; a snippet comes from the start of a long text.
const HEADLINE_CHARS = 20_000;

/**
 * Two branches per source: the full-text match (from the norwegian GIN index) and, for parts of
 * compound words, the substring match (from the trigram index). Neither computes a tsvector per
 * row, so the cost follows the capped number of hits, not the size of the archive.
 */
function selects(s: Scope, src: Source, branch: number): Prisma.Sql[] {
  const text = Prisma.raw(src.text);
  const councilColumns = [src.council, ...(src.meetingCouncil ? [`m."councilId"`] : [])];
  const inCouncil = (columns: string[]) => (s.councilId ? columns.map((c) => Prisma.sql`${Prisma.raw(c)} = ${s.councilId}`) : []);
  const where = [...src.where, ...inCouncil(councilColumns)];
  const branchSql = (fts: boolean, match: Prisma.Sql, id: number, from: Prisma.Sql = Prisma.raw(src.from), outer: Prisma.Sql[] = where) =>
    Prisma.sql`(SELECT ${src.kind}::text AS kind, ${src.part}::text AS part, ${Prisma.raw(src.unit)} AS unit_id,
      ${Prisma.raw(src.item ?? "NULL::text")} AS item_id, ${Prisma.raw(src.at)} AS at, (${text}) AS doc,
      ${Prisma.raw(fts ? "TRUE" : "FALSE")} AS fts, ${src.weight}::real AS score, ${id}::int AS branch, FALSE AS num
    FROM ${from}
    WHERE ${and([...outer, match])}
    ORDER BY ${Prisma.raw(src.at)} DESC NULLS LAST
    LIMIT ${SOURCE_CAP + 1})`;
  const ftsMatch = Prisma.sql`to_tsvector('norwegian', ${text}) @@ ${tsquery(s)}`;
  const out = [branchSql(true, ftsMatch, branch * 2)];
  if (src.textTable) {
    // A fenced text table has matched already and is in the council already. Repeating the match
    // outside would compute to_tsvector once more for every hit; repeating its council would make
    // the planner count the council's selectivity twice (39 rows expected where 2,175 came) and
    // join every hit by nested loops.
    const alias = src.textTable.split(" ")[1];
    const outer = [...src.where, ...inCouncil(councilColumns.filter((c) => !c.startsWith(`${alias}.`)))];
    out[0] = branchSql(true, Prisma.sql`TRUE`, branch * 2, fencedFrom(s, src.from, src.textTable, ftsMatch), outer);
  }
  if (s.terms.length) {
    const substrings = s.terms.map((t) => Prisma.sql`(${text}) ILIKE ${containsPattern(t)}`);
    out.push(branchSql(false, and(substrings), branch * 2 + 1));
  }
  return out;
}

/**
 * The source's FROM with its text table replaced by that table's matches (OFFSET 0 keeps the
 * subquery whole), read from the text's full-text index, which holds the council as well. Left to
 * itself the planner underestimated how many rows the joins before it let through (the minutes' visibility
 * rules) and computed to_tsvector row by row instead, 49 of the 94 ms of a search at national scale.
 */
function fencedFrom(s: Scope, from: string, textTable: string, match: Prisma.Sql): Prisma.Sql {
  const at = from.indexOf(textTable);
  if (at < 0 || from.indexOf(textTable, at + 1) >= 0) throw new Error(`Søkekilden må nevne ${textTable} én gang.`);
  const alias = textTable.split(" ")[1];
  // Written as in the index (migration 20261202135500_search_council_gin): its first column.
  const council = s.councilId ? [Prisma.sql`(${Prisma.raw(`${alias}."councilId"`)} || '') = ${s.councilId}`] : [];
  return Prisma.sql`${Prisma.raw(from.slice(0, at))}(SELECT * FROM ${Prisma.raw(textTable)} WHERE ${and([...council, match])} OFFSET 0) ${Prisma.raw(alias)}${Prisma.raw(from.slice(at + textTable.length))}`;
}

// ── Visibility, mirroring lib/authz/policy.ts ──

/** canReadMinutes; without a minutes row only those who may read draft minutes see the decisions. */
function minutesReadable(s: Scope, mi: string, council: string) {
  return Prisma.sql`((${Prisma.raw(mi)}."id" IS NULL AND ${inList(council, s.minutesDraft)})
    OR (${Prisma.raw(mi)}."status" = 'APPROVED' AND ${Prisma.raw(mi)}."publishedAt" IS NOT NULL)
    OR (${Prisma.raw(mi)}."status" = 'APPROVED' AND ${inList(council, s.minutesApproved)})
    OR (${Prisma.raw(mi)}."status" = 'SENT_FOR_COMMENT' AND ${inList(council, s.minutesComment)})
    OR (${Prisma.raw(mi)}."id" IS NOT NULL AND ${inList(council, s.minutesDraft)}))`;
}

/**
 * minutesReadable() for a decision, from the copy of its minutes' state it carries ("searchMinutes",
 * migration 20261202215808_search_decision_facts): NULL without minutes, PUBLISHED when approved and published.
 */
function decisionMinutesReadable(s: Scope) {
  return Prisma.sql`(${inList(`d."councilId"`, s.minutesDraft)}
    OR d."searchMinutes" = 'PUBLISHED'
    OR (d."searchMinutes" IN ('APPROVED', 'PUBLISHED') AND ${inList(`d."councilId"`, s.minutesApproved)})
    OR (d."searchMinutes" = 'SENT_FOR_COMMENT' AND ${inList(`d."councilId"`, s.minutesComment)}))`;
}

/** canReadMeeting: the notice is sent, or the viewer reads drafts. */
function meetingReadable(s: Scope) {
  return Prisma.sql`(m."noticeSentAt" IS NOT NULL OR ${inList(`m."councilId"`, s.draftMeetings)})`;
}

/** Proposed and withdrawn items are for those who read drafts. */
function itemListed(s: Scope) {
  return Prisma.sql`(i."status" = 'ACTIVE' OR ${inList(`i."councilId"`, s.draftMeetings)})`;
}

/**
 * An exempt case or a closed item: its content is for case.read.exempt only. The item carries its
 * case's "isExempt" as "searchCaseExempt" (triggers, migration 20261202193557_search_case_facts).
 */
function itemRedacted(s: Scope) {
  return Prisma.sql`((i."searchCaseExempt" OR i."isClosed") AND NOT ${inList(`i."councilId"`, s.exempt)})`;
}

// The meeting's start and body, or a row's copy of them (a decision's "searchAt", "searchBodyId").
function meetingYear(s: Scope, startsAt = `m."startsAt"`): Prisma.Sql[] {
  return s.year ? [Prisma.sql`EXTRACT(YEAR FROM (${Prisma.raw(startsAt)} AT TIME ZONE 'Europe/Oslo')) = ${s.year}::int`] : [];
}

function meetingBody(s: Scope, bodyId = `m."bodyId"`): Prisma.Sql[] {
  return s.bodyId ? [Prisma.sql`${Prisma.raw(bodyId)} = ${s.bodyId}`] : [];
}

function caseTagged(s: Scope, caseId: string) {
  return Prisma.sql`EXISTS (SELECT 1 FROM "CaseTag" t LEFT JOIN "Measure" tm ON tm."id" = t."measureId"
    WHERE t."caseId" = ${Prisma.raw(caseId)} AND (t."focusAreaId" = ${s.focusAreaId} OR tm."focusAreaId" = ${s.focusAreaId}))`;
}

function decisionTagged(s: Scope, decisionId: string) {
  return Prisma.sql`EXISTS (SELECT 1 FROM "DecisionTag" t LEFT JOIN "Measure" tm ON tm."id" = t."measureId"
    WHERE t."decisionId" = ${Prisma.raw(decisionId)} AND (t."focusAreaId" = ${s.focusAreaId} OR tm."focusAreaId" = ${s.focusAreaId}))`;
}

/** An item serves a focus area when its case or its decision is tagged with it (or one of its measures). */
function itemFocus(s: Scope): Prisma.Sql[] {
  if (!s.focusAreaId) return [];
  return [Prisma.sql`(${caseTagged(s, `i."caseId"`)} OR EXISTS (SELECT 1 FROM "Decision" fd WHERE fd."agendaItemId" = i."id" AND ${decisionTagged(s, `fd."id"`)}))`];
}

// Texts that belong to the meeting as a whole (its title, the referat's introduction) serve no focus area.
function noFocus(s: Scope): Prisma.Sql[] {
  return s.focusAreaId ? [Prisma.sql`FALSE`] : [];
}

// Meeting, AgendaItem, Decision and Minutes carry their body's council as "councilId" (kept by
// triggers, migration 20261202082401_search_council): the council filter then narrows each full-text
// index scan on the table itself, instead of joining every match in every council to "Body" first.
// A join to "Minutes" repeats the council (a meeting's minutes are in its council), so that the
// planner carries the council filter over and fetches the council's minutes by index.
const ITEM_JOINS = `JOIN "Meeting" m ON m."id" = i."meetingId"`;
const ITEM_FROM = `"AgendaItem" i ${ITEM_JOINS}`;

/** Which cases (alias c) the viewer finds, whose content is redacted, and the filters of the form. */
function caseRules(s: Scope) {
  // getCaseView: a case is readable once one of its active items is in a meeting whose notice is
  // sent. "searchNoticed" and "searchClosed" are those facts of its items, kept on the case by
  // triggers (migration 20261202193557_search_case_facts) instead of probed per matching case.
  const visible = Prisma.sql`(${inList(`c."councilId"`, s.draftMeetings)} OR c."searchNoticed")`;
  // Stricter than the case page: a case treated in a closed item counts as exempt here too.
  const redacted = Prisma.sql`((c."isExempt" OR c."searchClosed") AND NOT ${inList(`c."councilId"`, s.exempt)})`;
  const filters = [
    ...(s.year ? [Prisma.sql`c."year" = ${s.year}::int`] : []),
    ...(s.bodyId
      ? [Prisma.sql`EXISTS (SELECT 1 FROM "AgendaItem" bi JOIN "Meeting" bm ON bm."id" = bi."meetingId" WHERE bi."caseId" = c."id" AND bm."bodyId" = ${s.bodyId}
          AND ((bi."status" = 'ACTIVE' AND bm."noticeSentAt" IS NOT NULL) OR ${inList(`c."councilId"`, s.draftMeetings)}))`]
      : []),
    ...(s.focusAreaId ? [caseTagged(s, `c."id"`)] : []),
  ];
  return { visible, redacted, filters };
}

/**
 * The cases numbered as the query says ("Sak 4/22"), by the same rules as the case texts, whatever
 * the other words. A "Sak" result like any other: the saksframlegg is its snippet where the viewer
 * may read it, else it has the title only, and hydrate() checks it again. The number is unique per
 * series and year, and the series are few: joined from "CaseSeries", each series is one probe of
 * that unique index, in every council at once, where "Case" has no index on the number itself.
 */
function caseNumberSelect(s: Scope, caseNumber: { number: number; year: number }): Prisma.Sql {
  const { visible, redacted, filters } = caseRules(s);
  const where = [
    Prisma.sql`c."year" = ${caseNumber.year}::int AND c."number" = ${caseNumber.number}::int`,
    visible,
    ...filters,
    ...(s.councilId ? [Prisma.sql`c."councilId" = ${s.councilId}`] : []),
  ];
  return Prisma.sql`(SELECT 'sak'::text AS kind, CASE WHEN ${redacted} THEN 'head' ELSE 'body' END AS part,
      c."id" AS unit_id, NULL::text AS item_id, c."createdAt" AS at,
      CASE WHEN ${redacted} THEN ${Prisma.raw(SEARCH_TEXT.caseHead("c"))} ELSE ${Prisma.raw(SEARCH_TEXT.caseBody("c"))} END AS doc,
      FALSE AS fts, 0::real AS score, ${CASE_NUMBER_BRANCH}::int AS branch, TRUE AS num
    FROM "CaseSeries" cs JOIN "Case" c ON c."seriesId" = cs."id"
    WHERE ${and(where)}
    ORDER BY c."createdAt" DESC
    LIMIT ${SOURCE_CAP + 1})`;
}

// The text sources count their branches from 0.
const CASE_NUMBER_BRANCH = -1;

function sources(s: Scope, types: readonly SearchType[]): Prisma.Sql[] {
  const out: Source[] = [];
  if (types.includes("sak")) {
    const { visible, redacted, filters } = caseRules(s);
    const base = { kind: "sak" as const, unit: `c."id"`, council: `c."councilId"`, at: `c."createdAt"`, from: `"Case" c` };
    out.push({ ...base, part: "head", where: [visible, ...filters], text: SEARCH_TEXT.caseHead("c"), textTable: `"Case" c`, weight: 2 });
    out.push({ ...base, part: "body", where: [visible, Prisma.sql`NOT ${redacted}`, ...filters], text: SEARCH_TEXT.caseBody("c"), textTable: `"Case" c`, weight: 1 });
  }
  if (types.includes("vedtak")) {
    // The decision carries its item's, meeting's and minutes' facts (triggers, migration
    // 20261202215808_search_decision_facts), so neither part joins the meeting or the minutes: that
    // join was 18 of the 46 ms of the ten sources for «møte» in one council at national scale.
    const base = { kind: "vedtak" as const, unit: `d."id"`, item: `d."agendaItemId"`, council: `d."councilId"`, at: `d."searchAt"` };
    const where = [
      Prisma.sql`(d."searchItemActive" OR ${inList(`d."councilId"`, s.draftMeetings)})`,
      decisionMinutesReadable(s),
      ...meetingYear(s, `d."searchAt"`),
      ...meetingBody(s, `d."searchBodyId"`),
      ...(s.focusAreaId
        ? [Prisma.sql`(${decisionTagged(s, `d."id"`)} OR EXISTS (SELECT 1 FROM "AgendaItem" fi WHERE fi."id" = d."agendaItemId" AND ${caseTagged(s, `fi."caseId"`)}))`]
        : []),
    ];
    // The council filter on the table whose index answers the text: the item's for its title.
    out.push({ ...base, part: "head", council: `i."councilId"`, from: `"AgendaItem" i JOIN "Decision" d ON d."agendaItemId" = i."id"`, where, text: SEARCH_TEXT.itemHead("i"), textTable: `"AgendaItem" i`, weight: 2 });
    out.push({
      ...base,
      part: "body",
      from: `"Decision" d`,
      where: [...where, Prisma.sql`NOT (d."searchRedacted" AND NOT ${inList(`d."councilId"`, s.exempt)})`],
      text: SEARCH_TEXT.decision("d"),
      textTable: `"Decision" d`,
      weight: 1,
    });
  }
  if (types.includes("referat")) {
    out.push({
      kind: "referat",
      part: "body",
      unit: `mi."id"`,
      council: `mi."councilId"`,
      meetingCouncil: true,
      at: `m."startsAt"`,
      from: `"Minutes" mi JOIN "Meeting" m ON m."id" = mi."meetingId"`,
      where: [minutesReadable(s, "mi", `mi."councilId"`), ...meetingYear(s), ...meetingBody(s), ...noFocus(s)],
      text: SEARCH_TEXT.minutes("mi"),
      textTable: `"Minutes" mi`,
      weight: 1,
    });
    out.push({
      kind: "referat",
      part: "body",
      unit: `mi."id"`,
      item: `i."id"`,
      council: `i."councilId"`,
      meetingCouncil: true,
      at: `m."startsAt"`,
      from: `${ITEM_FROM} JOIN "Minutes" mi ON mi."meetingId" = m."id" AND mi."councilId" = m."councilId"`,
      where: [minutesReadable(s, "mi", `i."councilId"`), itemListed(s), Prisma.sql`NOT ${itemRedacted(s)}`, ...meetingYear(s), ...meetingBody(s), ...itemFocus(s)],
      text: SEARCH_TEXT.itemNotes("i"),
      textTable: `"AgendaItem" i`,
      weight: 1,
    });
  }
  if (types.includes("innkalling")) {
    const base = { kind: "innkalling" as const, unit: `m."id"`, at: `m."startsAt"` };
    out.push({
      ...base,
      part: "head",
      council: `m."councilId"`,
      from: `"Meeting" m`,
      where: [meetingReadable(s), ...meetingYear(s), ...meetingBody(s), ...noFocus(s)],
      text: SEARCH_TEXT.meeting("m"),
      textTable: `"Meeting" m`,
      weight: 2,
    });
    const where = [meetingReadable(s), itemListed(s), ...meetingYear(s), ...meetingBody(s), ...itemFocus(s)];
    out.push({ ...base, part: "head", item: `i."id"`, council: `i."councilId"`, meetingCouncil: true, from: ITEM_FROM, where, text: SEARCH_TEXT.itemHead("i"), textTable: `"AgendaItem" i`, weight: 1 });
    out.push({ ...base, part: "body", item: `i."id"`, council: `i."councilId"`, meetingCouncil: true, from: ITEM_FROM, where: [...where, Prisma.sql`NOT ${itemRedacted(s)}`], text: SEARCH_TEXT.itemNotice("i"), textTable: `"AgendaItem" i`, weight: 1 });
  }
  // Plans belong to no body.
  if (types.includes("plan") && !s.bodyId) {
    const filters = [
      ...(s.year ? [Prisma.sql`p."periodFrom" <= ${s.year}::int AND p."periodTo" >= ${s.year}::int`] : []),
      ...(s.focusAreaId ? [Prisma.sql`EXISTS (SELECT 1 FROM "FocusArea" pf WHERE pf."planId" = p."id" AND pf."id" = ${s.focusAreaId})`] : []),
    ];
    const base = { kind: "plan" as const, unit: `p."id"`, council: `p."councilId"`, weight: 1 };
    // The latest adopted version is public (issue 7), whatever state the live plan is in.
    out.push({
      ...base,
      part: "head",
      at: `pv."adoptedAt"::timestamptz`,
      from: `"PlanVersion" pv JOIN "Plan" p ON p."id" = pv."planId"`,
      where: [Prisma.sql`pv."number" = (SELECT max(x."number") FROM "PlanVersion" x WHERE x."planId" = p."id")`, ...filters],
      text: SEARCH_TEXT.planVersion("pv"),
    });
    if (s.planDraft.length) {
      out.push({
        ...base,
        part: "live",
        at: `p."updatedAt"`,
        from: `"Plan" p CROSS JOIN LATERAL (SELECT ${LIVE_PLAN_TEXT} AS "doc") live`,
        where: [inList(`p."councilId"`, s.planDraft), ...filters],
        text: `live."doc"`,
      });
    }
  }
  const byNumber = s.caseNumber && types.includes("sak") ? [caseNumberSelect(s, s.caseNumber)] : [];
  return [...byNumber, ...(s.q ? out.flatMap((src, i) => selects(s, src, i)) : [])];
}

type HitRow = {
  kind: SearchType;
  part: Part;
  unit_id: string;
  item_id: string | null;
  total: bigint | number;
  text_total: bigint | number;
  capped: boolean;
  headline: string | null;
  doc: string | null;
};

async function findHits(s: Scope, types: readonly SearchType[], page: number) {
  const parts = sources(s, types);
  if (!parts.length) return { rows: [] as HitRow[], total: 0, textTotal: 0, capped: false };
  const db = await getDb();
  // One row per result (its best-matching text: full text before substring, heading before body,
  // newest first), counted before the page is cut; headlines only for the page, since
  // ts_headline re-parses the whole text. A case found by its number comes first, with the
  // snippet of its text where the words found that too ("numbered"), and is listed once.
  // Without JIT, which lib/server/db-adapter.ts turns off for every connection.
  const rows = await db.$queryRaw<HitRow[]>`
    WITH hits AS (${Prisma.join(parts, " UNION ALL ")}),
    best AS (
      SELECT DISTINCT ON (kind, unit_id) *, bool_or(num) OVER (PARTITION BY kind, unit_id) AS numbered
      FROM hits ORDER BY kind, unit_id, num, fts DESC, score DESC, at DESC NULLS LAST
    ),
    page AS (
      SELECT *, count(*) OVER () AS total, count(*) FILTER (WHERE NOT num) OVER () AS text_total FROM best
      ORDER BY numbered DESC, fts DESC, score DESC, at DESC NULLS LAST, unit_id
      LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}
    )
    SELECT kind, part, unit_id, item_id, total, text_total,
      (SELECT coalesce(bool_or(n > ${SOURCE_CAP}), FALSE) FROM (SELECT count(*) AS n FROM hits GROUP BY branch) per_branch) AS capped,
      CASE WHEN fts THEN ts_headline('norwegian', translate(left(doc, ${HEADLINE_CHARS}), chr(2) || chr(3), ''), ${tsquery(s)}, ${HEADLINE_OPTIONS}) END AS headline,
      translate(left(doc, ${HEADLINE_CHARS}), chr(2) || chr(3), '') AS doc
    FROM page
    ORDER BY numbered DESC, fts DESC, score DESC, at DESC NULLS LAST, unit_id`;
  const [first] = rows;
  return { rows, total: first ? Number(first.total) : 0, textTotal: first ? Number(first.text_total) : 0, capped: first ? first.capped : false };
}

function snippetOf(row: HitRow, terms: string[]): SnippetSegment[] {
  const headline = row.headline ? parseHeadline(row.headline) : [];
  if (hasHit(headline)) return headline;
  return highlightSubstrings(row.doc ?? "", terms);
}

function numberLabel(format: string | null | undefined, number: number | null, year: number | null) {
  return number !== null && year !== null ? formatCaseNumber(format ?? "Sak {n}/{yy}", number, year) : null;
}

function withNumber(label: string | null, title: string) {
  return label ? `${label} ${title}` : title;
}

/** Members of a council follow links into the portal; everyone else reads the public pages. */
function linkBase(viewer: Viewer | null, council: { id: string; slug: string }) {
  return roleIn(viewer, council.id) && can(viewer, "council.read", council.id) ? `/portal/${council.slug}` : `/r/${council.slug}`;
}

const meetingSelect = {
  id: true,
  title: true,
  startsAt: true,
  status: true,
  noticeSentAt: true,
  minutes: { select: { id: true, status: true, publishedAt: true, documentTitle: true } },
  body: { select: { name: true, caseSeries: { select: { format: true } }, council: { select: { id: true, slug: true, name: true } } } },
} as const;

/**
 * The results of the page, each checked once more with the policy functions: a row the SQL let
 * through by mistake is dropped, never shown.
 */
async function hydrate(viewer: Viewer | null, rows: HitRow[], terms: string[]): Promise<SearchResult[]> {
  const db = await getDb();
  const ids = (kind: SearchType) => rows.filter((r) => r.kind === kind).map((r) => r.unit_id);
  const itemIds = rows.flatMap((r) => (r.item_id ? [r.item_id] : []));
  // A page holds few kinds of result as a rule: each query not needed is a round trip saved.
  const ifAny = <T>(list: string[], read: () => Promise<T[]>) => (list.length ? read() : Promise.resolve([] as T[]));
  const [cases, decisions, minutes, meetings, plans, items] = await Promise.all([
    ifAny(ids("sak"), () => db.case.findMany({
      where: { id: { in: ids("sak") } },
      select: {
        id: true,
        title: true,
        number: true,
        year: true,
        isExempt: true,
        exemptionBasis: true,
        series: { select: { format: true } },
        council: { select: { id: true, slug: true, name: true } },
        items: {
          where: { status: "ACTIVE" },
          orderBy: { meeting: { startsAt: "desc" } },
          select: { isClosed: true, closedBasis: true, meeting: { select: { startsAt: true, status: true, noticeSentAt: true, body: { select: { name: true } } } } },
        },
      },
    })),
    ifAny(ids("vedtak"), () => db.decision.findMany({
      where: { id: { in: ids("vedtak") } },
      select: {
        id: true,
        agendaItem: {
          select: { id: true, title: true, number: true, year: true, status: true, isClosed: true, closedBasis: true, case: { select: { isExempt: true, exemptionBasis: true } }, meeting: { select: meetingSelect } },
        },
      },
    })),
    ifAny(ids("referat"), () => db.minutes.findMany({ where: { id: { in: ids("referat") } }, select: { id: true, meeting: { select: meetingSelect } } })),
    ifAny(ids("innkalling"), () => db.meeting.findMany({ where: { id: { in: ids("innkalling") } }, select: meetingSelect })),
    ifAny(ids("plan"), () => db.plan.findMany({
      where: { id: { in: ids("plan") } },
      select: {
        id: true,
        title: true,
        periodFrom: true,
        periodTo: true,
        revisionOpen: true,
        council: { select: { id: true, slug: true, name: true } },
        versions: { orderBy: { number: "desc" }, take: 1, select: { adoptedAt: true } },
      },
    })),
    ifAny(itemIds, () => db.agendaItem.findMany({ where: { id: { in: itemIds } }, select: { id: true, status: true, isClosed: true, case: { select: { isExempt: true } } } })),
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const caseMap = byId(cases);
  const decisionMap = byId(decisions);
  const minutesMap = byId(minutes);
  const meetingMap = byId(meetings);
  // A reader finds a plan under revision by its adopted text, and sees it headed as adopted.
  const heads = await adoptedHeads(db, plans.filter((p) => p.revisionOpen && !can(viewer, "plan.read.draft", p.council.id)).map((p) => p.id));
  const planMap = byId(plans.map((p) => asAdopted(p, heads)));
  const itemMap = byId(items);

  const out: SearchResult[] = [];
  for (const row of rows) {
    const common = { key: `${row.kind}:${row.unit_id}`, type: row.kind, typeLabel: SEARCH_TYPE_LABELS[row.kind] };
    // Text from an agenda item: the item must be listed for this viewer, and its content readable.
    if (row.item_id) {
      const item = itemMap.get(row.item_id);
      if (!item) continue;
      const meeting = row.kind === "vedtak" ? decisionMap.get(row.unit_id)?.agendaItem.meeting : row.kind === "referat" ? minutesMap.get(row.unit_id)?.meeting : meetingMap.get(row.unit_id);
      if (!meeting) continue;
      const councilId = meeting.body.council.id;
      if (item.status !== "ACTIVE" && !can(viewer, "meeting.read.draft", councilId)) continue;
      if (row.part === "body" && (item.isClosed || item.case?.isExempt) && !canReadExemptContent(viewer, councilId)) continue;
    }
    const snippet = snippetOf(row, terms);
    if (row.kind === "sak") {
      const c = caseMap.get(row.unit_id);
      if (!c) continue;
      const visible = c.items.filter((i) => canReadMeeting(viewer, { councilId: c.council.id, status: i.meeting.status, noticeSentAt: i.meeting.noticeSentAt }));
      if (!visible.length && !can(viewer, "meeting.read.draft", c.council.id)) continue;
      const redacted = (c.isExempt || c.items.some((i) => i.isClosed)) && !canReadExemptContent(viewer, c.council.id);
      if (redacted && row.part !== "head") continue;
      out.push({
        ...common,
        title: withNumber(numberLabel(c.series?.format, c.number, c.year), c.title),
        href: `${linkBase(viewer, c.council)}/saker/${c.id}`,
        councilName: c.council.name,
        bodyName: visible[0]?.meeting.body.name ?? null,
        date: visible[0]?.meeting.startsAt ?? null,
        period: null,
        exemptBasis: redacted ? (c.exemptionBasis ?? c.items.find((i) => i.closedBasis)?.closedBasis ?? "") : null,
        snippet,
      });
    } else if (row.kind === "vedtak") {
      const d = decisionMap.get(row.unit_id);
      if (!d) continue;
      const item = d.agendaItem;
      const m = item.meeting;
      const councilId = m.body.council.id;
      const readable = m.minutes ? canReadMinutes(viewer, councilId, m.minutes) : can(viewer, "minutes.read.draft", councilId);
      if (!readable) continue;
      const redacted = (item.isClosed || !!item.case?.isExempt) && !canReadExemptContent(viewer, councilId);
      if (redacted && row.part !== "head") continue;
      out.push({
        ...common,
        title: withNumber(numberLabel(m.body.caseSeries?.format, item.number, item.year), item.title),
        href: `${linkBase(viewer, m.body.council)}/moter/${m.id}`,
        councilName: m.body.council.name,
        bodyName: m.body.name,
        date: m.startsAt,
        period: null,
        exemptBasis: redacted ? (item.closedBasis ?? item.case?.exemptionBasis ?? "") : null,
        snippet,
      });
    } else if (row.kind === "referat") {
      const mi = minutesMap.get(row.unit_id);
      const m = mi?.meeting;
      if (!m?.minutes || !canReadMinutes(viewer, m.body.council.id, m.minutes)) continue;
      out.push({
        ...common,
        title: `${m.minutes.documentTitle} fra ${m.title ?? m.body.name} ${formatDate(m.startsAt)}`,
        href: `${linkBase(viewer, m.body.council)}/moter/${m.id}`,
        councilName: m.body.council.name,
        bodyName: m.body.name,
        date: m.startsAt,
        period: null,
        exemptBasis: null,
        snippet,
      });
    } else if (row.kind === "innkalling") {
      const m = meetingMap.get(row.unit_id);
      if (!m || !canReadMeeting(viewer, { councilId: m.body.council.id, status: m.status, noticeSentAt: m.noticeSentAt })) continue;
      out.push({
        ...common,
        title: `Innkalling til ${m.title ?? m.body.name} ${formatDate(m.startsAt)}`,
        href: `${linkBase(viewer, m.body.council)}/moter/${m.id}/innkalling`,
        councilName: m.body.council.name,
        bodyName: m.body.name,
        date: m.startsAt,
        period: null,
        exemptBasis: null,
        snippet,
      });
    } else if (row.kind === "plan") {
      const p = planMap.get(row.unit_id);
      if (!p) continue;
      const live = can(viewer, "plan.read.draft", p.council.id);
      if (row.part === "live" ? !live : !p.versions.length) continue;
      out.push({
        ...common,
        title: p.title,
        href: `${linkBase(viewer, p.council)}/planer/${p.id}`,
        councilName: p.council.name,
        bodyName: null,
        date: null,
        period: p.periodFrom === p.periodTo ? String(p.periodFrom) : `${p.periodFrom}–${p.periodTo}`,
        exemptBasis: null,
        snippet,
      });
    }
  }
  return out;
}

/** Search as the viewer may read. Filters that name nothing the viewer can see are reported, not ignored. */
export async function search(viewer: Viewer | null, query: SearchQuery): Promise<SearchOutcome> {
  const db = await getDb();
  let councilId: string | undefined;
  if (query.rad) {
    const council = await db.council.findUnique({ where: { slug: query.rad }, select: { id: true } });
    if (!council) return { ok: false, field: "rad", message: "Fant ikke rådet." };
    councilId = council.id;
  }
  if (query.organ) {
    const body = await db.body.findUnique({ where: { id: query.organ }, select: { councilId: true } });
    if (!body || (councilId && body.councilId !== councilId)) return { ok: false, field: "organ", message: "Organet hører ikke til det valgte rådet." };
  }
  if (query.fokus) {
    const area = await db.focusArea.findUnique({ where: { id: query.fokus }, select: { plan: { select: { id: true, councilId: true, revisionOpen: true, _count: { select: { versions: true } } } } } });
    const draftReader = !!area && can(viewer, "plan.read.draft", area.plan.councilId);
    // An area added in a revision in progress is not a reader's to filter by yet.
    const inAdopted = !!area && (!area.plan.revisionOpen || draftReader || !!(await adoptedHeads(db, [area.plan.id])).get(area.plan.id)?.areas.has(query.fokus));
    const visible = area && inAdopted && (area.plan._count.versions > 0 || draftReader);
    if (!area || !visible || (councilId && area.plan.councilId !== councilId)) return { ok: false, field: "fokus", message: "Fant ikke fokusområdet." };
  }
  // "Sak 4/22 budsjett": the case numbered so, and "budsjett" in the texts as in any other search.
  const caseNumber = parseCaseNumber(query.q);
  const words = caseNumber ? caseNumber.rest : query.q;
  const terms = substringTerms(words);
  const scope: Scope = {
    q: words,
    terms,
    caseNumber: caseNumber ? { number: caseNumber.number, year: caseNumber.year } : undefined,
    draftMeetings: councilsWith(viewer, "meeting.read.draft"),
    exempt: councilsWith(viewer, "case.read.exempt"),
    minutesApproved: councilsWith(viewer, "minutes.read.approved"),
    minutesComment: councilsWith(viewer, "minutes.read.comment"),
    minutesDraft: councilsWith(viewer, "minutes.read.draft"),
    planDraft: councilsWith(viewer, "plan.read.draft"),
    councilId,
    bodyId: query.organ,
    year: query.ar,
    focusAreaId: query.fokus,
  };
  const types = query.type ? [query.type] : SEARCH_TYPES;
  // Parts of compound words are looked for only when full text finds less than a page: a common
  // word ("møte") then costs one pass over its full-text hits instead of two. Cases found by their
  // number do not count: the number does not change how the words are matched.
  const pageOf = async (page: number) => {
    const fullText = await findHits({ ...scope, terms: [] }, types, page);
    return terms.length && fullText.textTotal < PAGE_SIZE ? findHits(scope, types, page) : fullText;
  };
  let hits = await pageOf(query.side);
  // A page past the last (an old link, a shorter list since) has no row to count from; the first
  // page tells how many there are, so the reader is told "N treff" and led back, not "Ingen treff".
  if (!hits.rows.length && query.side > 1) hits = { ...(await pageOf(1)), rows: [] };
  const { rows, total, capped } = hits;
  // "Ingen treff for «og»" would be untrue: the word is in nearly every text, and full text skips it.
  // Not so for a case number that no case has.
  if (total === 0 && !terms.length && !caseNumber) {
    const [{ nodes }] = await db.$queryRaw<{ nodes: number }[]>`SELECT numnode(websearch_to_tsquery('norwegian', ${query.q}))::int AS nodes`;
    if (nodes === 0) return { ok: true, total: 0, capped: false, page: query.side, pageCount: 1, results: [], onlyCommonWords: true };
  }
  const results = await hydrate(viewer, rows, terms);
  return { ok: true, total, capped, page: query.side, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), results };
}

/** The choices for the filters: councils and bodies are public, focus areas only of plans the viewer may read. */
/**
 * The choices of the search form. Bodies and focus areas are offered for the chosen council only:
 * with every council in one installation, all of them would be hundreds of options on every page.
 */
/** Focus areas as the reader may filter by them: those of a plan under revision as adopted, for a reader without draft rights. */
async function readersFocusAreas(viewer: Viewer | null, areas: { id: string; title: string; plan: { id: string; title: string; revisionOpen: boolean; councilId: string } }[]) {
  const db = await getDb();
  const heads = await adoptedHeads(db, areas.filter((a) => a.plan.revisionOpen && !can(viewer, "plan.read.draft", a.plan.councilId)).map((a) => a.plan.id));
  return areas.flatMap((a) => {
    const head = heads.get(a.plan.id);
    if (!head) return [{ id: a.id, title: a.title, planTitle: a.plan.title }];
    const title = head.areas.get(a.id);
    return title === undefined ? [] : [{ id: a.id, title, planTitle: head.title }];
  });
}

export async function listSearchFilters(viewer: Viewer | null, councilSlug?: string) {
  const db = await getDb();
  const planDraft = councilsWith(viewer, "plan.read.draft");
  const inCouncil = { council: { slug: councilSlug ?? "" } };
  const [councils, bodies, focusAreas, span] = await Promise.all([
    db.council.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    councilSlug
      ? db.body.findMany({ where: inCouncil, orderBy: [{ name: "asc" }], select: { id: true, name: true, council: { select: { slug: true, name: true } } } })
      : Promise.resolve([]),
    db.focusArea.findMany({
      where: { plan: { ...inCouncil, OR: [{ versions: { some: {} } }, { councilId: { in: planDraft } }] } },
      orderBy: [{ plan: { periodFrom: "desc" } }, { position: "asc" }],
      select: { id: true, title: true, plan: { select: { id: true, title: true, revisionOpen: true, councilId: true } } },
    }),
    // Two index lookups in one query; Prisma's aggregate wraps the table in a subquery that defeats the index.
    db.$queryRaw<{ first: Date | null; last: Date | null }[]>`SELECT
        (SELECT min("startsAt") FROM "Meeting") AS "first", (SELECT max("startsAt") FROM "Meeting") AS "last"`.then(([r]) => r),
  ]);
  const yearOf = (d: Date) => new TZDate(d, OSLO).getFullYear();
  const thisYear = yearOf(new Date());
  const first = span.first ? yearOf(span.first) : thisYear;
  const last = Math.max(thisYear, span.last ? yearOf(span.last) : thisYear);
  const years = Array.from({ length: last - first + 1 }, (_, i) => last - i);
  return {
    councils,
    bodies: bodies.map((b) => ({ id: b.id, name: b.name, councilSlug: b.council.slug, councilName: b.council.name })),
    focusAreas: await readersFocusAreas(viewer, focusAreas),
    years,
  };
}
