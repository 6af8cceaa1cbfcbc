import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

// User-written Markdown becomes React elements, never raw HTML: embedded HTML is dropped and
// react-markdown's URL filter removes javascript: and other unsafe links.
export function Markdown({ children, className }: { children: string | null | undefined; className?: string }) {
  if (!children?.trim()) return null;
  return (
    <div className={`prose-ipr ${className ?? ""}`}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        components={{
          // An image whose URL the filter removed would render src="" (which refetches the page): show its text.
          img: ({ src, alt }) => (typeof src === "string" && src ? <img src={src} alt={alt ?? ""} /> : <span>{alt}</span>),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
