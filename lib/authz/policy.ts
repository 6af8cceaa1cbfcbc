// The one permission table. Every query and action asks here; pages and the proxy only redirect
// for convenience. See docs/decisions/003-authorization.md.

export const ROLES = ["ADMIN", "SECRETARIAT", "COORDINATOR", "MEMBER"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "council.read", // the council's portal pages
  "council.manage", // bodies, members, people
  "meeting.read", // meetings whose notice is sent
  "meeting.read.draft", // meetings before the notice is sent
  "meeting.manage", // create, edit, move, cancel, agenda, send notice
  "case.read.exempt", // exempt content (saksframlegg, attachments) of exempt cases
  "minutes.read.approved",
  "minutes.read.comment", // draft minutes sent to members for comment
  "minutes.read.draft",
  "minutes.manage",
  "action.read",
  "action.update", // status and progress notes
  "action.manage", // create, reassign, change due dates
  "plan.read",
  "plan.read.draft",
  "plan.update", // measure status and progress notes
  "plan.manage", // plan text, adoption, revisions, tags, evaluations
  "roundtable.submit",
  "audit.read",
  "user.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const member: Permission[] = [
  "council.read",
  "meeting.read",
  "minutes.read.approved",
  "minutes.read.comment",
  "action.read",
  "plan.read",
  "roundtable.submit",
];
const coordinator: Permission[] = [...member, "action.update", "plan.update"];
const secretariat: Permission[] = [
  ...coordinator,
  "council.manage",
  "meeting.read.draft",
  "meeting.manage",
  "case.read.exempt",
  "minutes.read.draft",
  "minutes.manage",
  "action.manage",
  "plan.read.draft",
  "plan.manage",
];
const admin: Permission[] = [...secretariat, "audit.read", "user.manage"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(admin),
  SECRETARIAT: new Set(secretariat),
  COORDINATOR: new Set(coordinator),
  MEMBER: new Set(member),
};

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Administrator",
  SECRETARIAT: "Sekretariat",
  COORDINATOR: "Koordinator",
  MEMBER: "Medlem",
};

export type ViewerCouncil = { councilId: string; slug: string; name: string; role: Role };
export type Viewer = {
  userId: string;
  name: string;
  email: string;
  personId: string | null;
  isSystemAdmin: boolean;
  councils: ViewerCouncil[];
};

export function roleIn(viewer: Viewer | null, councilId: string): Role | null {
  if (!viewer) return null;
  if (viewer.isSystemAdmin) return "ADMIN";
  return viewer.councils.find((c) => c.councilId === councilId)?.role ?? null;
}

export function can(viewer: Viewer | null, permission: Permission, councilId: string): boolean {
  const role = roleIn(viewer, councilId);
  return role ? ROLE_PERMISSIONS[role].has(permission) : false;
}

// ── Resource rules: what "published" means, in one place ──

export type MeetingState = { councilId: string; status: string; noticeSentAt: Date | null };

export function isNoticePublished(m: Pick<MeetingState, "noticeSentAt">): boolean {
  return m.noticeSentAt !== null;
}

export function canReadMeeting(viewer: Viewer | null, m: MeetingState): boolean {
  if (can(viewer, "meeting.read.draft", m.councilId)) return true;
  if (isNoticePublished(m)) return true; // notices are public once sent (kommuneloven § 11-3)
  return false;
}

export type MinutesState = { status: string; publishedAt: Date | null };

export function canReadMinutes(viewer: Viewer | null, councilId: string, minutes: MinutesState): boolean {
  if (minutes.status === "APPROVED" && minutes.publishedAt) return true;
  if (minutes.status === "APPROVED") return can(viewer, "minutes.read.approved", councilId);
  if (minutes.status === "SENT_FOR_COMMENT" && can(viewer, "minutes.read.comment", councilId)) return true;
  return can(viewer, "minutes.read.draft", councilId);
}

/**
 * Electronic approval is the chair's act: the person who signs the minutes as møteleder, signed in
 * as themselves, and a reader of the council. The secretariat records approval at the next meeting.
 */
export function canApproveMinutesElectronically(viewer: Viewer | null, councilId: string, chairPersonId: string | null): boolean {
  if (!viewer?.personId || !chairPersonId) return false;
  return viewer.personId === chairPersonId && can(viewer, "minutes.read.comment", councilId);
}

/** A representative writes their own organisation's round-table contribution; the secretariat any. */
export function canWriteRoundTable(viewer: Viewer | null, councilId: string, organizationId: string, representedOrganizationIds: readonly string[]): boolean {
  if (can(viewer, "minutes.manage", councilId)) return true;
  return can(viewer, "roundtable.submit", councilId) && representedOrganizationIds.includes(organizationId);
}

/**
 * Status and progress notes on an action item: coordinators and the secretariat on any item of the
 * council, and the people named responsible on their own items.
 */
export function canUpdateActionItem(viewer: Viewer | null, councilId: string, assigneePersonIds: readonly string[]): boolean {
  if (can(viewer, "action.update", councilId)) return true;
  return !!viewer?.personId && can(viewer, "action.read", councilId) && assigneePersonIds.includes(viewer.personId);
}

/** The secretariat reads plans as they are drafted; members read plans once a version is adopted. */
export function canReadPlan(viewer: Viewer | null, councilId: string, hasAdoptedVersion: boolean): boolean {
  if (can(viewer, "plan.read.draft", councilId)) return true;
  return hasAdoptedVersion && can(viewer, "plan.read", councilId);
}

/** What a user administrator needs to know about the account they act on. */
export type ManagedUser = { id: string; isSystemAdmin: boolean; councilIds: readonly string[] };

/**
 * Disabling, enabling, a new password and removing an external link act on the whole account, in
 * every council it has a role in. So an installation administrator may do them to anyone but
 * themselves, a council administrator only to users whose every role is in councils they administer:
 * never to a member of another council too (whose own administrator would lose them), nor to an
 * installation administrator.
 */
export function canManageUser(viewer: Viewer | null, target: ManagedUser): boolean {
  if (!viewer || target.id === viewer.userId) return false;
  if (viewer.isSystemAdmin) return true;
  return !target.isSystemAdmin && target.councilIds.length > 0 && target.councilIds.every((id) => can(viewer, "user.manage", id));
}

/** Setting someone's password takes over their account; one's own is changed with the current one, on the settings page. */
export function canSetUserPassword(viewer: Viewer | null, target: ManagedUser): boolean {
  return canManageUser(viewer, target);
}

/**
 * Which audit events a viewer may read: installation administrators all of them (sign-ins and user
 * administration have no council); council administrators those of the councils where they hold
 * `audit.read`. Null: none at all.
 */
export type AuditScope = { all: true } | { all: false; councilIds: string[] };

export function auditScope(viewer: Viewer | null): AuditScope | null {
  if (!viewer) return null;
  if (viewer.isSystemAdmin) return { all: true };
  const councilIds = viewer.councils.filter((c) => can(viewer, "audit.read", c.councilId)).map((c) => c.councilId);
  return councilIds.length ? { all: false, councilIds } : null;
}

/** Adopted plans are public: anyone reads their latest adopted version, as adopted (the public plan queries filter so). */
export function isPlanPublic(hasAdoptedVersion: boolean): boolean {
  return hasAdoptedVersion;
}

/** The outbox spans every council (addresses and contents of all of them): installation administrators only. */
export function canReadOutbox(viewer: Viewer | null): boolean {
  return !!viewer?.isSystemAdmin;
}

export function canReadExemptContent(viewer: Viewer | null, councilId: string): boolean {
  return can(viewer, "case.read.exempt", councilId);
}

export function assertCan(viewer: Viewer | null, permission: Permission, councilId: string): void {
  if (!can(viewer, permission, councilId)) throw new AuthorizationError(permission);
}

export class AuthorizationError extends Error {
  constructor(public readonly permission: string) {
    super(`Mangler tilgang: ${permission}`);
    this.name = "AuthorizationError";
  }
}
