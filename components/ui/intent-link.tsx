"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A link for the rows of a list: it prefetches its page when the reader points at it or tabs to
 * it, not when it scrolls into view. A default Link prefetches every row on screen, so one view of
 * the follow-up list sent 36 requests to the server, each rendering the portal's layouts
 * (BENCHMARKS.md). The pattern is Next.js's own ("Hover-triggered prefetch", guides/prefetching).
 */
export function IntentLink({ onMouseEnter, onFocus, ...props }: Omit<ComponentProps<typeof Link>, "prefetch">) {
  const [active, setActive] = useState(false);
  return (
    <Link
      {...props}
      prefetch={active ? null : false}
      onMouseEnter={(e) => {
        setActive(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        setActive(true);
        onFocus?.(e);
      }}
    />
  );
}
