import { describe, expect, it } from "vitest";
import { containsPattern, parseCaseNumber, parseSearchParams, substringTerms } from "@/lib/search/schemas";

describe("search query string", () => {
  it("treats a missing or blank query as no search, not as an error", () => {
    expect(parseSearchParams({}).state).toBe("empty");
    expect(parseSearchParams({ q: "   ", type: "vedtak" }).state).toBe("empty");
  });

  it("parses a query with filters, ignoring empty ones", () => {
    const p = parseSearchParams({ q: "  lunsj   til lunsj ", rad: "ringeriksregionen", organ: "", ar: "2022", type: "vedtak", fokus: "", side: "3" });
    expect(p).toMatchObject({ state: "ok", query: { q: "lunsj til lunsj", rad: "ringeriksregionen", ar: 2022, type: "vedtak", side: 3 } });
    if (p.state === "ok") expect(p.query).not.toHaveProperty("organ");
  });

  it("explains a bad query in Norwegian and keeps what was typed", () => {
    const p = parseSearchParams({ q: "a", ar: "tjue" });
    expect(p.state).toBe("invalid");
    if (p.state !== "invalid") return;
    expect(p.values.q).toBe("a");
    expect(p.errors.q).toBe("Skriv minst 2 tegn.");
    expect(p.errors.ar).toBe("Årstallet må være et tall.");
    expect(parseSearchParams({ q: "x".repeat(201) })).toMatchObject({ errors: { q: "Søket kan være høyst 200 tegn." } });
    expect(parseSearchParams({ q: "ok", type: "dokument" })).toMatchObject({ errors: { type: "Ukjent type." } });
    expect(parseSearchParams({ q: "ok", organ: "'; DROP TABLE" })).toMatchObject({ state: "invalid" });
  });

  it("turns control characters into spaces", () => {
    expect(parseSearchParams({ q: "lunsj\u0000\u0002til" })).toMatchObject({ state: "ok", query: { q: "lunsj til" } });
  });

  it("takes the first of repeated parameters and falls back to page 1", () => {
    expect(parseSearchParams({ q: ["møte", "annet"], side: "999" })).toMatchObject({ state: "ok", query: { q: "møte", side: 1 } });
    expect(parseSearchParams({ q: "møte", side: "-2" })).toMatchObject({ query: { side: 1 } });
  });
});

describe("substring terms", () => {
  it("drops websearch syntax, excluded words and words too short for a trigram", () => {
    expect(substringTerms('"lunsj til lunsj" -referat or KU møte')).toEqual(["lunsj", "til", "møte"]);
    expect(substringTerms("«Framover sammen»")).toEqual(["framover", "sammen"]);
    expect(substringTerms("å i")).toEqual([]);
  });

  it("makes LIKE patterns that take %, _ and backslash literally", () => {
    expect(containsPattern("møte")).toBe("%møte%");
    expect(containsPattern("100%_a\\b")).toBe("%100\\%\\_a\\\\b%");
  });
});

describe("case number in a query", () => {
  it("reads N/YY and N/YYYY, with or without «sak», and leaves the other words", () => {
    expect(parseCaseNumber("4/22")).toEqual({ number: 4, year: 2022, rest: "" });
    expect(parseCaseNumber("4/2022")).toEqual({ number: 4, year: 2022, rest: "" });
    expect(parseCaseNumber("Sak 12/21")).toEqual({ number: 12, year: 2021, rest: "" });
    expect(parseCaseNumber("sak 4/2022")).toEqual({ number: 4, year: 2022, rest: "" });
    expect(parseCaseNumber("SAK4/22")).toEqual({ number: 4, year: 2022, rest: "" });
    expect(parseCaseNumber("4/22 Ringerike")).toEqual({ number: 4, year: 2022, rest: "Ringerike" });
    expect(parseCaseNumber("vedtak i styresak 03/25, punkt 4")).toEqual({ number: 3, year: 2025, rest: "vedtak i , punkt 4" });
    expect(parseCaseNumber("sak nr. 123/19 budsjett")).toEqual({ number: 123, year: 2019, rest: "budsjett" });
  });

  it("puts a two-digit year from 70 in the last century", () => {
    expect(parseCaseNumber("5/69")).toMatchObject({ year: 2069 });
    expect(parseCaseNumber("5/98")).toMatchObject({ year: 1998 });
  });

  it("takes the first valid number; the others stay words", () => {
    expect(parseCaseNumber("0/22 4/22")).toEqual({ number: 4, year: 2022, rest: "0/22" });
    expect(parseCaseNumber("4/22 5/22")).toEqual({ number: 4, year: 2022, rest: "5/22" });
  });

  it("is no case number when the number, the year or what is around them does not fit", () => {
    for (const q of ["0/22", "000/22", "4/2", "4/022", "4/20222", "1234/22", "1/2/3", "1/2/2022", "4/0022", "4/1899", "x4/22", "4/22b", "lunsj", "sak"]) {
      expect(parseCaseNumber(q), q).toBeNull();
    }
  });
});
