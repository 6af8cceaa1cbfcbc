import { randomBytes } from "node:crypto";
import path from "node:path";
import "@/tests/helpers/action-mocks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { seedDemoData } from "@/prisma/seed/seed";
import { generateScaleData } from "@/lib/scale/generate";
import { can, canApproveMinutesElectronically, canManageUser, canSetUserPassword, canUpdateActionItem, canWriteRoundTable, type ManagedUser, type Viewer } from "@/lib/authz/policy";
import { actionFiles, callAction, changedTables, fingerprinter, harness, idKind, loadActions, loadSchemas, OBJECT_INPUT, type ActionEntry, type Outcome } from "@/tests/helpers/action-harness";

// The access matrix for server actions (issue 9, requirement 1). Every exported server action, found
// on disk, is called directly (not through a page) as every role — installation admin, secretariat,
// coordinator and member of Ringeriksregionen, and an anonymous visitor — against resources of the
// own council and of another council (Indre Østfold): a draft meeting and plan, a meeting with an
// exempt case, and a meeting whose minutes are approved with an adopted plan.
//
// What each action requires is stated once below, as the rule of lib/authz/policy.ts it enforces;
// whether a role passes is what that policy answers for the role's viewer and the resource.
//  – Refused by the policy: the action must answer 404 or 403 (notFound()/forbidden(), which Next
//    sends as the response status) and must have written nothing, in any table.
//  – Allowed: the action must not answer 404/403. It may still refuse with a message (a stale
//    version, minutes already approved); forms here carry a stale version where they have one, so
//    that most allowed calls leave the data as it was for the calls after them.
// Runs on PGlite and on PostgreSQL (TEST_DATABASE_URL). tests/e2e/access-matrix.spec.ts does the same
// for every page route, and posts actions over HTTP.

process.env.PUBLIC_URL = "https://ipr.example";
process.env.STORAGE_DIR = path.join(process.env.TMPDIR ?? "/tmp", `ipr-access-matrix-${process.pid}`);


const ROLES = { admin: "admin@ipr.example", secretariat: "sekretariat@ipr.example", coordinator: "koordinator@ipr.example", member: "medlem@ipr.example", anonymous: null } as const;
type RoleName = keyof typeof ROLES;
const OWN = "ringeriksregionen";
// The demo's second council has no meetings; the other council is one the national-scale
// generator (lib/scale/generate.ts) adds beside the demo data, with meetings in every state,
// exempt cases, approved minutes, adopted plans and follow-up.
let otherSlug = "";

type ScenarioName = `${"own" | "other"}-${"draft" | "exempt" | "approved"}`;
const SCENARIOS: ScenarioName[] = ["own-draft", "own-exempt", "own-approved", "other-draft", "other-exempt", "other-approved"];

/** The rows one scenario's forms name, read afresh before each action (allowed calls may have changed them). */
type World = {
  councilId: string;
  slug: string;
  ids: Record<string, string>;
  /** For the policy: the people responsible for the action item, the chair who signs the minutes, the user acted on. */
  assignees: string[];
  chairId: string | null;
  targetUser: ManagedUser;
  planPeriodTo: number;
};

/** The rule of the policy each action enforces, for a viewer and the scenario's resource. */
type Rule = (v: Viewer | null, w: World) => boolean | Promise<boolean>;
const perm = (p: Parameters<typeof can>[1]): Rule => (v, w) => can(v, p, w.councilId);
const anyone: Rule = () => true;
const signedIn: Rule = (v) => v !== null;

let representedOrganizations: (viewer: Viewer, councilId: string, at: Date) => Promise<{ id: string }[]>;
let meetingStart: Date;
let invitationToken = "";

const RULES: Record<string, Rule> = {
  // Sign-in, sign-out and the external providers are for anyone; the rest of the account is the viewer's own.
  loginAction: anyone,
  logoutAction: anyone,
  signInWithProviderAction: anyone,
  changePasswordAction: signedIn,
  setReminderPreferenceAction: signedIn,
  // The token from the invitation e-mail is the authorization.
  respondToInvitationAction: anyone,
  // Meetings and agendas.
  createMeetingAction: perm("meeting.manage"),
  createMeetingPlanAction: perm("meeting.manage"),
  updateMeetingAction: perm("meeting.manage"),
  cancelMeetingAction: perm("meeting.manage"),
  addAgendaItemAction: perm("meeting.manage"),
  addFollowUpListItemAction: perm("meeting.manage"),
  updateAgendaItemAction: perm("meeting.manage"),
  moveAgendaItemAction: perm("meeting.manage"),
  activateProposalAction: perm("meeting.manage"),
  withdrawAgendaItemAction: perm("meeting.manage"),
  restoreAgendaItemAction: perm("meeting.manage"),
  proposeAgendaItemAction: perm("meeting.manage"),
  forwardCaseAction: perm("meeting.manage"),
  addCaseReferenceAction: perm("meeting.manage"),
  sendNoticeAction: perm("meeting.manage"),
  uploadAttachmentAction: perm("meeting.manage"),
  // The register of people.
  createPersonAction: perm("council.manage"),
  updatePersonAction: perm("council.manage"),
  addMembershipAction: perm("council.manage"),
  endMembershipAction: perm("council.manage"),
  // The council's members and bodies.
  createBodyAction: perm("council.manage"),
  updateBodyAction: perm("council.manage"),
  addCouncilMemberAction: perm("council.manage"),
  endCouncilMemberAction: perm("council.manage"),
  updateAttachmentAction: perm("meeting.manage"),
  deleteAttachmentAction: perm("meeting.manage"),
  // Minutes.
  startMinutesAction: perm("minutes.manage"),
  saveItemMinutesAction: perm("minutes.manage"),
  saveAttendanceAction: perm("minutes.manage"),
  addAttendeeAction: perm("minutes.manage"),
  saveMinutesHeaderAction: perm("minutes.manage"),
  sendMinutesForCommentAction: perm("minutes.manage"),
  approveMinutesByItemAction: perm("minutes.manage"),
  addErratumAction: perm("minutes.manage"),
  proposeItemFromMinutesAction: (v, w) => can(v, "minutes.manage", w.councilId) && can(v, "meeting.manage", w.councilId),
  setPublishMinutesAction: (v, w) => can(v, "minutes.manage", w.councilId) && can(v, "council.manage", w.councilId),
  addMinutesCommentAction: perm("minutes.read.comment"),
  approveMinutesElectronicallyAction: (v, w) => canApproveMinutesElectronically(v, w.councilId, w.chairId),
  saveRoundTableAction: async (v, w) => {
    if (!v) return false;
    const represented = can(v, "minutes.manage", w.councilId) ? [] : (await representedOrganizations(v, w.councilId, meetingStart)).map((o) => o.id);
    return canWriteRoundTable(v, w.councilId, w.ids.organization, represented);
  },
  createActionItemFromDecisionAction: perm("action.manage"),
  // Follow-up.
  updateActionStatusAction: (v, w) => canUpdateActionItem(v, w.councilId, w.assignees),
  uploadActionAttachmentAction: (v, w) => canUpdateActionItem(v, w.councilId, w.assignees),
  editActionItemAction: perm("action.manage"),
  // Plans.
  createPlanAction: perm("plan.manage"),
  updatePlanAction: perm("plan.manage"),
  saveSectionAction: perm("plan.manage"),
  saveFocusAreaAction: perm("plan.manage"),
  saveGoalAction: perm("plan.manage"),
  saveMeasureAction: perm("plan.manage"),
  addMeasuresAction: perm("plan.manage"),
  deletePlanPartAction: perm("plan.manage"),
  movePlanPartAction: perm("plan.manage"),
  adoptPlanAction: perm("plan.manage"),
  startPlanRevisionAction: perm("plan.manage"),
  copyPlanAction: perm("plan.manage"),
  addPlanTagAction: perm("plan.manage"),
  removePlanTagAction: perm("plan.manage"),
  saveEvaluationAreaAction: perm("plan.manage"),
  saveEvaluationSummaryAction: perm("plan.manage"),
  updateMeasureStatusAction: perm("plan.update"),
  // User administration.
  setUserDisabledAction: (v, w) => canManageUser(v, w.targetUser),
  setUserPasswordAction: (v, w) => canSetUserPassword(v, w.targetUser),
  removeUserIdentityAction: (v, w) => canManageUser(v, w.targetUser),
};

/** Actions that act on no resource of a council: called once per role, not once per scenario. */
const UNSCOPED = new Set(["loginAction", "logoutAction", "signInWithProviderAction", "changePasswordAction", "setReminderPreferenceAction", "respondToInvitationAction"]);

// Values for the fields that are not ids, so that every form passes validation and reaches the
// authorization check (which comes after it). A stale version where the form has one.
const STALE = "999999";
const FIELD_VALUES: Record<string, string> = {
  version: STALE,
  minutesVersion: STALE,
  minutesHash: "0".repeat(64),
  validFrom: "2027-05-03",
  validTo: "2027-06-01",
  substituteOrder: "1",
  targetMeetingsPerYear: "4",
  activeFrom: "",
  activeTo: "",
  phone: "12345678",
  currentVersion: STALE,
  title: "Matrisesak",
  text: "Tekst fra tilgangsmatrisen.",
  name: "Matrise Person",
  reason: "Tilgangsmatrisen prøver",
  comment: "Kommentar fra matrisen.",
  date: "2027-05-03",
  startTime: "14:00",
  endTime: "15:00",
  location: "Kommunehuset",
  remoteUrl: "",
  lines: "2027-05-03 14:00-15:00 Kommunehuset",
  reference: "4/22",
  email: "matrise@ipr.example",
  password: "feil-passord-matrise",
  currentPassword: "feil-passord-matrise",
  newPassword: "Et langt nytt passord for matrisen 7",
  repeatPassword: "Et langt nytt passord for matrisen 7",
  adoptedAt: "2026-06-01",
  dueDate: "2027-06-01",
  deadline: "2027-06-01",
  fingerprint: "matrise",
  year: "2026",
  periodFrom: "2026",
  periodTo: "2029",
  part: "focusArea",
  direction: "up",
  target: "case",
  response: "ABSENT",
  kind: "GUEST",
  organization: "Matrise kommune",
  provider: "microsoft-entra-id",
};

const actions: ActionEntry[] = await loadActions(await loadSchemas());

/**
 * Field errors an allowed viewer may get from the action itself, past authorization: a stale
 * version, a wrong current password, a case number found in several series, a person already
 * on the attendance list.
 */
const AFTER_AUTHORIZATION = /version$|^currentPassword$|^reference$|^name$/i;

describe("access matrix: every server action × role × resource", () => {
  let t: TestDb;
  const viewers = {} as Record<RoleName, Viewer | null>;
  let fingerprint: () => Promise<Record<string, string>>;
  const tally = { refused: 0, allowed: 0, calls: 0 };

  beforeAll(async () => {
    t = await createTestDb();
    harness.db = t.db;
    await seedDemoData(t.db);
    await generateScaleData(t.db, { scale: 0.001, seed: 3, passwordHash: "ikke-et-passord" });
    otherSlug = (await t.db.council.findFirstOrThrow({ where: { slug: { notIn: [OWN, "indre-ostfold"] } }, select: { slug: true } })).slug;
    // Invitations are made when a notice is sent, and the demo data has none outstanding.
    const upcoming = await t.db.meeting.findFirstOrThrow({ where: { body: { council: { slug: OWN } }, status: "PLANNED" }, select: { id: true, body: { select: { memberships: { select: { personId: true }, take: 1 } } } } });
    invitationToken = randomBytes(32).toString("base64url");
    await t.db.invitation.create({ data: { meetingId: upcoming.id, personId: upcoming.body.memberships[0].personId, token: invitationToken } });
    fingerprint = await fingerprinter(t.db);
    const { loadViewer } = await import("@/lib/authz/viewer");
    ({ representedOrganizations } = await import("@/lib/minutes/queries"));
    for (const [role, email] of Object.entries(ROLES) as [RoleName, string | null][]) {
      if (!email) {
        viewers[role] = null;
        continue;
      }
      const u = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
      viewers[role] = await loadViewer(u.id, u.sessionVersion);
    }
  }, 240_000);

  afterAll(async () => {
    console.log(`Tilgangsmatrisen: ${tally.calls} kall, ${tally.refused} nektet (404/403, ingenting skrevet), ${tally.allowed} tillatt.`);
    await t?.close();
    const { rm } = await import("node:fs/promises");
    await rm(process.env.STORAGE_DIR!, { recursive: true, force: true });
  });

  /** The scenario's rows, as they are now. */
  async function world(name: ScenarioName): Promise<World> {
    const db = t.db;
    const [side, state] = name.split("-") as ["own" | "other", "draft" | "exempt" | "approved"];
    const council = await db.council.findUniqueOrThrow({ where: { slug: side === "own" ? OWN : otherSlug }, select: { id: true, slug: true } });
    const inCouncil = { body: { councilId: council.id } };
    const meetingWhere =
      state === "draft"
        ? { ...inCouncil, noticeSentAt: null, status: "PLANNED" as const }
        : state === "exempt"
          ? { ...inCouncil, items: { some: { case: { isExempt: true } } } }
          : { ...inCouncil, minutes: { status: "APPROVED" as const } };
    const meeting =
      (await db.meeting.findFirst({ where: meetingWhere, orderBy: { startsAt: "asc" }, select: { id: true, bodyId: true, startsAt: true } })) ??
      (await db.meeting.findFirstOrThrow({ where: inCouncil, orderBy: { startsAt: "asc" }, select: { id: true, bodyId: true, startsAt: true } }));
    const item =
      (await db.agendaItem.findFirst({ where: { meetingId: meeting.id, ...(state === "exempt" ? { case: { isExempt: true } } : {}) }, orderBy: { position: "asc" }, select: { id: true, caseId: true } })) ??
      (await db.agendaItem.findFirstOrThrow({ where: { meeting: inCouncil }, select: { id: true, caseId: true } }));
    const otherMeeting = await db.meeting.findFirst({ where: { ...inCouncil, id: { not: meeting.id }, status: { in: ["PLANNED", "NOTICE_SENT"] } }, select: { id: true } });
    const planWhere = state === "draft" ? { councilId: council.id, status: "DRAFT" as const } : { councilId: council.id, status: { not: "DRAFT" as const } };
    const planSelect = { id: true, periodTo: true } as const;
    // A plan with content: the empty drafts allowed calls create name no parts.
    const withParts = { focusAreas: { some: { measures: { some: {} } } } };
    const plan =
      (await db.plan.findFirst({ where: { ...planWhere, ...withParts }, orderBy: { id: "asc" }, select: planSelect })) ??
      (await db.plan.findFirstOrThrow({ where: { councilId: council.id, ...withParts }, orderBy: { id: "asc" }, select: planSelect }));
    const one = async <T extends { id: string }>(p: Promise<T | null>) => (await p)?.id ?? "cl0000000000000000000none";
    const actionItem = await db.actionItem.findFirstOrThrow({ where: { councilId: council.id }, select: { id: true, assignees: { select: { personId: true } } } });
    const minutes = await db.minutes.findFirst({ where: { meetingId: meeting.id }, select: { id: true, signedByChairId: true } });
    const decision = await one(db.decision.findFirst({ where: { agendaItem: { meeting: inCouncil } }, select: { id: true } }));
    const user = await db.user.findFirstOrThrow({
      where: { isSystemAdmin: false, roles: { some: { councilId: council.id, role: "COORDINATOR" } } },
      select: { id: true, roles: { select: { councilId: true } } },
    }).catch(() => db.user.findFirstOrThrow({ where: { isSystemAdmin: false, roles: { some: { councilId: council.id } } }, select: { id: true, roles: { select: { councilId: true } } } }));
    const focusArea = await one(db.focusArea.findFirst({ where: { planId: plan.id }, select: { id: true } }));
    // A link between a case and the plan for removePlanTagAction; an allowed call removes it.
    if (!(await db.caseTag.count({ where: { case: { councilId: council.id } } }))) {
      const theCase = await db.case.findFirstOrThrow({ where: { councilId: council.id }, select: { id: true } });
      await db.caseTag.create({ data: { caseId: theCase.id, focusAreaId: focusArea } });
    }
    // A file on the item, for the attachment actions; an allowed delete removes it, so one is made when missing.
    const attachmentWhere = { OR: [{ agendaItemId: item.id }, ...(item.caseId ? [{ caseId: item.caseId }] : [])] };
    const attachment =
      (await db.attachment.findFirst({ where: attachmentWhere, select: { id: true } })) ??
      (await db.attachment.create({
        data: { councilId: council.id, caseId: item.caseId, agendaItemId: item.caseId ? null : item.id, meetingId: meeting.id, fileName: "matrise.pdf", contentType: "application/pdf", sizeBytes: 10, sha256: "matrise", storageKey: `attachments/matrise-${item.id}-${Date.now()}` },
        select: { id: true },
      }));
    const ids: Record<string, string> = {
      attachment: attachment.id,
      councilMember: await one(db.councilMember.findFirst({ where: { councilId: council.id }, orderBy: { id: "asc" }, select: { id: true } })),
      membership: await one(db.bodyMembership.findFirst({ where: { body: { councilId: council.id } }, orderBy: { id: "asc" }, select: { id: true } })),
      meeting: meeting.id,
      otherMeeting: otherMeeting?.id ?? meeting.id,
      agendaItem: item.id,
      // Without one, the item is refused with a message, past authorization.
      roundTableItem: (await db.agendaItem.findFirst({ where: { meeting: inCouncil, type: "RUNDE_RUNDT_BORDET" }, orderBy: { meeting: { startsAt: "desc" } }, select: { id: true } }))?.id ?? item.id,
      case: item.caseId ?? (await one(db.case.findFirst({ where: { councilId: council.id }, select: { id: true } }))),
      decision,
      minutes: minutes?.id ?? (await one(db.minutes.findFirst({ where: { meeting: inCouncil }, select: { id: true } }))),
      actionItem: actionItem.id,
      plan: plan.id,
      focusArea,
      goal: await one(db.goal.findFirst({ where: { focusArea: { planId: plan.id } }, select: { id: true } })),
      measure: await one(db.measure.findFirst({ where: { focusArea: { planId: plan.id } }, select: { id: true } })),
      planSection: await one(db.planSection.findFirst({ where: { planId: plan.id }, select: { id: true } })),
      person: await one(db.person.findFirst({ where: { bodyMemberships: { some: { body: { councilId: council.id } } } }, select: { id: true } })),
      body: meeting.bodyId,
      organization: await one(db.organization.findFirst({ where: { councilMemberships: { some: { councilId: council.id } } }, select: { id: true } })),
      user: user.id,
      // The user's link to an external account, made here: the data sets have none.
      identity: (await db.userIdentity.upsert({ where: { provider_subject: { provider: "microsoft-entra-id", subject: `matrise-${user.id}` } }, create: { provider: "microsoft-entra-id", subject: `matrise-${user.id}`, userId: user.id }, update: {}, select: { id: true } })).id,
      attendance: await one(db.attendance.findFirst({ where: { meetingId: meeting.id }, select: { id: true } })),
      tag: await one(db.caseTag.findFirst({ where: { case: { councilId: council.id } }, select: { id: true } })),
      token: invitationToken,
      councilSlug: council.slug,
    };
    ids.caseOrDecision = ids.case;
    ids.planPart = ids.focusArea;
    ids.tagRef = `area:${ids.focusArea}`;
    ids.ownerRef = `person:${ids.person}`;
    meetingStart = meeting.startsAt;
    return {
      councilId: council.id,
      slug: council.slug,
      ids,
      assignees: actionItem.assignees.map((a) => a.personId).filter((x): x is string => !!x),
      chairId: minutes?.signedByChairId ?? null,
      targetUser: { id: user.id, isSystemAdmin: false, councilIds: user.roles.map((r) => r.councilId) },
      planPeriodTo: plan.periodTo,
    };
  }

  let serial = 0;

  /** A valid form for the action, naming the scenario's rows. */
  function form(a: ActionEntry, w: World): unknown {
    const ids = w.ids;
    if (OBJECT_INPUT.has(a.name)) return { itemId: ids.agendaItem, version: Number(STALE), notes: "Notat", decisionKind: "VEDTAK", decisionText: "Vedtak.", voting: "NONE", proposals: [], disqualifications: [] };
    const special: Record<string, Record<string, string>> = {
      // The part named by `id` is the focus area; the tag names the focus area of the same plan.
      deletePlanPartAction: { part: "focusArea", id: ids.focusArea },
      movePlanPartAction: { part: "focusArea", id: ids.focusArea, direction: "up" },
      addPlanTagAction: { target: "case", targetId: ids.case, tag: `area:${ids.focusArea}` },
      removePlanTagAction: { target: "case", tagId: ids.tag },
      proposeAgendaItemAction: { fromMeetingId: ids.meeting, targetMeetingId: ids.otherMeeting },
      saveMeasureAction: { owner: `person:${ids.person}`, goalId: "" },
      createPlanAction: { kind: "ACTION_PLAN", strategyId: "" },
      updatePlanAction: { kind: "ACTION_PLAN", strategyId: "" },
      saveRoundTableAction: { itemId: ids.roundTableItem },
      // A copy starts after the plan's period.
      copyPlanAction: { year: String(w.planPeriodTo + 1) },
      // Abbreviations and kommunenummer are unique, so each allowed call names new ones.
      createBodyAction: { abbreviation: `M${++serial}`, name: `Matriseorgan ${serial}` },
      updateBodyAction: { parentBodyId: "", abbreviation: `U${++serial}` },
      addCouncilMemberAction: { municipalityNumber: String(9000 + ++serial) },
    };
    if (a.name === "saveAttendanceAction") return [["meetingId", ids.meeting], ["fingerprint", "matrise"], ["attendanceId", ids.attendance], [`status.${ids.attendance}`, "PRESENT"]];
    const entries: [string, string][] = [];
    for (const [field, options] of a.fields) {
      const override = special[a.name]?.[field];
      // A second meeting of the council where the form names two.
      const kind = field === "targetMeetingId" ? "otherMeeting" : idKind(field);
      if (kind && !ids[kind]) throw new Error(`${a.name}: the matrix has no ${kind} for the field ${field}`);
      const value = override ?? (kind ? ids[kind] : /version$/i.test(field) ? STALE : (options.find((o) => o !== "") ?? FIELD_VALUES[field] ?? "Matrise"));
      entries.push([field, value]);
    }
    if (a.fields.has("file")) {
      const i = entries.findIndex(([k]) => k === "file");
      (entries as [string, string | File][])[i] = ["file", new File([new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n")], "matrise.pdf", { type: "application/pdf" })];
    }
    return entries;
  }

  it("has a rule for every action on disk, and no rule for an action that is gone", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(8);
    const names = actions.map((a) => a.name).sort();
    expect(names.filter((n) => !RULES[n]), "actions without a rule in the matrix").toEqual([]);
    expect(Object.keys(RULES).filter((n) => !names.includes(n)), "rules for actions that no longer exist").toEqual([]);
  });

  const refusal = (o: Outcome) => o === "notFound" || o === "forbidden";

  it.each(actions.map((a) => [a.name, a] as const))("%s", async (name, a) => {
    const scenarios: (ScenarioName | null)[] = UNSCOPED.has(name) ? [null] : SCENARIOS;
    const mismatches: string[] = [];
    for (const s of scenarios) {
      let w = await world(s ?? "own-draft");
      // Forbidden roles first, while the rows are as seeded; then the allowed ones.
      const roles = Object.keys(ROLES) as RoleName[];
      const expected = new Map<RoleName, boolean>();
      for (const r of roles) expected.set(r, await RULES[name](viewers[r], w));
      for (const r of [...roles.filter((x) => !expected.get(x)), ...roles.filter((x) => expected.get(x))]) {
        harness.viewer = viewers[r];
        const input = form(a, w);
        const before = await fingerprint();
        const { outcome, state } = await callAction(a, input);
        const changed = changedTables(before, await fingerprint());
        tally.calls++;
        // An allowed call that wrote may have removed a row the next role's form names.
        if (changed.length) w = await world(s ?? "own-draft");
        const where = `${name} as ${r} on ${s ?? "—"}`;
        if (!expected.get(r)) {
          tally.refused++;
          if (!refusal(outcome)) mismatches.push(`${where}: the policy refuses, the action answered ${outcome} ${JSON.stringify(state ?? "").slice(0, 200)}`);
          if (changed.length) mismatches.push(`${where}: refused, but wrote to ${changed.join(", ")}`);
        } else {
          tally.allowed++;
          if (refusal(outcome)) mismatches.push(`${where}: the policy allows, the action answered ${outcome}`);
          const fields = (state as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors;
          // A form the schema refuses never reaches authorization: the matrix would test nothing.
          if (fields && Object.keys(fields).some((k) => !AFTER_AUTHORIZATION.test(k))) mismatches.push(`${where}: the matrix's form is invalid: ${JSON.stringify(fields)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
