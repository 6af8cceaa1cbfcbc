import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateCredentials } from "@/lib/server/credentials";
import { SHARED_FACTOR } from "@/lib/server/login-throttle";
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

  it("blocks the account from one address after its failures, but lets the real user in from another", async () => {
    // The outsider's failures stop their own address; the account's shared count stays under its limit.
    for (let i = 0; i < 3; i++) {
      expect(await authenticateCredentials(t.db, { email: "per@kommune.no", password: "feil", ip: "203.0.113.5" }, cfg)).toEqual({ ok: false, reason: "invalid" });
    }
    for (let i = 0; i < 10; i++) {
      const blocked = await authenticateCredentials(t.db, { email: "per@kommune.no", password: i === 9 ? "riktig-passord-123" : "feil", ip: "203.0.113.5" }, cfg);
      expect(blocked.ok === false && blocked.reason).toBe("rate_limited");
    }
    expect((await t.db.loginThrottle.findUnique({ where: { key: "account:per@kommune.no" } }))?.failures).toBe(3);
    expect((await authenticateCredentials(t.db, { email: "per@kommune.no", password: "riktig-passord-123", ip: "10.9.9.9" }, cfg)).ok).toBe(true);
  });

  it("blocks an account guessed at from many addresses, even with the right password", async () => {
    await t.db.user.create({ data: { email: "ola@kommune.no", name: "Ola", passwordHash: await hashPassword("riktig-passord-123") } });
    for (let i = 0; i < 3 * SHARED_FACTOR; i++) {
      expect(await authenticateCredentials(t.db, { email: "ola@kommune.no", password: "feil", ip: `10.1.0.${i}` }, cfg)).toEqual({ ok: false, reason: "invalid" });
    }
    const r = await authenticateCredentials(t.db, { email: "ola@kommune.no", password: "riktig-passord-123", ip: "10.9.9.8" }, cfg);
    expect(r.ok === false && r.reason).toBe("rate_limited");
    const row = await t.db.loginThrottle.findUnique({ where: { key: "account:ola@kommune.no" } });
    expect(row?.blockedUntil && row.blockedUntil.getTime()).toBeGreaterThan(Date.now());
    expect(await t.db.auditEvent.count({ where: { action: "auth.login.blocked", actor: "ola@kommune.no" } })).toBe(1);
  });

  it("blocks an address that tries many accounts, at the shared limit", async () => {
    for (let i = 0; i < 3 * SHARED_FACTOR; i++) {
      expect((await authenticateCredentials(t.db, { email: `x${i}@kommune.no`, password: "feil", ip: "192.0.2.7" }, cfg)).ok).toBe(false);
    }
    const r = await authenticateCredentials(t.db, { email: "ny@kommune.no", password: "feil", ip: "192.0.2.7" }, cfg);
    expect(r.ok === false && r.reason).toBe("rate_limited");
  });

  it("keeps blocking a key with far more failures than the limit", async () => {
    // 2^(failures − limit) minutes overflowed PostgreSQL's integer from 31 over the limit, and the block was never written.
    await t.db.loginThrottle.create({ data: { key: "account:per@kommune.no", failures: 3 * SHARED_FACTOR + 40, firstFailureAt: new Date(), blockedUntil: null } });
    expect(await authenticateCredentials(t.db, { email: "per@kommune.no", password: "feil", ip: "198.51.100.1" }, cfg)).toEqual({ ok: false, reason: "invalid" });
    const row = await t.db.loginThrottle.findUniqueOrThrow({ where: { key: "account:per@kommune.no" } });
    expect(row.blockedUntil!.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(row.blockedUntil!.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
  });
});
