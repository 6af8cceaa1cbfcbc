import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { LRUCache } from "lru-cache";
import type { ComponentProps, ReactElement } from "react";
import { TableScroll } from "@/components/ui/table-scroll";
import { wordBulletsToMarkdown } from "@/lib/format/word-bullets";

const components = {
  // An image whose URL the filter removed would render src="" (which refetches the page): show its text.
  img: ({ src, alt }: { src?: unknown; alt?: string }) => (typeof src === "string" && src ? <img src={src} alt={alt ?? ""} /> : <span>{alt}</span>),
  // Cells keep whole words (app/globals.css), so a wide table in a saksframlegg scrolls on a phone instead of widening the page.
  table: ({ node: _node, ...props }: ComponentProps<"table"> & { node?: unknown }) => (
    <TableScroll label="Tabell">
      <table {...props} />
    </TableScroll>
  ),
};

// Parsing Markdown is most of the cost of rendering a referat. The same text always gives the same
// elements (an element is an immutable description), so they are kept per text and reused.
const rendered = new LRUCache<string, ReactElement>({ max: 5000 });

// User-written Markdown becomes React elements, never raw HTML: embedded HTML is dropped and
// react-markdown's URL filter removes javascript: and other unsafe links.
export function Markdown({ children, className }: { children: string | null | undefined; className?: string }) {
  if (!children?.trim()) return null;
  let body = rendered.get(children);
  if (!body) {
    // The synchronous react-markdown component uses no hooks, so calling it directly is safe.
    body = ReactMarkdown({ children: wordBulletsToMarkdown(children), remarkPlugins: [remarkGfm], skipHtml: true, components }) as ReactElement;
    rendered.set(children, body);
  }
  return <div className={`prose-ipr ${className ?? ""}`}>{body}</div>;
}
