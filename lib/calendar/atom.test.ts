import { describe, expect, it } from "vitest";
import { renderAtom, xmlEscape } from "@/lib/calendar/atom";

describe("Atom feed", () => {
  it("escapes markup and drops characters XML cannot carry", () => {
    expect(xmlEscape(`<a href="x">Tom & Jerry</a>\u0007`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/a&gt;");
  });

  it("renders one entry per publication with absolute links and ISO times", () => {
    const xml = renderAtom({
      id: "https://ipr.example/r/r",
      title: "Rådet – innkallinger & referater",
      selfUrl: "https://ipr.example/r/r/feed.xml",
      htmlUrl: "https://ipr.example/r/r",
      updated: new Date("2022-01-17T14:30:00Z"),
      entries: [
        { id: "https://ipr.example/r/r/moter/m1#minutes", title: "Referat: AU 17. januar 2022", url: "https://ipr.example/r/r/moter/m1", updated: new Date("2022-01-17T14:30:00Z"), summary: "Godkjent <og> publisert." },
      ],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(xml).toContain("<title>Rådet – innkallinger &amp; referater</title>");
    expect(xml.match(/<entry>/g)).toHaveLength(1);
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://ipr.example/r/r/moter/m1"/>');
    expect(xml).toContain("<updated>2022-01-17T14:30:00.000Z</updated>");
    expect(xml).toContain("<summary>Godkjent &lt;og&gt; publisert.</summary>");
  });
});
