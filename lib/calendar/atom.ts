// An Atom 1.0 feed (RFC 4287) of what a council has published. Pure, so the XML is tested as text.

export type AtomEntry = { id: string; title: string; url: string; updated: Date; summary: string };
export type AtomFeed = { id: string; title: string; selfUrl: string; htmlUrl: string; updated: Date; entries: AtomEntry[] };

export function xmlEscape(s: string): string {
  // Control characters other than tab and newlines are not allowed in XML 1.0 at all.
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function renderAtom(feed: AtomFeed): string {
  const entries = feed.entries
    .map(
      (e) => `  <entry>
    <id>${xmlEscape(e.id)}</id>
    <title>${xmlEscape(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>
    <updated>${e.updated.toISOString()}</updated>
    <summary>${xmlEscape(e.summary)}</summary>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nb">
  <id>${xmlEscape(feed.id)}</id>
  <title>${xmlEscape(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(feed.htmlUrl)}"/>
  <updated>${feed.updated.toISOString()}</updated>
  <author><name>${xmlEscape(feed.title)}</name></author>
${entries}
</feed>
`;
}
