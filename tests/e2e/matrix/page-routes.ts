import { readdirSync } from "node:fs";
import path from "node:path";

// The page routes as they are on disk when the test runs, so a page added without an entry in the
// matrix's route table fails the matrix instead of going unchecked.

const APP_DIR = path.join(import.meta.dirname, "..", "..", "..", "app");

function pageFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...pageFiles(full));
    else if (entry.name === "page.tsx") found.push(full);
  }
  return found;
}

/**
 * "/portal/[council]/moter/[id]" for app/(portal)/portal/[council]/moter/[id]/page.tsx: route groups
 * ("(portal)") are not part of the URL; private folders ("_x") are not routes at all.
 */
export function routeOf(file: string): string | null {
  const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep).filter(Boolean);
  if (segments.some((s) => s.startsWith("_"))) return null;
  const kept = segments.filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  return "/" + kept.join("/");
}

/** Every page route under app/, sorted. */
export function pageRoutesOnDisk(): string[] {
  const routes = pageFiles(APP_DIR)
    .map(routeOf)
    .filter((r): r is string => r !== null);
  return [...new Set(routes)].sort();
}
