import { describe, expect, it } from "vitest";
import { forwardedClientIp } from "@/lib/server/client-ip";

describe("the address the sign-in limit counts", () => {
  it("is the one the load balancer appended, not one the client put in front of it", () => {
    // A client sends «X-Forwarded-For: 1.2.3.N» with a new N for each guess; the balancer adds the real address last.
    expect(forwardedClientIp(new Headers({ "x-forwarded-for": "1.2.3.77, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(forwardedClientIp(new Headers({ "x-forwarded-for": " 203.0.113.9 " }))).toBe("203.0.113.9");
    expect(forwardedClientIp(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(forwardedClientIp(new Headers())).toBeNull();
  });
});
