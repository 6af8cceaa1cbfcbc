import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import type { Viewer } from "@/lib/authz/policy";

// The user list offers «Deaktiver» only where setUserDisabledAction would let the viewer through
// (canManageUser): a council administrator sees an installation administrator of the council listed,
// with the status as text, not a button that answers 403.
let t: TestDb;
let pageViewer: Viewer | null = null;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => pageViewer }));
vi.mock("@/lib/server/auth", () => ({ auth: async () => null, clientIp: async () => null, externalProviderList: () => [{ id: "oidc", name: "Kommunens pålogging" }] }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", async () => (await import("@/tests/helpers/action-harness")).navigationModule);

const { default: UsersPage } = await import("@/app/(portal)/portal/(home)/admin/brukere/page");
const { removeUserIdentityAction, setUserDisabledAction } = await import("@/lib/users/actions");
const { Forbidden, toFormData } = await import("@/tests/helpers/action-harness");

describe("the user list's status column", () => {
  let councilAdmin: Viewer;
  let systemAdmin: Viewer;

  beforeAll(async () => {
    t = await createTestDb();
    const c = await t.db.council.create({ data: { slug: "brukerradet", name: "Brukerrådet" }, select: { id: true } });
    const admin = await t.db.user.create({ data: { email: "radsadmin@kommune.no", name: "Rådsadmin", roles: { create: { councilId: c.id, role: "ADMIN" } } }, select: { id: true } });
    const sys = await t.db.user.create({ data: { email: "drift@kommune.no", name: "Driftsansvarlig", isSystemAdmin: true, roles: { create: { councilId: c.id, role: "ADMIN" } } }, select: { id: true } });
    await t.db.user.create({ data: { email: "medlem@kommune.no", name: "Medlem Medlemsen", roles: { create: { councilId: c.id, role: "MEMBER" } } } });
    const other = await t.db.council.create({ data: { slug: "naboradet", name: "Naborådet" }, select: { id: true } });
    await t.db.user.create({ data: { email: "delt@kommune.no", name: "Delt Bruker", roles: { create: [{ councilId: c.id, role: "MEMBER" }, { councilId: other.id, role: "ADMIN" }] } } });
    await t.db.user.create({ data: { email: "sluttet@kommune.no", name: "Sluttet Sekretær", isDisabled: true, roles: { create: { councilId: c.id, role: "SECRETARIAT" } } } });
    const councils = [{ councilId: c.id, slug: "brukerradet", name: "Brukerrådet", role: "ADMIN" as const }];
    councilAdmin = { userId: admin.id, name: "Rådsadmin", email: "radsadmin@kommune.no", personId: null, isSystemAdmin: false, councils };
    systemAdmin = { userId: sys.id, name: "Driftsansvarlig", email: "drift@kommune.no", personId: null, isSystemAdmin: true, councils };
  }, 120_000);
  afterAll(async () => t?.close());

  async function render(viewer: Viewer) {
    pageViewer = viewer;
    try {
      return renderToStaticMarkup(await UsersPage());
    } finally {
      pageViewer = null;
    }
  }

  // The row of one user: from their name to the end of the row.
  const row = (html: string, name: string) => html.slice(html.indexOf(name)).split("</tr>")[0];

  it("gives a council administrator the form for the council's users, and only text for the installation administrator", async () => {
    const html = await render(councilAdmin);
    expect(row(html, "Medlem Medlemsen")).toContain('aria-label="Deaktiver Medlem Medlemsen"');
    expect(row(html, "Sluttet Sekretær")).toContain('aria-label="Aktiver Sluttet Sekretær"');
    const sys = row(html, "Driftsansvarlig");
    expect(sys).toContain("<p>Aktiv</p>");
    expect(sys).not.toContain("<form");
    expect(sys).not.toContain("Deaktiver");
    expect(row(html, "Rådsadmin")).toContain("Deg selv");
  });

  it("does not let a council administrator disable someone who also has a role in another council", async () => {
    // Disabling locks the account out of every council: here Naborådet would lose its only administrator.
    const shared = row(await render(councilAdmin), "Delt Bruker");
    expect(shared).not.toContain("<form");
    expect(shared).toContain("Har også roller i råd du ikke administrerer");
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "delt@kommune.no" }, select: { id: true, version: true } });
    pageViewer = councilAdmin;
    try {
      const form = toFormData([["userId", user.id], ["disabled", "true"], ["version", String(user.version)]]);
      await expect(setUserDisabledAction({ ok: false }, form)).rejects.toBeInstanceOf(Forbidden);
    } finally {
      pageViewer = null;
    }
    expect(await t.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { isDisabled: true } })).toEqual({ isDisabled: false });
    expect(row(await render(systemAdmin), "Delt Bruker")).toContain('aria-label="Deaktiver Delt Bruker"');
  });

  it("gives the installation administrator the form for everyone else", async () => {
    const html = await render(systemAdmin);
    expect(row(html, "Rådsadmin")).toContain('aria-label="Deaktiver Rådsadmin"');
    expect(row(html, "Medlem Medlemsen")).toContain('aria-label="Deaktiver Medlem Medlemsen"');
    expect(row(html, "Driftsansvarlig")).toContain("Deg selv");
  });

  it("shows a user's links to external accounts and lets the administrator remove a stale one, ending the user's sessions", async () => {
    const member = await t.db.user.findUniqueOrThrow({ where: { email: "medlem@kommune.no" }, select: { id: true, version: true, sessionVersion: true } });
    const link = await t.db.userIdentity.create({ data: { userId: member.id, provider: "microsoft-entra-id", subject: "gammel-entra-konto" }, select: { id: true } });
    await t.db.userIdentity.create({ data: { userId: member.id, provider: "oidc", subject: "kommune-konto" } });
    const sysLink = await t.db.userIdentity.create({ data: { userId: systemAdmin.userId, provider: "oidc", subject: "drift-konto" }, select: { id: true } });
    const html = row(await render(councilAdmin), "Medlem Medlemsen");
    expect(html).toContain('aria-label="Fjern koblingen til Microsoft Entra ID for Medlem Medlemsen"');
    expect(html).toContain('aria-label="Fjern koblingen til Kommunens pålogging for Medlem Medlemsen"');
    expect(row(await render(councilAdmin), "Driftsansvarlig")).not.toContain("Fjern koblingen");

    const form = (identityId: string, version: number, userId = member.id) => toFormData([["userId", userId], ["identityId", identityId], ["version", String(version)]]);
    pageViewer = councilAdmin;
    try {
      // A tab opened before the user was changed is refused, and the link stays.
      expect(await removeUserIdentityAction({ ok: false }, form(link.id, member.version + 7))).toMatchObject({ ok: false, message: expect.stringMatching(/endret av noen andre/) });
      expect(await t.db.userIdentity.count({ where: { id: link.id } })).toBe(1);
      expect((await removeUserIdentityAction({ ok: false }, form(link.id, member.version))).ok).toBe(true);
      expect(await t.db.userIdentity.findMany({ where: { userId: member.id }, select: { provider: true } })).toEqual([{ provider: "oidc" }]);
      const after = await t.db.user.findUniqueOrThrow({ where: { id: member.id }, select: { sessionVersion: true } });
      expect(after.sessionVersion).toBe(member.sessionVersion + 1);
      expect(await t.db.auditEvent.findFirst({ where: { action: "user.identity.remove", entityId: member.id }, select: { before: true } })).toEqual({ before: { provider: "microsoft-entra-id", subject: "gammel-entra-konto" } });
      // Another user's link cannot be removed under this user's id; the installation administrator's not at all.
      expect(await removeUserIdentityAction({ ok: false }, form(sysLink.id, member.version + 1))).toMatchObject({ ok: false, message: "Koblingen er allerede fjernet." });
      const sys = await t.db.user.findUniqueOrThrow({ where: { id: systemAdmin.userId }, select: { version: true } });
      await expect(removeUserIdentityAction({ ok: false }, form(sysLink.id, sys.version, systemAdmin.userId))).rejects.toBeInstanceOf(Forbidden);
      expect(await t.db.userIdentity.count({ where: { id: sysLink.id } })).toBe(1);
    } finally {
      pageViewer = null;
    }
  });
});
