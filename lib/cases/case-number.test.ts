import { describe, expect, it } from "vitest";
import { formatCaseNumber } from "@/lib/cases/case-number";

describe("formatCaseNumber", () => {
  it.each([
    ["Sak {n}/{yy}", 4, 2022, "Sak 4/22"],
    ["styresak {nn}/{yy}", 3, 2025, "styresak 03/25"],
    ["sak {n}/{yy}", 28, 2025, "sak 28/25"],
    ["{n}.", 5, 2026, "5."],
    ["Sak {n}/{yyyy}", 12, 2009, "Sak 12/2009"],
    ["Sak {nn}/{yy}", 112, 2030, "Sak 112/30"],
  ])("%s with %i/%i gives %s", (format, n, y, expected) => {
    expect(formatCaseNumber(format, n, y)).toBe(expected);
  });
});
