import { describe, expect, it } from "vitest";
import { auditScope, can, canManageUser, canReadExemptContent, canReadMeeting, canReadMinutes, canSetUserPassword, canUpdateActionItem, type Role, type Viewer } from "@/lib/authz/policy";

const viewer = (role: Role, councilId = "c1"): Viewer => ({
  userId: "u",
  name: "N",
  email: "n@x.no",
  personId: null,
  isSystemAdmin: false,
  councils: [{ councilId, slug: "s", name: "S", role }],
});

const draft = { councilId: "c1", status: "PLANNED", noticeSentAt: null };
const sent = { councilId: "c1", status: "NOTICE_SENT", noticeSentAt: new Date() };

describe("permission table", () => {
  it("gives each role exactly its powers in its own council", () => {
    expect(can(viewer("MEMBER"), "meeting.manage", "c1")).toBe(false);
    expect(can(viewer("COORDINATOR"), "action.update", "c1")).toBe(true);
    expect(can(viewer("COORDINATOR"), "action.manage", "c1")).toBe(false);
    expect(can(viewer("SECRETARIAT"), "meeting.manage", "c1")).toBe(true);
    expect(can(viewer("SECRETARIAT"), "user.manage", "c1")).toBe(false);
    expect(can(viewer("ADMIN"), "user.manage", "c1")).toBe(true);
  });

  it("gives nothing in another council, and nothing to anonymous visitors", () => {
    expect(can(viewer("ADMIN", "c2"), "council.read", "c1")).toBe(false);
    expect(can(null, "council.read", "c1")).toBe(false);
  });

  it("lets a system administrator act everywhere", () => {
    const sys = { ...viewer("MEMBER", "c9"), isSystemAdmin: true };
    expect(can(sys, "user.manage", "c1")).toBe(true);
  });
});

describe("resource rules", () => {
  it("hides draft meetings from all but the secretariat and admins", () => {
    expect(canReadMeeting(null, draft)).toBe(false);
    expect(canReadMeeting(viewer("MEMBER"), draft)).toBe(false);
    expect(canReadMeeting(viewer("COORDINATOR"), draft)).toBe(false);
    expect(canReadMeeting(viewer("SECRETARIAT"), draft)).toBe(true);
    expect(canReadMeeting(viewer("SECRETARIAT", "c2"), draft)).toBe(false);
  });

  it("publishes a meeting when its notice is sent", () => {
    expect(canReadMeeting(null, sent)).toBe(true);
  });

  it("shows minutes by their state", () => {
    const approvedPublished = { status: "APPROVED", publishedAt: new Date() };
    const approvedUnpublished = { status: "APPROVED", publishedAt: null };
    const comment = { status: "SENT_FOR_COMMENT", publishedAt: null };
    const draftMinutes = { status: "DRAFT", publishedAt: null };
    expect(canReadMinutes(null, "c1", approvedPublished)).toBe(true);
    expect(canReadMinutes(null, "c1", approvedUnpublished)).toBe(false);
    expect(canReadMinutes(viewer("MEMBER"), "c1", approvedUnpublished)).toBe(true);
    expect(canReadMinutes(viewer("MEMBER"), "c1", comment)).toBe(true);
    expect(canReadMinutes(viewer("MEMBER"), "c1", draftMinutes)).toBe(false);
    expect(canReadMinutes(null, "c1", comment)).toBe(false);
    expect(canReadMinutes(viewer("SECRETARIAT"), "c1", draftMinutes)).toBe(true);
  });

  it("keeps exempt content to the secretariat and admins of the council", () => {
    expect(canReadExemptContent(null, "c1")).toBe(false);
    expect(canReadExemptContent(viewer("MEMBER"), "c1")).toBe(false);
    expect(canReadExemptContent(viewer("SECRETARIAT"), "c1")).toBe(true);
    expect(canReadExemptContent(viewer("SECRETARIAT", "c2"), "c1")).toBe(false);
  });

  it("lets responsible members update their own action items, coordinators any in their council", () => {
    const member = { ...viewer("MEMBER"), personId: "p1" };
    expect(canUpdateActionItem(member, "c1", ["p1", "p2"])).toBe(true);
    expect(canUpdateActionItem(member, "c1", ["p2"])).toBe(false);
    expect(canUpdateActionItem({ ...viewer("MEMBER", "c2"), personId: "p1" }, "c1", ["p1"])).toBe(false);
    expect(canUpdateActionItem(viewer("COORDINATOR"), "c1", [])).toBe(true);
    expect(canUpdateActionItem(viewer("COORDINATOR", "c2"), "c1", [])).toBe(false);
    expect(canUpdateActionItem(null, "c1", ["p1"])).toBe(false);
  });
});

describe("user administration and the audit log", () => {
  const sys: Viewer = { ...viewer("MEMBER"), userId: "sys", isSystemAdmin: true, councils: [] };
  const target = (councilIds: string[], isSystemAdmin = false) => ({ id: "t", isSystemAdmin, councilIds });

  it("lets council administrators manage users wholly within their councils, never installation administrators or themselves", () => {
    expect(canManageUser(viewer("ADMIN"), target(["c1"]))).toBe(true);
    // A role in another council too: disabling would lock them out of it, so it is that council's call as well.
    expect(canManageUser(viewer("ADMIN"), target(["c1", "c2"]))).toBe(false);
    expect(canManageUser(viewer("ADMIN"), target(["c2"]))).toBe(false);
    expect(canManageUser(viewer("ADMIN"), target([]))).toBe(false);
    expect(canManageUser(viewer("ADMIN"), target(["c1"], true))).toBe(false);
    expect(canManageUser(viewer("SECRETARIAT"), target(["c1"]))).toBe(false);
    expect(canManageUser(viewer("ADMIN"), { ...target(["c1"]), id: "u" })).toBe(false);
    expect(canManageUser(sys, target([], true))).toBe(true);
  });

  it("lets a council administrator set a password only for users wholly within their councils", () => {
    expect(canSetUserPassword(viewer("ADMIN"), target(["c1"]))).toBe(true);
    expect(canSetUserPassword(viewer("ADMIN"), target(["c1", "c2"]))).toBe(false);
    expect(canSetUserPassword(viewer("ADMIN"), target([]))).toBe(false);
    expect(canSetUserPassword(sys, target(["c1", "c2"]))).toBe(true);
    expect(canSetUserPassword({ ...sys, userId: "t" }, target([]))).toBe(false);
  });

  it("gives installation administrators the whole audit log and council administrators their councils'", () => {
    expect(auditScope(sys)).toEqual({ all: true });
    expect(auditScope(viewer("ADMIN"))).toEqual({ all: false, councilIds: ["c1"] });
    expect(auditScope(viewer("SECRETARIAT"))).toBeNull();
    expect(auditScope(null)).toBeNull();
  });
});
