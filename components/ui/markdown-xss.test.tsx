import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "@/components/ui/markdown";
import { createPdf, finishPdf, markdown as pdfMarkdown } from "@/lib/documents/pdf-kit";
import { createMeetingSchema } from "@/lib/meetings/schemas";
import { executableParts, xssPayloads } from "@/tests/helpers/html-safety";

// Every text a user writes (saksframlegg, vedtak, plan texts, comments) goes through <Markdown> on
// the page and through the PDF Markdown writer in documents. Neither may ever let it execute:
// a known-payload corpus plus generated input, checked by parsing the output, not by string search.

const render = (md: string) => renderToStaticMarkup(<Markdown>{md}</Markdown>);

const SCHEMES = ["javascript:", "vbscript:", "data:", "data:text/html;base64,", "data:image/svg+xml,"];
const CODE = ["alert(1)", "alert`1`", "eval(atob('YWxlcnQoMSk='))", "//%0Aalert(1)", "<script>alert(1)</script>", "msgbox(1)"];

// One character of a scheme written the ways browsers and Markdown parsers decode.
function encodeChar(c: string, how: number): string {
  const cp = c.codePointAt(0)!;
  switch (how) {
    case 1: return `&#${cp};`;
    case 2: return `&#x${cp.toString(16)};`;
    case 3: return `&#${String(cp).padStart(7, "0")}`;
    case 4: return c.toUpperCase();
    case 5: return `%${cp.toString(16)}`;
    case 6: return c === ":" ? "&colon;" : c;
    case 7: return `${c}\t`;
    case 8: return `${c}&#x09;`;
    default: return c;
  }
}

const dangerousUrl = fc
  .tuple(fc.constantFrom(...SCHEMES), fc.array(fc.nat(12), { minLength: 24, maxLength: 24 }), fc.constantFrom(...CODE), fc.constantFrom("", " ", "\t", "\u0001", "\u00a0", "&#32;"))
  .map(([scheme, hows, code, lead]) => lead + [...scheme].map((c, i) => encodeChar(c, hows[i])).join("") + code);

const markdownLink = fc
  .tuple(dangerousUrl, fc.constantFrom("klikk", "<b>x</b>", "![i](x)", ""), fc.nat(7))
  .map(([url, text, form]) =>
    [
      `[${text}](${url})`,
      `![${text}](${url})`,
      `[${text}](<${url}>)`,
      `<${url}>`,
      `[${text}][r]\n\n[r]: ${url}`,
      `[${text}](${url} "tittel")`,
      `<a href="${url}">${text}</a>`,
      `<img src="${url}" alt="${text}">`,
    ][form],
  );

const TAGS = ["script", "iframe", "img", "svg", "a", "div", "object", "embed", "meta", "base", "form", "style", "math", "details", "body", "input", "video", "link"];
const ATTRS = ["onerror", "onload", "onclick", "ONMOUSEOVER", "onfocus", "style", "href", "src", "srcdoc", "formaction", "action", "http-equiv", "xlink:href"];
const htmlFragment = fc
  .tuple(fc.constantFrom(...TAGS), fc.array(fc.tuple(fc.constantFrom(...ATTRS), fc.oneof(dangerousUrl, fc.constantFrom("alert(1)", "expression(alert(1))", "background:url(javascript:alert(1))", "refresh"))), { maxLength: 3 }), fc.string({ maxLength: 20 }), fc.boolean())
  .map(([tag, attrs, inner, close]) => `<${tag}${attrs.map(([n, v]) => ` ${n}="${v}"`).join("")}>${inner}${close ? `</${tag}>` : ""}`);

const piece = fc.oneof(
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: htmlFragment },
  { weight: 3, arbitrary: markdownLink },
  { weight: 1, arbitrary: fc.constantFrom("**", "*", "`", "```", "> ", "- ", "1. ", "| a | b |\n|---|---|\n", "\n\n", "<!--", "-->", "<![CDATA[", "&lt;", "&#60;", "\\") },
);
const userText = fc.array(piece, { minLength: 1, maxLength: 6 }).chain((pieces) => fc.constantFrom("", "\n", "\n\n", " ").map((sep) => pieces.join(sep)));

// The links the PDF writer would put into the document.
async function pdfLinks(source: string): Promise<string[]> {
  const doc = createPdf({ title: "Test", author: "Test" });
  const links: string[] = [];
  const text = doc.text.bind(doc);
  doc.text = ((...args: Parameters<typeof doc.text>) => {
    for (const a of args) if (a && typeof a === "object" && "link" in a && a.link) links.push(String(a.link));
    return text(...args);
  }) as typeof doc.text;
  pdfMarkdown(doc, source);
  await finishPdf(doc);
  return links;
}

describe("user-written Markdown cannot execute", () => {
  let corpus: string[];
  beforeAll(async () => {
    corpus = await xssPayloads();
  });

  it("the known-payload corpus is large enough to mean something", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
  });

  it("renders no payload of the corpus into executable HTML, alone or inside text", () => {
    for (const payload of corpus) {
      for (const md of [payload, `Tekst før\n\n${payload}\n\nTekst etter`, `- punkt ${payload}`]) {
        expect({ payload: md, findings: executableParts(render(md)) }).toEqual({ payload: md, findings: [] });
      }
    }
  });

  it("renders no generated input into executable HTML (1 500 runs)", () => {
    fc.assert(
      fc.property(userText, (md) => {
        expect(executableParts(render(md))).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it("still renders ordinary links and images", () => {
    const html = render("[sak](https://ipr.example/sak) og ![kart](https://ipr.example/kart.png) og [epost](mailto:post@ipr.example)");
    expect(html).toContain('href="https://ipr.example/sak"');
    expect(html).toContain('src="https://ipr.example/kart.png"');
    expect(html).toContain('href="mailto:post@ipr.example"');
    expect(executableParts(html)).toEqual([]);
  });

  it("the checker itself catches what it must", () => {
    for (const bad of ['<script>x</script>', '<a href=" jav&#x09;ascript:x">x</a>', '<p onclick="x">x</p>', '<div style="width:expression(1)">x</div>', '<img src="data:image/svg+xml,x">', '<form action="vbscript:x"></form>', '<meta http-equiv="refresh">', '<base href="/">', '<iframe srcdoc="x"></iframe>', '<svg><a xlink:href="javascript:x">x</a></svg>', "<body onload=x>", '<span style="x:expr/**/ession(1)">x</span>', "<img src=x onerror=y>"]) {
      expect(executableParts(bad).length, bad).toBeGreaterThan(0);
    }
  });

  // The one user-typed URL rendered as a plain href (the Teams link in notices and meeting pages).
  it("accepts only https:// meeting links, for the corpus and generated URLs", () => {
    const meeting = (remoteUrl: string) => createMeetingSchema.safeParse({ bodyId: "b1", date: "2027-03-01", startTime: "14:00", remoteUrl });
    const check = (url: string) => {
      const r = meeting(url);
      if (r.success && r.data.remoteUrl !== null) expect(r.data.remoteUrl, url).toMatch(/^https:\/\/\S+$/);
    };
    corpus.forEach(check);
    fc.assert(fc.property(fc.oneof(dangerousUrl, fc.string(), fc.webUrl()), check), { numRuns: 1000 });
    expect(meeting("https://teams.example/møte").success).toBe(true);
  });

  it("puts only http(s) and mailto links into PDFs, for the corpus and generated input", async () => {
    const safe = /^(https?:|mailto:)/i;
    for (const payload of corpus) for (const link of await pdfLinks(payload)) expect(link, payload).toMatch(safe);
    await fc.assert(
      fc.asyncProperty(userText, async (md) => {
        for (const link of await pdfLinks(md)) expect(link).toMatch(safe);
      }),
      { numRuns: 300 },
    );
  });
});
