import type { APIRequestContext } from "@playwright/test";
import type { Viewer } from "../../../lib/authz/policy";
import type { MatrixRole } from "./db-snapshot";
import { mayShowExempt, type Instance, type RouteEntry } from "./route-table";

// One cell of the matrix: fetch a URL as one viewer, without following redirects, and compare the
// answer with what the policy expects. The result says why, so a failure reads as a sentence.

export type CellResult = {
  role: MatrixRole;
  route: string;
  resource: string;
  path: string;
  status: number;
  expected: string;
  /** Null when the answer matched the policy. */
  problem: string | null;
};

const isRedirect = (status: number) => status >= 300 && status < 400;

/** "/portal/oppfolging?rad=x" from an absolute or relative Location header. */
function target(location: string | undefined): string {
  if (!location) return "";
  const url = new URL(location, "http://matrix.invalid");
  return url.pathname + url.search;
}

export async function checkCell(
  request: APIRequestContext,
  role: MatrixRole,
  viewer: Viewer | null,
  route: string,
  entry: RouteEntry,
  instance: Instance,
  exemptMarker: string,
  exemptCouncilId: string,
): Promise<CellResult> {
  const response = await request.get(instance.path, { maxRedirects: 0 });
  const status = response.status();
  const location = target(response.headers()["location"]);
  const body = await response.text();
  const wanted = instance.expect(viewer);
  const base = { role, route, resource: instance.resource, path: instance.path, status };

  let expected: string;
  let problem: string | null = null;
  if (viewer === null && entry.area === "portal") {
    // The proxy sends a visitor without a session to the login page before any portal page renders.
    expected = "omdirigering til /logg-inn";
    if (!isRedirect(status) || !location.startsWith("/logg-inn")) problem = `ventet omdirigering til /logg-inn, fikk ${status}${location ? ` → ${location}` : ""}`;
  } else if (wanted.allowed && wanted.redirectTo) {
    expected = `omdirigering til ${wanted.redirectTo}`;
    if (!isRedirect(status) || location !== wanted.redirectTo) problem = `ventet omdirigering til ${wanted.redirectTo}, fikk ${status}${location ? ` → ${location}` : ""}`;
  } else if (wanted.allowed) {
    expected = "200";
    if (status !== 200) problem = `policyen tillater, men siden svarte ${status}${location ? ` → ${location}` : ""}`;
  } else {
    expected = "403/404";
    if (status === 200) problem = "FEIL I SIDEN: policyen nekter, men siden svarte 200 (skal kalle notFound()/forbidden())";
    else if (status !== 403 && status !== 404) problem = `policyen nekter: ventet 403 eller 404, fikk ${status}${location ? ` → ${location}` : ""}`;
  }

  // Exempt content, whatever the status: a refusal page or a redirect must not carry it either.
  if (!mayShowExempt(entry, viewer, exemptCouncilId) && body.includes(exemptMarker)) {
    const leak = `UNNTATT INNHOLD LEKKET: «${exemptMarker}» i svaret til en leser uten case.read.exempt`;
    problem = problem ? `${problem}; ${leak}` : leak;
  }
  for (const text of instance.hiddenFrom?.(viewer) ?? []) {
    if (!body.includes(text)) continue;
    const leak = `REFERAT LEKKET: «${text}» i svaret til en leser policyen ikke lar lese referatet`;
    problem = problem ? `${problem}; ${leak}` : leak;
  }
  for (const text of instance.shownTo?.(viewer) ?? []) {
    if (body.includes(text)) continue;
    const missing = `«${text}» mangler: referatet skal vises for denne leseren`;
    problem = problem ? `${problem}; ${missing}` : missing;
  }
  if (instance.showsExemptTo?.(viewer) && !body.includes(exemptMarker)) {
    const missing = `unntatt innhold mangler: «${exemptMarker}» skal vises for en leser med case.read.exempt`;
    problem = problem ? `${problem}; ${missing}` : missing;
  }
  return { ...base, expected, problem };
}

/** Runs `work` over `items` with at most `limit` at a time (the test machine has two cores). */
export async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  });
  await Promise.all(runners);
  return results;
}
