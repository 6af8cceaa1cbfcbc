import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateCredentials } from "@/lib/server/credentials";
import { hashPassword } from "@/lib/server/password";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";

const cfg = { maxFailures: 3, windowMinutes: 15 };

describe("sign-in with credentials", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const passwordHash = await hashPassword("riktig-passord-123");
    await t.db.user.create({ data: { email: "kari@kommune.no", name: "Kari", passwordHash } });
    await t.db.user.create({ data: { email: "av@kommune.no", name: "Av", passwordHash, isDisabled: true } });
    await t.db.user.create({ data: { email: "per@kommune.no", name: "Per", passwordHash } });
  });
  afterAll(async () => t?.close());

  it("accepts the right password, case-insensitively on e-mail, and audits it", async () => {
    const r = await authenticateCredentials(t.db, { email: " Kari@Kommune.no ", password: "riktig-passord-123", ip: "10.0.0.1" }, cfg);
    expect(r.ok).toBe(true);
    const audit = await t.db.auditEvent.findFirst({ where: { action: "auth.login.success" }, orderBy: { id: "desc" } });
    expect(audit?.actor).toBe("kari@kommune.no");
    expect(audit?.ip).toBe("10.0.0.1");
  });

  it("answers a wrong password and an unknown user the same way", async () => {
    const wrongPassword = await authenticateCredentials(t.db, { email: "kari@kommune.no", password: "feil", ip: "10.0.0.2" }, cfg);
    const unknownUser = await authenticateCredentials(t.db, { email: "ingen@kommune.no", password: "feil", ip: "10.0.0.3" }, cfg);
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownUser).toEqual(wrongPassword);
    expect(await t.db.auditEvent.count({ where: { action: "auth.login.failure" } })).toBe(2);
  });

  it("refuses a disabled user with the same answer", async () => {
    const r = await authenticateCredentials(t.db, { email: "av@kommune.no", password: "riktig-passord-123", ip: "10.0.0.4" }, cfg);
    expect(r).toEqual({ ok: false, reason: "invalid" });
  });

  it("blocks an account after repeated failures, even with the right password, across IPs", async () => {
    for (let i = 0; i < 3; i++) {
      const attempt = await authenticateCredentials(t.db, { email: "per@kommune.no", password: "feil", ip: `10.1.0.${i}` }, cfg);
      expect(attempt).toEqual({ ok: false, reason: "invalid" });
    }
    const r = await authenticateCredentials(t.db, { email: "per@kommune.no", password: "riktig-passord-123", ip: "10.9.9.9" }, cfg);
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.reason).toBe("rate_limited");
    const row = await t.db.loginThrottle.findUnique({ where: { key: "account:per@kommune.no" } });
    expect(row?.blockedUntil && row.blockedUntil.getTime()).toBeGreaterThan(Date.now());
    expect(await t.db.auditEvent.count({ where: { action: "auth.login.blocked" } })).toBe(1);
  });

  it("blocks an IP that tries many accounts", async () => {
    for (let i = 0; i < 3; i++) {
      await authenticateCredentials(t.db, { email: `x${i}@kommune.no`, password: "feil", ip: "192.0.2.7" }, cfg);
    }
    const r = await authenticateCredentials(t.db, { email: "ny@kommune.no", password: "feil", ip: "192.0.2.7" }, cfg);
    expect(r.ok === false && r.reason).toBe("rate_limited");
  });
});
