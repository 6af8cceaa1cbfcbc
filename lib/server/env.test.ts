import { afterEach, describe, expect, it, vi } from "vitest";

describe("configuration", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("treats empty variables as unset and applies the documented defaults", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("AUTH_SECRET", "");
    vi.stubEnv("SESSION_IDLE_MINUTES", "");
    const { env } = await import("@/lib/server/env");
    const e = env();
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.AUTH_SECRET).toBeUndefined();
    expect(e).toMatchObject({ SESSION_IDLE_MINUTES: 60, SESSION_ABSOLUTE_HOURS: 12, LOGIN_MAX_FAILURES: 5 });
  });

  it("names the bad variable in Norwegian", async () => {
    vi.stubEnv("AUTH_SECRET", "kort");
    const { env } = await import("@/lib/server/env");
    expect(() => env()).toThrow(/AUTH_SECRET må være minst 16 tegn/);
  });
});
