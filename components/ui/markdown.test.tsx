import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "@/components/ui/markdown";

const render = (md: string) => renderToStaticMarkup(<Markdown>{md}</Markdown>);

// Nothing a user writes in a saksframlegg may become executable in the page.
const payloads = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "[klikk](javascript:alert(1))",
  "[klikk](JaVaScRiPt:alert(1))",
  "[klikk](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![bilde](javascript:alert(1))",
  '<a href="javascript:alert(1)">lenke</a>',
  "<iframe src=https://example.com></iframe>",
  '<svg onload="alert(1)"></svg>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "[a](vbscript:msgbox(1))",
  '"><script>alert(1)</script>',
  "<details open ontoggle=alert(1)>",
];

describe("saksframlegg Markdown", () => {
  it("reads a list pasted from Word, with its bullet characters, as a list", () => {
    const html = render("Utvalget drøftet:\n•\tSamferdsel\n• Helse");
    expect(html).toContain("<li>Samferdsel</li>");
    expect(html).toContain("<li>Helse</li>");
    expect(html).not.toContain("•");
  });

  it("renders the formatting secretariats use", () => {
    const html = render("## Bakgrunn\n\n**Viktig:** se [sak 4/22](https://ipr.example.no/sak).\n\n- punkt én\n- punkt to\n\n| Kommune | Innbyggere |\n|---|---|\n| Hole | 6 900 |");
    expect(html).toContain("<h2>Bakgrunn</h2>");
    expect(html).toContain("<strong>Viktig:</strong>");
    expect(html).toContain('<a href="https://ipr.example.no/sak">sak 4/22</a>');
    expect(html).toContain("<li>punkt én</li>");
    expect(html).toContain("<td>Hole</td>");
    // A table scrolls in its own focusable region on a phone, since its cells keep whole words.
    expect(html).toMatch(/<div role="region" aria-label="Tabell" tabindex="0" class="overflow-x-auto[^"]*"><table>/);
  });

  it.each(payloads)("neutralises %s", (payload) => {
    const html = render(`Tekst før\n\n${payload}\n\nTekst etter`).toLowerCase();
    expect(html).not.toMatch(/<script|<iframe|<svg|<details|\son\w+=|javascript:|vbscript:|data:text\/html|style=/);
    expect(html).toContain("tekst etter");
  });
});
