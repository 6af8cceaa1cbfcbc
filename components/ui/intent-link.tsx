"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A link that prefetches its page when the reader points at it, touches it or tabs to it, not when
 * it scrolls into view. A default Link prefetches every link on screen, so one view of the
 * follow-up list sent 36 requests to the server, each rendering the portal's layouts (decision 013).
 * The pattern is Next.js's own ("Hover-triggered prefetch", guides/prefetching).
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, "prefetch">) {
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
      onTouchStart={(e) => {
        setActive(true);
        onTouchStart?.(e);
      }}
    />
  );
}
