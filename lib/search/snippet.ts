// Search snippets as segments of plain text, some of them hits. The page renders hits as <mark> and
// everything else as text, so no string from the database is ever parsed as HTML: a document that
// contains "<script>" shows those characters, escaped by React like any other text.

export type SnippetSegment = { text: string; hit: boolean };

// ts_headline marks hits with these instead of HTML tags (StartSel/StopSel); the SQL strips them
// from the source text first, so every one in the output is ours.
export const HIT_START = "\u0002";
export const HIT_STOP = "\u0003";

const SNIPPET_CHARS = 240;

function tidy(text: string) {
  // Markdown bullets and line breaks read as one running line in a result list.
  return text.replace(/^\s*[-*]\s+/gm, "").replace(/\s+/g, " ");
}

function push(out: SnippetSegment[], text: string, hit: boolean) {
  if (!text) return;
  const last = out.at(-1);
  if (last && last.hit === hit) last.text += text;
  else out.push({ text, hit });
}

/** A ts_headline result with HIT_START/HIT_STOP around hits, as segments. */
export function parseHeadline(raw: string): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  let hit = false;
  let buffer = "";
  for (const ch of tidy(raw)) {
    if (ch === HIT_START || ch === HIT_STOP) {
      push(out, buffer, hit);
      buffer = "";
      hit = ch === HIT_START;
    } else buffer += ch;
  }
  push(out, buffer, hit);
  return trimEdges(out);
}

function trimEdges(segments: SnippetSegment[]) {
  if (segments.length) {
    segments[0].text = segments[0].text.trimStart();
    segments[segments.length - 1].text = segments[segments.length - 1].text.trimEnd();
  }
  return segments.filter((s) => s.text);
}

export function hasHit(segments: SnippetSegment[]): boolean {
  return segments.some((s) => s.hit);
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * For substring (trigram) matches, which ts_headline cannot see inside a compound word: a window of
 * the text around the first occurrence of any term, every occurrence marked.
 */
export function highlightSubstrings(text: string, terms: string[]): SnippetSegment[] {
  const clean = tidy(text).trim();
  if (!terms.length) return clean ? [{ text: clip(clean, 0), hit: false }] : [];
  const pattern = new RegExp(terms.map(escapeRegExp).sort((a, b) => b.length - a.length).join("|"), "giu");
  const first = clean.search(pattern);
  const start = first <= 60 ? 0 : clean.lastIndexOf(" ", first - 60) + 1;
  const end = Math.min(clean.length, start + SNIPPET_CHARS);
  const cutEnd = end < clean.length ? Math.max(clean.lastIndexOf(" ", end), first + 1) : end;
  const window = clean.slice(start, cutEnd);
  const out: SnippetSegment[] = [];
  if (start > 0) push(out, "… ", false);
  let at = 0;
  for (const m of window.matchAll(pattern)) {
    push(out, window.slice(at, m.index), false);
    push(out, m[0], true);
    at = m.index + m[0].length;
  }
  push(out, window.slice(at), false);
  if (cutEnd < clean.length) push(out, " …", false);
  return out;
}

function clip(text: string, start: number) {
  return text.length - start > SNIPPET_CHARS ? `${text.slice(start, start + SNIPPET_CHARS)} …` : text.slice(start);
}
