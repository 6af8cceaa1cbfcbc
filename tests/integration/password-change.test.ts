import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import { hashPassword, verifyPassword } from "@/lib/server/password";
import { SHARED_FACTOR } from "@/lib/server/login-throttle";
import { changeOwnPassword, setPasswordForUser } from "@/lib/server/credentials";

let t: TestDb;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const cfg = { maxFailures: 3, windowMinutes: 15 };
const OLD = "gammelt passord 123";
const NEW = "nytt langt passord med ord";

describe("password change ends the user's sessions", () => {
  let kari: { id: string; sessionVersion: number };
  let per: { id: string };
  let oidc: { id: string };
  beforeAll(async () => {
    t = await createTestDb();
    const passwordHash = await hashPassword(OLD);
    const council = await t.db.council.create({ data: { slug: "r", name: "Rådet" } });
    kari = await t.db.user.create({
      data: { email: "kari@kommune.no", name: "Kari", passwordHash, roles: { create: { councilId: council.id, role: "MEMBER" } } },
      select: { id: true, sessionVersion: true },
    });
    per = await t.db.user.create({ data: { email: "per@kommune.no", name: "Per", passwordHash }, select: { id: true } });
    oidc = await t.db.user.create({ data: { email: "oidc@kommune.no", name: "Uten passord" }, select: { id: true } });
  });
  afterAll(async () => t?.close());

  it("refuses a wrong current password, counts it like a failed sign-in and audits it", async () => {
    const r = await changeOwnPassword(t.db, { userId: kari.id, currentPassword: "feil", newPassword: NEW, ip: "10.0.0.1" }, cfg);
    expect(r).toEqual({ ok: false, reason: "wrong_password" });
    expect(await t.db.auditEvent.count({ where: { action: "auth.password.change.failure", entityId: kari.id } })).toBe(1);
    expect((await t.db.loginThrottle.findUnique({ where: { key: "account:kari@kommune.no" } }))?.failures).toBe(1);
  });

  it("refuses the same password again", async () => {
    expect(await changeOwnPassword(t.db, { userId: kari.id, currentPassword: OLD, newPassword: OLD, ip: null }, cfg)).toEqual({ ok: false, reason: "same_password" });
  });

  it("changes the password, bumps the session version so old tokens are refused, and audits without the hash", async () => {
    const { loadViewer } = await import("@/lib/authz/viewer");
    expect(await loadViewer(kari.id, kari.sessionVersion)).not.toBeNull();
    const r = await changeOwnPassword(t.db, { userId: kari.id, currentPassword: OLD, newPassword: NEW, ip: "10.0.0.1" }, cfg);
    expect(r).toEqual({ ok: true, sessionVersion: kari.sessionVersion + 1 });

    const row = await t.db.user.findUniqueOrThrow({ where: { id: kari.id }, select: { passwordHash: true, sessionVersion: true, passwordChangedAt: true } });
    expect(row.sessionVersion).toBe(kari.sessionVersion + 1);
    expect(row.passwordChangedAt).not.toBeNull();
    expect(await verifyPassword(row.passwordHash, NEW)).toBe(true);
    expect(await verifyPassword(row.passwordHash, OLD)).toBe(false);
    // Every session, on every device, carried the old version.
    expect(await loadViewer(kari.id, kari.sessionVersion)).toBeNull();
    expect(await loadViewer(kari.id, kari.sessionVersion + 1)).not.toBeNull();

    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.password.change", entityId: kari.id } });
    expect(audit).toMatchObject({ actor: "kari@kommune.no", userId: kari.id, ip: "10.0.0.1" });
    expect(audit.before).toMatchObject({ sessionVersion: kari.sessionVersion, passwordChangedAt: null });
    expect(audit.after).toMatchObject({ sessionVersion: kari.sessionVersion + 1 });
    const stored = JSON.stringify([audit.before, audit.after]);
    expect(stored).not.toContain("argon2");
    expect(stored).not.toContain(NEW);
    // A successful change clears the failures counted before it.
    expect(await t.db.loginThrottle.findUnique({ where: { key: "account:kari@kommune.no" } })).toBeNull();
  });

  it("blocks guessing the current password like sign-in does", async () => {
    // From many addresses: the account's shared limit (login-throttle.ts).
    for (let i = 0; i < cfg.maxFailures * SHARED_FACTOR; i++) {
      expect((await changeOwnPassword(t.db, { userId: per.id, currentPassword: `feil ${i}`, newPassword: NEW, ip: `10.2.0.${i}` }, cfg)).ok).toBe(false);
    }
    const r = await changeOwnPassword(t.db, { userId: per.id, currentPassword: OLD, newPassword: NEW, ip: "10.2.0.9" }, cfg);
    expect(r).toMatchObject({ ok: false, reason: "rate_limited" });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: per.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, OLD)).toBe(true);
  });

  it("tells a user without a portal password that they have none", async () => {
    expect(await changeOwnPassword(t.db, { userId: oidc.id, currentPassword: "noe", newPassword: NEW, ip: null }, cfg)).toEqual({ ok: false, reason: "no_password" });
  });

  it("lets an administrator set a new password, which ends that user's sessions", async () => {
    const { loadViewer } = await import("@/lib/authz/viewer");
    const before = await t.db.user.findUniqueOrThrow({ where: { id: oidc.id }, select: { version: true, sessionVersion: true } });
    const by = { userId: "admin", email: "admin@kommune.no" };
    expect(await setPasswordForUser(t.db, { userId: oidc.id, version: before.version + 5, newPassword: NEW, by, ip: null })).toEqual({ ok: false, reason: "conflict" });
    expect(await setPasswordForUser(t.db, { userId: oidc.id, version: before.version, newPassword: NEW, by, ip: null })).toEqual({ ok: true });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: oidc.id }, select: { passwordHash: true, sessionVersion: true, version: true } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.version).toBe(before.version + 1);
    expect(await verifyPassword(after.passwordHash, NEW)).toBe(true);
    expect(await loadViewer(oidc.id, before.sessionVersion)).toBeNull();
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.password.set", entityId: oidc.id } });
    expect(audit).toMatchObject({ actor: "admin@kommune.no", before: { sessionVersion: before.sessionVersion }, after: { sessionVersion: before.sessionVersion + 1 } });
    expect(JSON.stringify(audit.after)).not.toContain("argon2");
  });
});
