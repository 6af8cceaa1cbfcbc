import { describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { decodeSession } from "@/lib/server/session-cache";

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
