import { describe, expect, it } from "vitest";
import { adoptPlanSchema, bulkMeasuresSchema, createPlanSchema, measureSchema, parseMeasureLines, titleForYear } from "@/lib/plans/schemas";

describe("parseMeasureLines", () => {
  it("drops bullets, numbering and empty lines from a list pasted from Word", () => {
    const pasted = ["- Felles innkjøp av IT-verktøy", "• Regional veteranplan", "", "– Grønt fagsenter", "   ", "1. Klyngeprosjekt", "12) Næringspolitisk strategi"].join("\r\n");
    expect(parseMeasureLines(pasted)).toEqual(["Felles innkjøp av IT-verktøy", "Regional veteranplan", "Grønt fagsenter", "Klyngeprosjekt", "Næringspolitisk strategi"]);
  });

  it("keeps dashes and numbers inside the text", () => {
    expect(parseMeasureLines("  Samferdsel – buss og tog  \nE16 - 2 felt\n2025-planen")).toEqual(["Samferdsel – buss og tog", "E16 - 2 felt", "2025-planen"]);
  });

  it("gives nothing for blank input", () => {
    expect(parseMeasureLines("\n  \n")).toEqual([]);
  });
});

describe("titleForYear", () => {
  it("replaces the old year in the title", () => {
    expect(titleForYear("Handlingsplan 2025", 2025, 2026)).toBe("Handlingsplan 2026");
    expect(titleForYear("Handlingsplan 2025 (rev. 2025)", 2025, 2026)).toBe("Handlingsplan 2026 (rev. 2026)");
  });

  it("appends the new year when the title does not mention the old one", () => {
    expect(titleForYear("Handlingsplan", 2025, 2026)).toBe("Handlingsplan 2026");
    // A longer number that merely contains the year is not the year.
    expect(titleForYear("Sak 20251", 2025, 2026)).toBe("Sak 20251 2026");
  });
});

describe("measureSchema", () => {
  const base = { focusAreaId: "a1", title: "Felles innkjøp av IT-verktøy" };

  it("maps the owner choice to the matching owner column", () => {
    expect(measureSchema.parse({ ...base, owner: "person:abc" })).toMatchObject({ ownerPersonId: "abc", ownerBodyId: null, ownerOrganizationId: null });
    expect(measureSchema.parse({ ...base, owner: "body:x" })).toMatchObject({ ownerPersonId: null, ownerBodyId: "x", ownerOrganizationId: null });
    expect(measureSchema.parse({ ...base, owner: "org:y" })).toMatchObject({ ownerPersonId: null, ownerBodyId: null, ownerOrganizationId: "y" });
    expect(measureSchema.parse({ ...base, owner: "" })).toMatchObject({ owner: null, ownerPersonId: null, ownerBodyId: null, ownerOrganizationId: null });
  });

  it("refuses an owner that is not from the list", () => {
    for (const owner of ["user:abc", "person:", "person:a b", "abc"]) {
      const r = measureSchema.safeParse({ ...base, owner });
      expect(r.error?.issues[0], owner).toMatchObject({ path: ["owner"], message: "Velg en eier fra listen." });
    }
  });

  it("asks for a title", () => {
    for (const title of [undefined, "   "]) {
      const r = measureSchema.safeParse({ ...base, title });
      expect(r.error?.issues[0]).toMatchObject({ path: ["title"], message: "Skriv hva tiltaket er." });
    }
  });

  it("reads the resource checkbox as on or off", () => {
    expect(measureSchema.parse({ ...base, resourceAnchored: "on" }).resourceAnchored).toBe(true);
    expect(measureSchema.parse(base).resourceAnchored).toBe(false);
  });

  it("defaults the status to planned and the optional fields to null", () => {
    expect(measureSchema.parse(base)).toMatchObject({ status: "PLANNED", measureId: null, goalId: null, deadline: null, ownerText: null, version: 0 });
  });

  it("accepts a yyyy-mm-dd deadline and refuses other formats", () => {
    expect(measureSchema.parse({ ...base, deadline: "2026-06-30" }).deadline).toBe("2026-06-30");
    const r = measureSchema.safeParse({ ...base, deadline: "30.06.2026" });
    expect(r.error?.issues[0]).toMatchObject({ path: ["deadline"], message: "Skriv fristen som en dato (dd.mm.åååå)." });
  });
});

describe("createPlanSchema", () => {
  const base = { councilSlug: "ringeriksregionen", kind: "ACTION_PLAN", title: "Handlingsplan 2026", periodFrom: "2026", periodTo: "2026" };

  it("accepts a one-year action plan", () => {
    expect(createPlanSchema.parse(base)).toMatchObject({ periodFrom: 2026, periodTo: 2026, strategyId: null, subtitle: null });
  });

  it("refuses a period that ends before it starts", () => {
    const r = createPlanSchema.safeParse({ ...base, periodFrom: "2026", periodTo: "2025" });
    expect(r.error?.issues).toHaveLength(1);
    expect(r.error?.issues[0]).toMatchObject({ path: ["periodTo"], message: "Siste år kan ikke være før første år." });
  });

  it("lets an action plan, but not a strategy, point to a strategy", () => {
    expect(createPlanSchema.safeParse({ ...base, strategyId: "s1" }).success).toBe(true);
    const r = createPlanSchema.safeParse({ ...base, kind: "STRATEGY", strategyId: "s1", periodTo: "2029" });
    expect(r.error?.issues[0]).toMatchObject({ path: ["strategyId"] });
  });
});

describe("adoptPlanSchema", () => {
  const base = { planId: "p1", version: "2", adoptedAt: "2026-02-07" };

  it("asks for the decision that adopted the plan", () => {
    for (const decisionId of [undefined, "  "]) {
      const r = adoptPlanSchema.safeParse({ ...base, decisionId });
      expect(r.error?.issues[0]).toMatchObject({ path: ["decisionId"], message: "Velg vedtaket som vedtok planen." });
    }
    expect(adoptPlanSchema.safeParse({ ...base, decisionId: "d1" }).success).toBe(true);
  });
});

describe("bulkMeasuresSchema", () => {
  it("turns the pasted text into one measure per line", () => {
    expect(bulkMeasuresSchema.parse({ focusAreaId: "a1", lines: "- Første\n- Andre" }).lines).toEqual(["Første", "Andre"]);
  });

  it("refuses text without any measures", () => {
    for (const lines of ["", "\n - \n"]) {
      const r = bulkMeasuresSchema.safeParse({ focusAreaId: "a1", lines });
      expect(r.error?.issues[0]).toMatchObject({ path: ["lines"], message: "Skriv minst ett tiltak, ett per linje." });
    }
  });
});
