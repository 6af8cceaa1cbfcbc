import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NextAuthConfig } from "next-auth";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";

// Entra ID / OIDC sign-in: the e-mail claim links an external account to a user once; after that
// the link (provider, subject) decides, and an address that has moved to someone else is refused.
let t: TestDb;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.2.0.1" }) }));
vi.mock("@/lib/server/env", () => ({
  env: () => ({ AUTH_SECRET: "test-secret-test-secret-test-secret", SESSION_IDLE_MINUTES: 60, LOGIN_MAX_FAILURES: 5, LOGIN_WINDOW_MINUTES: 15 }),
}));
// Auth.js itself is not under test: keep the configuration lib/server/auth.ts hands it, to call its callbacks.
let authConfig: (() => NextAuthConfig) | null = null;
vi.mock("next-auth", () => ({
  default: (config: () => NextAuthConfig) => {
    authConfig = config;
    return { handlers: {}, auth: async () => null, signIn: async () => {}, signOut: async () => {} };
  },
  CredentialsSignin: class extends Error {},
}));

const { resolveExternalSignIn, linkedUser } = await import("@/lib/server/external-identity");
await import("@/lib/server/auth");

const PROVIDER = "microsoft-entra-id";

describe("external sign-in", () => {
  let kari: { id: string };
  let per: { id: string };
  let disabled: { id: string };

  beforeAll(async () => {
    t = await createTestDb();
    kari = await t.db.user.create({ data: { email: "kari@kommune.no", name: "Kari" }, select: { id: true } });
    per = await t.db.user.create({ data: { email: "per@kommune.no", name: "Per" }, select: { id: true } });
    disabled = await t.db.user.create({ data: { email: "av@kommune.no", name: "Av", isDisabled: true }, select: { id: true } });
    await t.db.user.create({ data: { email: "lars@kommune.no", name: "Lars" } });
  });
  afterAll(async () => t?.close());

  const signIn = (subject: string, email: string | null) => resolveExternalSignIn(t.db, { provider: PROVIDER, subject, email, ip: "10.0.0.1" });

  it("links on the e-mail the first time, records the sign-in and audits it", async () => {
    const r = await signIn("sub-kari", "Kari@Kommune.no");
    expect(r).toMatchObject({ ok: true, user: { id: kari.id } });
    expect(await t.db.userIdentity.findMany({ where: { userId: kari.id }, select: { provider: true, subject: true } })).toEqual([{ provider: PROVIDER, subject: "sub-kari" }]);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: kari.id }, select: { lastLoginAt: true } });
    expect(row.lastLoginAt).not.toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "auth.login.success", userId: kari.id } })).toBe(1);
  });

  it("finds the linked user by the subject afterwards, whatever the e-mail claim says, or without one", async () => {
    expect(await signIn("sub-kari", "kari.nordmann@ny-kommune.no")).toMatchObject({ ok: true, user: { id: kari.id } });
    expect(await signIn("sub-kari", null)).toMatchObject({ ok: true, user: { id: kari.id } });
  });

  it("refuses a linked account whose e-mail now belongs to another user", async () => {
    expect(await signIn("sub-kari", "per@kommune.no")).toEqual({ ok: false, reason: "email-conflict" });
    expect(await t.db.userIdentity.count({ where: { userId: per.id } })).toBe(0);
  });

  it("does not link a second account at the same provider to a user on the e-mail alone", async () => {
    expect(await signIn("sub-someone-else", "kari@kommune.no")).toEqual({ ok: false, reason: "already-linked" });
    expect(await t.db.userIdentity.count({ where: { subject: "sub-someone-else" } })).toBe(0);
  });

  it("refuses unknown addresses and disabled users, linked or not, and audits the refusal", async () => {
    expect(await signIn("sub-ukjent", "ukjent@kommune.no")).toEqual({ ok: false, reason: "unknown" });
    expect(await signIn("sub-av", "av@kommune.no")).toEqual({ ok: false, reason: "disabled" });
    await t.db.userIdentity.create({ data: { provider: PROVIDER, subject: "sub-av-linked", userId: disabled.id } });
    expect(await signIn("sub-av-linked", "av@kommune.no")).toEqual({ ok: false, reason: "disabled" });
    expect(await linkedUser(t.db, PROVIDER, "sub-av-linked")).toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "auth.login.failure", actor: { in: ["ukjent@kommune.no", "av@kommune.no"] } } })).toBe(3);
  });

  describe("the Auth.js callbacks", () => {
    const callbacks = () => authConfig!().callbacks!;
    const account = (subject: string) => ({ provider: "oidc", type: "oidc" as const, providerAccountId: subject });

    it("let in, and issue the session to, the linked user, not the holder of the e-mail claim", async () => {
      const first = await callbacks().signIn!({ user: { email: "lars@kommune.no" }, account: account("sub-lars") } as never);
      expect(first).toBe(true);
      const lars = await t.db.user.findUniqueOrThrow({ where: { email: "lars@kommune.no" }, select: { id: true, sessionVersion: true, lastLoginAt: true } });
      expect(lars.lastLoginAt).not.toBeNull();
      // The provider now reports Per's address for Lars's account.
      expect(await callbacks().signIn!({ user: { email: "per@kommune.no" }, account: account("sub-lars") } as never)).toBe("/logg-inn?feil=ukjent-bruker");
      // A claim that names nobody in the portal: still Lars, by the link.
      expect(await callbacks().signIn!({ user: { email: "lars@ny.no" }, account: account("sub-lars") } as never)).toBe(true);
      const token = await callbacks().jwt!({ token: {}, user: { email: "lars@ny.no" }, account: account("sub-lars") } as never);
      expect(token).toMatchObject({ uid: lars.id, sv: lars.sessionVersion });
    });
  });
});
