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
vi.mock("@/lib/server/auth", () => ({ auth: async () => null, clientIp: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", async () => (await import("@/tests/helpers/action-harness")).navigationModule);

const { default: UsersPage } = await import("@/app/(portal)/portal/(home)/admin/brukere/page");

describe("the user list's status column", () => {
  let councilAdmin: Viewer;
  let systemAdmin: Viewer;

  beforeAll(async () => {
    t = await createTestDb();
    const c = await t.db.council.create({ data: { slug: "brukerradet", name: "Brukerrådet" }, select: { id: true } });
    const admin = await t.db.user.create({ data: { email: "radsadmin@kommune.no", name: "Rådsadmin", roles: { create: { councilId: c.id, role: "ADMIN" } } }, select: { id: true } });
    const sys = await t.db.user.create({ data: { email: "drift@kommune.no", name: "Driftsansvarlig", isSystemAdmin: true, roles: { create: { councilId: c.id, role: "ADMIN" } } }, select: { id: true } });
    await t.db.user.create({ data: { email: "medlem@kommune.no", name: "Medlem Medlemsen", roles: { create: { councilId: c.id, role: "MEMBER" } } } });
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

  it("gives the installation administrator the form for everyone else", async () => {
    const html = await render(systemAdmin);
    expect(row(html, "Rådsadmin")).toContain('aria-label="Deaktiver Rådsadmin"');
    expect(row(html, "Medlem Medlemsen")).toContain('aria-label="Deaktiver Medlem Medlemsen"');
    expect(row(html, "Driftsansvarlig")).toContain("Deg selv");
  });
});
