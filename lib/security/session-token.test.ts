import { describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { decodeSession, readSessionToken, renewedSessionCookie, sessionClaims } from "@/lib/security/session-token";

const secret = "test-secret-0123456789-0123456789-abcdef";
const salt = "authjs.session-token";

describe("session cookie cache", () => {
  it("gives the claims of a cookie again without decrypting it again", async () => {
    const token = await encode({ token: { uid: "u1", sv: 3 }, secret, salt, maxAge: 60 });
    const first = await decodeSession({ token, secret, salt });
    expect(first).toMatchObject({ uid: "u1", sv: 3 });
    const again = await decodeSession({ token, secret: "a-different-secret-that-would-fail-to-decrypt", salt });
    // Served from the cache (a fresh decryption with this secret would fail)…
    expect(again).toMatchObject({ uid: "u1", sv: 3 });
    // …as a copy, so a caller cannot change what the next request sees.
    again!.uid = "someone-else";
    expect((await decodeSession({ token, secret, salt }))?.uid).toBe("u1");
  });

  it("refuses a cookie it cannot decrypt, and one that has expired since it was cached", async () => {
    await expect(decodeSession({ token: "not-a-jwe", secret, salt })).rejects.toThrow();
    expect(await decodeSession({ token: undefined, secret, salt })).toBeNull();
    const token = await encode({ token: { uid: "u2", sv: 1 }, secret, salt, maxAge: 30 });
    expect(await decodeSession({ token, secret, salt })).toMatchObject({ uid: "u2" });
    vi.useFakeTimers({ now: Date.now() + 31_000 });
    try {
      expect(await decodeSession({ token, secret, salt })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("reading the session cookie", () => {
  it("reads either of Auth.js's names, each decrypted with its own name", async () => {
    const secure = "__Secure-authjs.session-token";
    const token = await encode({ token: { uid: "u3", sv: 2 }, secret, salt: secure, maxAge: 60 });
    expect(await sessionClaims([{ name: secure, value: token }], secret)).toMatchObject({ uid: "u3", sv: 2 });
    // The same token under the other name fails: the name is part of the key.
    expect(await sessionClaims([{ name: salt, value: token }], secret)).toBeNull();
    expect(await sessionClaims([{ name: "other", value: token }], secret)).toBeNull();
    expect(await sessionClaims([{ name: secure, value: token }], undefined)).toBeNull();
    expect(await sessionClaims([{ name: salt, value: "forged" }], secret)).toBeNull();
  });

  it("joins a token split over several cookies in their order", () => {
    const found = readSessionToken([
      { name: `${salt}.1`, value: "b" },
      { name: "x", value: "y" },
      { name: `${salt}.10`, value: "d" },
      { name: `${salt}.0`, value: "a" },
      { name: `${salt}.2`, value: "c" },
    ]);
    expect(found).toEqual({ name: salt, token: "abcd", chunked: true });
  });
});

describe("renewing the session cookie (idle timeout)", () => {
  const opts = { secret, maxAgeSeconds: 3600, updateAgeSeconds: 300, absoluteSeconds: 12 * 3600 };

  it("leaves a fresh cookie alone and re-issues an older one with the same claims and a new expiry", async () => {
    const now = Date.now();
    const loginAt = Math.floor(now / 1000) - 60;
    const token = await encode({ token: { uid: "u4", sv: 5, loginAt }, secret, salt, maxAge: 3600 });
    const cookies = [{ name: salt, value: token }];
    expect(await renewedSessionCookie(cookies, { ...opts, now: now + 299_000 })).toBeNull();

    vi.useFakeTimers({ now: now + 301_000 });
    try {
      const renewed = await renewedSessionCookie(cookies, opts);
      expect(renewed).not.toBeNull();
      expect(renewed!.name).toBe(salt);
      expect(renewed!.value).not.toBe(token);
      expect(renewed!.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
      expect(Math.abs(renewed!.options.expires.getTime() - (now + 301_000 + 3_600_000))).toBeLessThan(2000);
      const claims = await decodeSession({ token: renewed!.value, secret, salt });
      // The sign-in time stays, so the absolute lifetime still counts from sign-in.
      expect(claims).toMatchObject({ uid: "u4", sv: 5, loginAt });
      expect(claims!.exp! * 1000).toBeGreaterThan(now + 301_000 + 3_590_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not renew a session past its absolute lifetime", async () => {
    const now = Date.now();
    const loginAt = Math.floor(now / 1000) - 12 * 3600 - 60;
    const token = await encode({ token: { uid: "u6", sv: 1, loginAt }, secret, salt, maxAge: 3600 });
    vi.useFakeTimers({ now: now + 301_000 });
    try {
      expect(await renewedSessionCookie([{ name: salt, value: token }], opts)).toBeNull();
      // The same cookie within the lifetime is renewed.
      const fresh = await encode({ token: { uid: "u6", sv: 1, loginAt: loginAt + 3600 }, secret, salt, maxAge: 3600 });
      vi.useFakeTimers({ now: now + 602_000 });
      expect(await renewedSessionCookie([{ name: salt, value: fresh }], opts)).not.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("renews nothing that is not a valid session", async () => {
    const later = Date.now() + 600_000;
    expect(await renewedSessionCookie([], { ...opts, now: later })).toBeNull();
    expect(await renewedSessionCookie([{ name: salt, value: "forged" }], { ...opts, now: later })).toBeNull();
    const token = await encode({ token: { uid: "u5", sv: 1 }, secret, salt, maxAge: 3600 });
    expect(await renewedSessionCookie([{ name: salt, value: token }], { ...opts, secret: undefined, now: later })).toBeNull();
  });
});
