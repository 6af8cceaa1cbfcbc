import { describe, expect, it } from "vitest";
import { marked } from "marked";
import { wordBulletsToMarkdown } from "@/lib/format/word-bullets";

describe("wordBulletsToMarkdown", () => {
  it("reads lines pasted from a Word list as a Markdown list, after a paragraph too", () => {
    const pasted = "Arbeidsutvalget drøftet:\n•\tSamferdsel\n• Helse\n–  Næring";
    expect(wordBulletsToMarkdown(pasted)).toBe("Arbeidsutvalget drøftet:\n- Samferdsel\n- Helse\n- Næring");
    const html = marked.parse(wordBulletsToMarkdown(pasted), { async: false });
    expect(html).toContain("<li>Samferdsel</li>");
    expect(html.match(/<li>/g)).toHaveLength(3);
    // Without it the three points are one paragraph, as before.
    expect(marked.parse(pasted, { async: false }).match(/<li>/g)).toBeNull();
  });

  it("keeps a nested Word level nested and leaves dashes inside a line alone", () => {
    expect(wordBulletsToMarkdown("• Kultur\n\t◦ Bibliotek")).toBe("- Kultur\n    - Bibliotek");
    expect(wordBulletsToMarkdown("Møtet varte 14.00 – 15.30.\n–2 grader")).toBe("Møtet varte 14.00 – 15.30.\n–2 grader");
  });
});
