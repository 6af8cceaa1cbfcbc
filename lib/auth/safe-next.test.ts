import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/auth/safe-next";

describe("safeNext", () => {
  it("keeps a portal path and its query", () => {
    expect(safeNext("/portal")).toBe("/portal");
    expect(safeNext("/portal/oppfolging?mine=1&frist=forfalt")).toBe("/portal/oppfolging?mine=1&frist=forfalt");
    expect(safeNext("/portal/oppfolging?q=m%C3%B8te*(1),a:b/c")).toBe("/portal/oppfolging?q=m%C3%B8te*(1),a:b/c");
    expect(safeNext("/portal/ringeriksregionen/moter/cmx7m8z3y001yor7dvh9ams6s")).toBe("/portal/ringeriksregionen/moter/cmx7m8z3y001yor7dvh9ams6s");
  });

  it("goes to /portal for anything that is not a portal page of this site", () => {
    for (const bad of ["", "//evil.example", "https://evil.example/portal", "/portal//evil.example", "/portal\\\\evil.example", "/\\evil.example", "/portalx", "/portal/../logg-inn", "/portal/a.b", "javascript:alert(1)", "/logg-inn?neste=/portal", null, 42]) {
      expect(safeNext(bad), String(bad)).toBe("/portal");
    }
    // A query cannot carry the user off the site: it stays a query of a portal page.
    expect(safeNext("/portal?x=//evil.example")).toBe("/portal?x=//evil.example");
  });
});
