// Shared pdfkit helpers for the portal's printable documents (innkalling now, referat/protokoll later).
// Only the PDF base-14 fonts are used so no font files have to ship with the app; those fonts use
// WinAnsi encoding, and every string goes through pdfText() so nothing outside it reaches pdfkit.
import "server-only";
import PDFDocument from "pdfkit";
import { marked, type Token, type Tokens } from "marked";
import { wordBulletsToMarkdown } from "@/lib/format/word-bullets";

export type Pdf = PDFKit.PDFDocument;

export const FONT = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
  boldItalic: "Helvetica-BoldOblique",
  mono: "Courier",
} as const;

export const SIZE = { body: 10.5, small: 9, footer: 8, h1: 18, h2: 14, h3: 12 } as const;
export const COLOR = { text: "#000000", muted: "#444444", rule: "#999999", headerFill: "#e6e6e6" } as const;

// A4 with roughly 2.2 cm side margins; the bottom margin leaves room for the footer line.
const MARGINS = { top: 56, bottom: 70, left: 62, right: 62 };

export type PdfMeta = { title: string; author: string; subject?: string; keywords?: string };

export function createPdf(meta: PdfMeta): Pdf {
  return new PDFDocument({
    size: "A4",
    margins: MARGINS,
    // Pages stay in memory until the end so the footer can say "Side X av Y".
    bufferPages: true,
    pdfVersion: "1.7",
    lang: "nb-NO",
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      ...(meta.subject ? { Subject: meta.subject } : {}),
      ...(meta.keywords ? { Keywords: meta.keywords } : {}),
      Creator: "IPR-portalen",
    },
    font: FONT.regular,
  });
}

/** Ends the document and resolves with the bytes. Readable buffers early output, so attaching here is safe. */
export function finishPdf(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

// ───────────────────────────── Text encoding ─────────────────────────────

// Characters above U+00FF that WinAnsi (and pdfkit's AFM fonts) still has glyphs for.
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

// Close stand-ins for characters that occur in Norwegian office text but have no WinAnsi glyph.
const REPLACEMENTS: Record<string, string> = {
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2015": "\u2014", "\u2212": "-", "\u2043": "-",
  "\u201b": "'", "\u201f": '"', "\u2032": "'", "\u2033": '"', "\u02bc": "'", "\u02b9": "'",
  "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
  "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u205f": " ", "\u3000": " ",
  // Intl's nb-NO number format may group digits with a narrow no-break space ("200 000").
  "\u202f": "\u00a0",
  "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
  "\u2028": "\n", "\u2029": "\n",
  "\u2023": "\u2022", "\u25aa": "\u2022", "\u25cf": "\u2022", "\u25e6": "\u2022", "\u2219": "\u2022", "\u25a0": "\u2022",
  "\u2192": "->", "\u2190": "<-", "\u2194": "<->", "\u21d2": "=>", "\u2264": "<=", "\u2265": ">=", "\u2260": "!=",
  "\u2248": "~", "\u2713": "v", "\u2714": "v", "\u2717": "x", "\u2718": "x", "\u2610": "[ ]", "\u2611": "[x]",
  "\u2612": "[x]", "\u2116": "nr.",
  // Northern Sámi letters without a WinAnsi glyph and without a Unicode decomposition.
  "\u0111": "d", "\u0110": "D", "\u014b": "n", "\u014a": "N", "\u0167": "t", "\u0166": "T",
  "\u0142": "l", "\u0141": "L", "\u0131": "i",
};

function encodable(cp: number): boolean {
  return (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp);
}

/**
 * Makes a string safe for the standard fonts. pdfkit writes any code point above 0xFF as garbage
 * bytes, so letters are folded to their base letter (č → c) and anything else becomes "?" — the
 * reader sees that something was there instead of text vanishing silently.
 */
export function pdfText(input: string): string {
  let out = "";
  for (const ch of input.replace(/\r\n?/g, "\n").normalize("NFC")) {
    const cp = ch.codePointAt(0)!;
    if (ch === "\n") out += ch;
    else if (ch === "\t") out += " ";
    else if (encodable(cp)) out += ch;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue; // control characters carry no text
    else if (ch in REPLACEMENTS) out += REPLACEMENTS[ch];
    else out += foldToWinAnsi(ch);
  }
  return out;
}

function foldToWinAnsi(ch: string): string {
  const base = ch.normalize("NFKD").replace(/\p{M}/gu, "");
  // A lone combining mark or variation selector modifies the previous letter; dropping it keeps the letter.
  if (base === "") return "";
  if ([...base].every((c) => encodable(c.codePointAt(0)!) || c in REPLACEMENTS)) {
    return [...base].map((c) => REPLACEMENTS[c] ?? c).join("");
  }
  return "?";
}

/** Characters pdfText() had to replace; callers can log them when a document loses fidelity. */
export function unsupportedPdfChars(input: string): string[] {
  const found = new Set<string>();
  for (const ch of input.normalize("NFC")) {
    const cp = ch.codePointAt(0)!;
    if (!encodable(cp) && ch !== "\n" && ch !== "\t" && ch !== "\r") found.add(ch);
  }
  return [...found];
}

// ───────────────────────────── Layout primitives ─────────────────────────────

export function contentLeft(doc: Pdf): number {
  return doc.page.margins.left;
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page when fewer than `height` points remain, so headings are not orphaned at the bottom. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

export function lineHeight(doc: Pdf, fontSize: number): number {
  return doc.fontSize(fontSize).currentLineHeight(true);
}

export type TextBlockOptions = {
  font?: string;
  size?: number;
  color?: string;
  indent?: number; // extra left indent in points
  gapAfter?: number; // points below the block
};

/** Plain text, wrapped to the content width. Newlines are kept as line breaks. */
export function textBlock(doc: Pdf, text: string, opts: TextBlockOptions = {}): void {
  const size = opts.size ?? SIZE.body;
  const indent = opts.indent ?? 0;
  doc
    .font(opts.font ?? FONT.regular)
    .fontSize(size)
    .fillColor(opts.color ?? COLOR.text)
    .text(pdfText(text), contentLeft(doc) + indent, doc.y, { width: contentWidth(doc) - indent, lineGap: 1.5 });
  doc.x = contentLeft(doc);
  doc.fillColor(COLOR.text);
  doc.y += opts.gapAfter ?? size * 0.5;
}

/** Plain text split into paragraphs at blank lines (for fields that are not Markdown). */
export function plainParagraphs(doc: Pdf, text: string, opts: TextBlockOptions = {}): void {
  for (const para of text.split(/\n\s*\n/)) {
    if (para.trim()) textBlock(doc, para.trim(), opts);
  }
}

export function heading(doc: Pdf, text: string, level: 1 | 2 | 3, opts: { rule?: boolean } = {}): void {
  const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
  doc.y += level === 1 ? 0 : size * 0.6;
  // Keep the heading together with at least three lines of what follows.
  ensureSpace(doc, lineHeight(doc, size) + 3 * lineHeight(doc, SIZE.body) + 8);
  doc
    .font(FONT.bold)
    .fontSize(size)
    .fillColor(COLOR.text)
    .text(pdfText(text), contentLeft(doc), doc.y, { width: contentWidth(doc) });
  doc.x = contentLeft(doc);
  if (opts.rule) {
    doc.y += 2;
    horizontalRule(doc);
  }
  doc.y += size * 0.35;
}

export function horizontalRule(doc: Pdf, color: string = COLOR.rule): void {
  const y = doc.y;
  doc
    .save()
    .moveTo(contentLeft(doc), y)
    .lineTo(contentLeft(doc) + contentWidth(doc), y)
    .lineWidth(0.6)
    .strokeColor(color)
    .stroke()
    .restore();
  doc.y = y + 4;
}

/** "Label: value" rows with the labels in a fixed column, as in the head of a formal notice. */
export function labelValueRows(doc: Pdf, rows: [label: string, value: string][], labelWidth = 70): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  for (const [label, value] of rows) {
    doc.font(FONT.regular).fontSize(SIZE.body);
    const valueText = pdfText(value);
    const h = doc.heightOfString(valueText, { width: width - labelWidth, lineGap: 1.5 });
    ensureSpace(doc, h);
    const y = doc.y;
    doc.font(FONT.bold).text(pdfText(label), left, y, { width: labelWidth - 6, lineGap: 1.5 });
    doc.font(FONT.regular).text(valueText, left + labelWidth, y, { width: width - labelWidth, lineGap: 1.5 });
    doc.x = left;
    doc.y = Math.max(doc.y, y + h) + 2;
  }
}

// ───────────────────────────── Tables ─────────────────────────────

export type TableColumn = { header: string; width: number /* share of the content width */ };

const CELL_PAD = 4;

/**
 * A simple ruled table. Rows never split across pages (a row that would not fit starts a new page
 * and the header is repeated), which keeps each person or item readable on paper.
 */
export function table(doc: Pdf, columns: TableColumn[], rows: string[][], opts: { size?: number } = {}): void {
  const size = opts.size ?? SIZE.small + 0.5;
  const left = contentLeft(doc);
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));

  const measure = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(
      ...cells.map((cell, i) => doc.heightOfString(pdfText(cell) || " ", { width: widths[i] - 2 * CELL_PAD, lineGap: 1 })),
    ) + 2 * CELL_PAD;
  };

  const drawRow = (cells: string[], font: string, fill: string | null) => {
    const h = measure(cells, font);
    const y = doc.y;
    if (fill) doc.save().rect(left, y, widths.reduce((a, b) => a + b, 0), h).fill(fill).restore();
    let x = left;
    doc.font(font).fontSize(size).fillColor(COLOR.text);
    cells.forEach((cell, i) => {
      doc.text(pdfText(cell), x + CELL_PAD, y + CELL_PAD, { width: widths[i] - 2 * CELL_PAD, lineGap: 1 });
      x += widths[i];
    });
    doc.y = y + h;
    doc.x = left;
    doc
      .save()
      .moveTo(left, doc.y)
      .lineTo(left + contentWidth(doc), doc.y)
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke()
      .restore();
  };

  const headers = columns.map((c) => c.header);
  const headerHeight = measure(headers, FONT.bold);
  ensureSpace(doc, headerHeight + (rows[0] ? measure(rows[0], FONT.regular) : 0));
  drawRow(headers, FONT.bold, COLOR.headerFill);
  for (const row of rows) {
    const h = measure(row, FONT.regular);
    if (doc.y + h > doc.page.maxY()) {
      doc.addPage();
      drawRow(headers, FONT.bold, COLOR.headerFill);
    }
    drawRow(row, FONT.regular, null);
  }
  doc.y += 6;
}

// ───────────────────────────── Markdown ─────────────────────────────

type Run = { text: string; bold?: boolean; italic?: boolean; code?: boolean; strike?: boolean; link?: string };
type Style = Omit<Run, "text">;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad", sect: "§",
  aring: "å", Aring: "Å", aelig: "æ", AElig: "Æ", oslash: "ø", Oslash: "Ø", eacute: "é", Eacute: "É",
  ndash: "–", mdash: "—", laquo: "«", raquo: "»", hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”",
  euro: "€", bull: "•", middot: "·", deg: "°",
};

// marked decodes numeric character references but leaves named ones (&aring;) as typed.
function decodeEntities(s: string): string {
  return s.replace(/&([a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/g, (m, name: string) => {
    if (name.startsWith("#x")) return safeFromCodePoint(parseInt(name.slice(2), 16)) ?? m;
    if (name.startsWith("#")) return safeFromCodePoint(parseInt(name.slice(1), 10)) ?? m;
    return NAMED_ENTITIES[name] ?? m;
  });
}

function safeFromCodePoint(cp: number): string | null {
  return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : null;
}

// Only links a reader can follow on paper or safely click: no javascript:, file: or data: targets.
function safeHref(href: string): string | null {
  return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

function inlineRuns(tokens: Token[] | undefined, style: Style = {}): Run[] {
  const runs: Run[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case "text": {
        const tok = t as Tokens.Text;
        if (tok.tokens?.length) runs.push(...inlineRuns(tok.tokens, style));
        // A single newline inside a paragraph is a soft break in Markdown, i.e. a space.
        else runs.push({ ...style, text: decodeEntities(tok.text).replace(/\n/g, " ") });
        break;
      }
      case "escape":
        runs.push({ ...style, text: (t as Tokens.Escape).text });
        break;
      case "strong":
        runs.push(...inlineRuns((t as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case "em":
        runs.push(...inlineRuns((t as Tokens.Em).tokens, { ...style, italic: true }));
        break;
      case "del":
        runs.push(...inlineRuns((t as Tokens.Del).tokens, { ...style, strike: true }));
        break;
      case "codespan":
        runs.push({ ...style, code: true, text: decodeEntities((t as Tokens.Codespan).text) });
        break;
      case "br":
        runs.push({ ...style, text: "\n" });
        break;
      case "link": {
        const tok = t as Tokens.Link;
        const href = safeHref(tok.href);
        const inner = inlineRuns(tok.tokens, href ? { ...style, link: href } : style);
        runs.push(...inner);
        const shown = inner.map((r) => r.text).join("").trim();
        // On paper a link is only useful if the address itself is printed.
        if (href && shown !== href && shown !== href.replace(/^mailto:/i, "")) {
          runs.push({ ...style, text: ` (${href.replace(/^mailto:/i, "")})` });
        }
        break;
      }
      case "image": {
        const alt = (t as Tokens.Image).text.trim();
        runs.push({ ...style, italic: true, text: alt ? `[Bilde: ${alt}]` : "[Bilde]" });
        break;
      }
      // Raw HTML is never rendered, not even as visible tags; text between tags is still kept.
      case "html":
      case "tag":
      case "checkbox":
        break;
      default: {
        const generic = t as { tokens?: Token[]; text?: string };
        if (generic.tokens) runs.push(...inlineRuns(generic.tokens, style));
        else if (typeof generic.text === "string") runs.push({ ...style, text: decodeEntities(generic.text) });
      }
    }
  }
  return runs;
}

function fontFor(run: Style): string {
  // Inline code stays in Helvetica: pdfkit places each run by its own font's ascender, so Courier
  // inside a Helvetica line would sit visibly higher. Fenced code blocks do use Courier.
  if (run.code) return fontFor({ ...run, code: false });
  if (run.bold && run.italic) return FONT.boldItalic;
  if (run.bold) return FONT.bold;
  if (run.italic) return FONT.italic;
  return FONT.regular;
}

/** Writes mixed-style runs as one wrapped paragraph starting at (x, doc.y). */
export function writeRuns(doc: Pdf, runs: Run[], x: number, width: number, size: number): void {
  const parts = runs.map((r) => ({ ...r, text: pdfText(r.text) })).filter((r) => r.text.length > 0);
  // Leading/trailing whitespace from soft breaks would indent or pad the paragraph.
  if (parts.length) {
    parts[0].text = parts[0].text.replace(/^[ \u00a0]+/, "");
    parts[parts.length - 1].text = parts[parts.length - 1].text.replace(/[ \u00a0]+$/, "");
  }
  const visible = parts.filter((r) => r.text.length > 0);
  if (!visible.length) return;
  const y = doc.y;
  visible.forEach((run, i) => {
    const opts: PDFKit.Mixins.TextOptions = {
      width,
      lineGap: 1.5,
      continued: i < visible.length - 1,
      strike: run.strike ?? false,
      underline: Boolean(run.link),
      // Explicit null: pdfkit carries options over between continued calls, links included.
      link: run.link ?? null,
    };
    doc
      .font(fontFor(run))
      .fontSize(size)
      .fillColor(COLOR.text);
    if (i === 0) doc.text(run.text, x, y, opts);
    else doc.text(run.text, opts);
  });
  doc.x = contentLeft(doc);
}

type BlockCtx = { indent: number; size: number; listDepth: number; tight: boolean; quote: boolean };

function blockGap(ctx: BlockCtx): number {
  return ctx.tight ? 1 : ctx.size * 0.55;
}

function renderBlocks(doc: Pdf, tokens: Token[], ctx: BlockCtx): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  for (const t of tokens) {
    switch (t.type) {
      case "paragraph":
      case "text": {
        const tok = t as Tokens.Paragraph | Tokens.Text;
        const style: Style = ctx.quote ? { italic: true } : {};
        const runs = tok.tokens?.length ? inlineRuns(tok.tokens, style) : [{ ...style, text: decodeEntities(tok.text) }];
        writeRuns(doc, runs, left + ctx.indent, width - ctx.indent, ctx.size);
        doc.y += blockGap(ctx);
        break;
      }
      case "heading": {
        const tok = t as Tokens.Heading;
        const size = tok.depth <= 1 ? SIZE.h3 + 1 : tok.depth === 2 ? SIZE.h3 : ctx.size + 0.5;
        doc.y += size * 0.3;
        ensureSpace(doc, lineHeight(doc, size) + 2 * lineHeight(doc, ctx.size));
        writeRuns(doc, inlineRuns(tok.tokens, { bold: true }), left + ctx.indent, width - ctx.indent, size);
        doc.y += size * 0.35;
        break;
      }
      case "list":
        renderList(doc, t as Tokens.List, ctx);
        break;
      case "blockquote":
        renderBlocks(doc, (t as Tokens.Blockquote).tokens, { ...ctx, indent: ctx.indent + 14, quote: true });
        break;
      case "code": {
        const text = pdfText((t as Tokens.Code).text);
        doc
          .font(FONT.mono)
          .fontSize(ctx.size - 1.5)
          .fillColor(COLOR.text)
          .text(text, left + ctx.indent + 10, doc.y, { width: width - ctx.indent - 10, lineGap: 1 });
        doc.x = left;
        doc.y += blockGap(ctx);
        break;
      }
      case "table": {
        const tok = t as Tokens.Table;
        const cellText = (c: Tokens.TableCell) =>
          inlineRuns(c.tokens)
            .map((r) => r.text)
            .join("")
            .trim();
        table(
          doc,
          tok.header.map((h) => ({ header: cellText(h), width: 1 })),
          tok.rows.map((row) => row.map(cellText)),
        );
        break;
      }
      case "hr":
        doc.y += 2;
        horizontalRule(doc);
        doc.y += 2;
        break;
      case "html": // never rendered: secretariat text must not smuggle markup or scripts into documents
      case "space":
      case "def":
        break;
      default: {
        const generic = t as { tokens?: Token[]; text?: string };
        if (generic.tokens) renderBlocks(doc, generic.tokens, ctx);
      }
    }
  }
}

function renderList(doc: Pdf, list: Tokens.List, ctx: BlockCtx): void {
  const left = contentLeft(doc);
  const markerWidth = list.ordered ? 20 : 14;
  const start = typeof list.start === "number" ? list.start : 1;
  list.items.forEach((item, i) => {
    const marker = item.task
      ? item.checked
        ? "[x]"
        : "[ ]"
      : list.ordered
        ? `${start + i}.`
        : ctx.listDepth % 2 === 0
          ? "\u2022"
          : "\u2013";
    const width = item.task ? 22 : markerWidth;
    ensureSpace(doc, lineHeight(doc, ctx.size));
    const y = doc.y;
    doc
      .font(FONT.regular)
      .fontSize(ctx.size)
      .fillColor(COLOR.text)
      .text(marker, left + ctx.indent, y, { width, lineBreak: false });
    doc.y = y;
    renderBlocks(doc, item.tokens, {
      ...ctx,
      indent: ctx.indent + width,
      listDepth: ctx.listDepth + 1,
      tight: !list.loose,
    });
  });
  if (ctx.listDepth === 0) doc.y += ctx.size * 0.45;
}

export type MarkdownOptions = { size?: number; indent?: number };

/**
 * Renders saksframlegg text written in Markdown: paragraphs, headings, lists, bold/italic,
 * links (printed with their address), simple tables. Raw HTML is dropped, never interpreted.
 */
export function markdown(doc: Pdf, source: string, opts: MarkdownOptions = {}): void {
  const tokens = marked.lexer(wordBulletsToMarkdown(source), { gfm: true });
  renderBlocks(doc, tokens, { indent: opts.indent ?? 0, size: opts.size ?? SIZE.body, listDepth: 0, tight: false, quote: false });
  doc.x = contentLeft(doc);
}

// ───────────────────────────── Footer ─────────────────────────────

/**
 * Writes "Side X av Y" (and an optional left text) on every buffered page. Call just before
 * finishPdf(); the bottom margin is lifted while writing so pdfkit does not add a page.
 */
export function addPageFooters(doc: Pdf, leftText?: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const left = contentLeft(doc);
    const width = contentWidth(doc);
    const y = doc.page.height - bottom + 24;
    doc
      .save()
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke()
      .restore();
    doc.font(FONT.regular).fontSize(SIZE.footer).fillColor(COLOR.muted);
    const pageLabel = `Side ${i - range.start + 1} av ${range.count}`;
    const pageLabelWidth = doc.widthOfString(pageLabel);
    if (leftText) {
      // Clip the left text so it never runs into the page number.
      let text = pdfText(leftText);
      while (text.length > 1 && doc.widthOfString(text) > width - pageLabelWidth - 16) text = `${text.slice(0, -2)}…`;
      doc.text(text, left, y, { lineBreak: false });
    }
    doc.text(pageLabel, left + width - pageLabelWidth, y, { lineBreak: false });
    doc.fillColor(COLOR.text);
    doc.page.margins.bottom = bottom;
  }
}
