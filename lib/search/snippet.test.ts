import { describe, expect, it } from "vitest";
import { HIT_START, HIT_STOP, highlightSubstrings, parseHeadline } from "@/lib/search/snippet";

const S = HIT_START;
const E = HIT_STOP;

describe("search snippets", () => {
  it("turns a ts_headline result into text and hits", () => {
    expect(parseHeadline(`- Det inviteres til en ${S}samling${E} fra ${S}lunsj${E} til ${S}lunsj${E}\n- Knut`)).toEqual([
      { text: "Det inviteres til en ", hit: false },
      { text: "samling", hit: true },
      { text: " fra ", hit: false },
      { text: "lunsj", hit: true },
      { text: " til ", hit: false },
      { text: "lunsj", hit: true },
      { text: " Knut", hit: false },
    ]);
  });

  it("keeps markup in documents as plain text", () => {
    const segments = parseHeadline(`<script>alert(1)</script> ${S}<b>møte</b>${E}`);
    expect(segments).toEqual([
      { text: "<script>alert(1)</script> ", hit: false },
      { text: "<b>møte</b>", hit: true },
    ]);
  });

  it("marks parts of compound words, whatever their case", () => {
    const segments = highlightSubstrings("Referat fra ordfører-rådmanns/Kommunedirektørmøte 1. november godkjennes. Neste MØTE i mars.", ["møte"]);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(["møte", "MØTE"]);
    expect(segments.map((s) => s.text).join("")).toBe("Referat fra ordfører-rådmanns/Kommunedirektørmøte 1. november godkjennes. Neste MØTE i mars.");
  });

  it("cuts a long text to a window around the first hit", () => {
    const text = `${"innledning ".repeat(40)}her står samlingen omtalt ${"avslutning ".repeat(40)}`;
    const segments = highlightSubstrings(text, ["samling"]);
    const joined = segments.map((s) => s.text).join("");
    expect(joined.startsWith("… ")).toBe(true);
    expect(joined.endsWith(" …")).toBe(true);
    expect(joined.length).toBeLessThan(260);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(["samling"]);
  });

  it("treats regular-expression characters in terms literally", () => {
    expect(highlightSubstrings("kr 200 000,- (a+b)", ["(a+b)"]).filter((s) => s.hit)).toEqual([{ text: "(a+b)", hit: true }]);
  });
});
