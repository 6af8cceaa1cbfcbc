import { describe, expect, it } from "vitest";
// @ts-expect-error plain ES module without types
import { auditVerdict } from "./audit-deps.mjs";

const report = (vulnerabilities: Record<string, { severity: string }>, counts: Record<string, number>) =>
  JSON.stringify({ vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts, total: Object.keys(vulnerabilities).length } } });

describe("the npm audit gate", () => {
  it("fails on a high or a critical advisory", () => {
    expect(auditVerdict(report({ next: { severity: "high" } }, { high: 1 })).status).toBe("fail");
    expect(auditVerdict(report({ pg: { severity: "critical" } }, { critical: 1 })).detail).toContain("pg (critical)");
  });
  it("passes low and moderate findings", () => {
    expect(auditVerdict(report({ a: { severity: "low" }, b: { severity: "moderate" } }, { low: 1, moderate: 1 })).status).toBe("ok");
  });
  it("tells an unreachable audit endpoint apart from a clean report", () => {
    expect(auditVerdict(JSON.stringify({ error: { code: "ENOAUDIT", summary: "audit endpoint returned an error" } })).status).toBe("unreachable");
    expect(auditVerdict("npm error").status).toBe("unreachable");
  });
});
