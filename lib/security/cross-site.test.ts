import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "@/lib/security/cross-site";

const req = (method: string, headers: Record<string, string>, pathname = "/portal/ringeriksregionen/moter/m1/rediger") => ({
  method,
  pathname,
  headers: new Headers(headers),
});

describe("crossSiteRefusal", () => {
  it("lets reads through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(crossSiteRefusal(req(method, { host: "ipr.example", origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBeNull();
    }
  });

  it("lets a post from the portal's own origin through", () => {
    expect(crossSiteRefusal(req("POST", { host: "ipr.example", origin: "https://ipr.example", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteRefusal(req("POST", { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100" }))).toBeNull();
    expect(crossSiteRefusal(req("POST", { host: "IPR.example", origin: "https://ipr.EXAMPLE" }))).toBeNull();
  });

  it("refuses a foreign, malformed or opaque origin, on any unsafe method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(crossSiteRefusal(req(method, { host: "ipr.example", origin: "https://evil.example" }))).toBe("foreign-origin");
    }
    expect(crossSiteRefusal(req("POST", { host: "ipr.example", origin: "https://ipr.example.evil.example" }))).toBe("foreign-origin");
    expect(crossSiteRefusal(req("POST", { host: "ipr.example:443", origin: "https://ipr.example:8443" }))).toBe("foreign-origin");
    expect(crossSiteRefusal(req("POST", { host: "ipr.example", origin: "null" }))).toBe("foreign-origin");
    expect(crossSiteRefusal(req("POST", { host: "ipr.example", origin: "not a url" }))).toBe("foreign-origin");
    expect(crossSiteRefusal(req("POST", { origin: "https://ipr.example" }))).toBe("foreign-origin"); // no host to compare with
  });

  it("compares with the forwarded host behind a reverse proxy, as Next.js does", () => {
    expect(crossSiteRefusal(req("POST", { host: "app:3000", "x-forwarded-host": "ipr.example", origin: "https://ipr.example" }))).toBeNull();
    expect(crossSiteRefusal(req("POST", { host: "ipr.example", "x-forwarded-host": "other.example", origin: "https://ipr.example" }))).toBe("foreign-origin");
  });

  it("refuses a post without Origin when Fetch Metadata says another site started it", () => {
    expect(crossSiteRefusal(req("POST", { host: "ipr.example", "sec-fetch-site": "cross-site" }))).toBe("cross-site-without-origin");
    expect(crossSiteRefusal(req("POST", { host: "ipr.example", "sec-fetch-site": "same-site" }))).toBe("cross-site-without-origin");
  });

  it("lets a post without Origin through when it comes from the same origin, the user, or a non-browser client", () => {
    expect(crossSiteRefusal(req("POST", { host: "ipr.example", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteRefusal(req("POST", { host: "ipr.example", "sec-fetch-site": "none" }))).toBeNull();
    expect(crossSiteRefusal(req("POST", { host: "ipr.example" }))).toBeNull();
  });

  it("leaves identity providers' post-backs to Auth.js", () => {
    expect(crossSiteRefusal(req("POST", { host: "ipr.example", origin: "https://login.microsoftonline.com" }, "/api/auth/callback/microsoft-entra-id"))).toBeNull();
    expect(crossSiteRefusal(req("POST", { host: "ipr.example", origin: "https://evil.example" }, "/api/auth/signout"))).toBe("foreign-origin");
  });
});
