import { parse, type DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

// Elements that run code, load a document, or change where links and forms go.
const FORBIDDEN_ELEMENTS = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "applet", "meta", "base", "link", "form", "style", "svg", "math", "template", "noscript", "textarea", "button", "select"]);
// What react-markdown with remark-gfm produces, and nothing else.
const MARKDOWN_ELEMENTS = new Set([
  "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "del", "code", "pre", "blockquote",
  "a", "img", "span", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "input", "sup", "section",
]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "cite", "data", "srcdoc", "ping", "manifest"]);
const SAFE_URL = /^(?:[^:/?#]*(?:[/?#]|$)|(?:https?|ircs?|mailto|xmpp):)/i;

/** A URL as a browser reads it: entities are decoded by the parser, control characters and spaces dropped. */
function normalizeUrl(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
}

/**
 * Everything in an HTML fragment that could execute script or navigate somewhere dangerous, as
 * readable findings (empty when safe). `allowed` restricts element names further, e.g. to Markdown's.
 */
export function executableParts(html: string, allowed: Set<string> = MARKDOWN_ELEMENTS): string[] {
  const findings: string[] = [];
  const visit = (node: Node) => {
    if ("tagName" in node) {
      const el = node as Element;
      const tag = el.tagName.toLowerCase();
      const attr = (n: string) => el.attrs.find((a) => a.name === n)?.value;
      // React 19 hints the browser to preload every <img> it renders; the href is the image's URL.
      const imagePreload = tag === "link" && attr("rel") === "preload" && attr("as") === "image";
      // The page's own skeleton; a stray <body onload> in the output would land on it, so its attributes count.
      if (imagePreload || tag === "html" || tag === "head" || tag === "body") {
        // attributes checked below
      } else if (FORBIDDEN_ELEMENTS.has(tag)) findings.push(`<${tag}> element`);
      else if (!allowed.has(tag)) findings.push(`unexpected <${tag}> element`);
      for (const attr of el.attrs) {
        const name = (attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name).toLowerCase();
        const url = normalizeUrl(attr.value);
        if (name.startsWith("on")) findings.push(`${name}= on <${tag}>`);
        if (name === "style" && /expression|url\s*\(|javascript:|vbscript:|behavior|binding|@import/i.test(attr.value.replace(/\/\*.*?\*\/|\\|\s/g, ""))) findings.push(`style="${attr.value}" on <${tag}>`);
        if (URL_ATTRIBUTES.has(name) && (/^(?:javascript|vbscript|data):/.test(url) || !SAFE_URL.test(url))) findings.push(`${name}="${attr.value}" on <${tag}>`);
        if (name === "http-equiv" || name === "srcdoc" || name === "formaction") findings.push(`${name}= on <${tag}>`);
      }
      if (tag === "input" && attr("type") !== "checkbox") findings.push("<input> that is not a task-list checkbox");
    }
    if ("content" in node && node.content) node.content.childNodes.forEach(visit);
    if ("childNodes" in node) node.childNodes.forEach(visit);
  };
  // Parsed as a browser parses the page around it: inside <body>, where a stray <body onload> merges into the real one.
  parse(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).childNodes.forEach(visit);
  return findings;
}

/** The known-payload corpus: one payload per line, `\n` for a line break, `#` comments. */
export async function xssPayloads(): Promise<string[]> {
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(new URL("../fixtures/xss-payloads.txt", import.meta.url), "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.replace(/\\n/g, "\n"));
}
