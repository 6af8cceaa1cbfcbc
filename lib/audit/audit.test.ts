import { describe, expect, it } from "vitest";
import { auditDiff } from "@/lib/audit/diff";
import { auditQuery, encodeCursor, parseAuditFilter } from "@/lib/audit/schemas";

describe("audit diff", () => {
  it("lists only the fields that changed, nested ones by dotted name", () => {
    expect(
      auditDiff(
        { title: "A", isClosed: false, case: { background: "Gammel", version: 2 }, version: 4 },
        { title: "A", isClosed: true, case: { background: "Ny", version: 2 }, version: 4 },
      ),
    ).toEqual([
      { field: "isClosed", before: "false", after: "true" },
      { field: "case.background", before: "Gammel", after: "Ny" },
    ]);
  });

  it("shows fields only after as added and only before as removed", () => {
    expect(auditDiff(null, { fileName: "a.pdf", sizeBytes: 3 })).toEqual([
      { field: "fileName", before: null, after: "a.pdf" },
      { field: "sizeBytes", before: null, after: "3" },
    ]);
    expect(auditDiff({ caseId: "c1" }, null)).toEqual([{ field: "caseId", before: "c1", after: null }]);
  });

  it("keeps arrays whole and markup as plain text", () => {
    expect(auditDiff({ ids: ["a"] }, { ids: ["a", "b"], note: "<script>alert(1)</script>" })).toEqual([
      { field: "ids", before: '["a"]', after: '["a","b"]' },
      { field: "note", before: null, after: "<script>alert(1)</script>" },
    ]);
  });

  it("has nothing to show for an event without data", () => {
    expect(auditDiff(null, null)).toEqual([]);
    expect(auditDiff(undefined, { a: 1 })).toEqual([{ field: "a", before: null, after: "1" }]);
  });
});

describe("audit filter", () => {
  it("reads dates as whole days in Oslo time, in both ways of writing them", () => {
    const r = parseAuditFilter({ fra: "01.07.2026", til: "2026-07-31" });
    expect(r.state).toBe("ok");
    if (r.state !== "ok") return;
    // Summer time: midnight in Oslo is 22:00 UTC the day before.
    expect(r.filter.from?.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(r.filter.until?.toISOString()).toBe("2026-07-31T22:00:00.000Z");
    const winter = parseAuditFilter({ fra: "1.12.2026" });
    expect(winter.state === "ok" && winter.filter.from?.toISOString()).toBe("2026-11-30T23:00:00.000Z");
  });

  it("puts a Norwegian message on the bad field and keeps what was typed", () => {
    const r = parseAuditFilter({ fra: "31.02.2026", til: "i går", handling: "user.disable" });
    expect(r).toEqual({
      state: "invalid",
      values: expect.objectContaining({ fra: "31.02.2026", til: "i går", handling: "user.disable" }),
      errors: { fra: "Datoen finnes ikke.", til: "Skriv datoen som dd.mm.åååå, for eksempel 01.12.2026." },
    });
    expect(parseAuditFilter({ fra: "10.12.2026", til: "01.12.2026" })).toMatchObject({ state: "invalid", errors: { til: "Til-datoen kan ikke være før fra-datoen." } });
    expect(parseAuditFilter({ handling: "'; drop table" })).toMatchObject({ state: "invalid", errors: { handling: "Ukjent handling." } });
    expect(parseAuditFilter({ eldre: "tull" })).toMatchObject({ state: "invalid", errors: { eldre: "Ugyldig side." } });
  });

  it("treats empty parameters as unset and round-trips a page cursor", () => {
    const at = new Date("2026-12-01T10:00:00.123Z");
    const r = parseAuditFilter({ rad: "", aktor: "  kari ", eldre: encodeCursor({ at, id: "42" }) });
    expect(r.state === "ok" && r.filter).toMatchObject({ aktor: "kari", eldre: { at, id: 42n } });
    expect(r.state === "ok" && r.filter.rad).toBeUndefined();
    expect(auditQuery(r.values, { nyere: "x" })).toBe("?aktor=kari&nyere=x");
  });
});
