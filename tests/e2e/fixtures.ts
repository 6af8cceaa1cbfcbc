import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "../../prisma/seed/demo-accounts";
import { EXEMPT_DEMO_MARKER } from "../../prisma/seed/demo-data";

export { expect };

export type Role = "admin" | "secretariat" | "coordinator" | "member" | "otherCouncil" | "multiCouncil";

const ROLE_EMAILS: Record<Role, string> = {
  admin: "admin@ipr.example",
  secretariat: "sekretariat@ipr.example",
  coordinator: "koordinator@ipr.example",
  member: "medlem@ipr.example",
  otherCouncil: "sekretariat.indre@ipr.example",
  multiCouncil: "flere@ipr.example",
};

export const ROLES = Object.keys(ROLE_EMAILS) as Role[];
export { DEMO_PASSWORD };

/** The demo account (from the seed's own list) that plays `role` in these tests. */
export function account(role: Role): DemoAccount {
  const found = DEMO_ACCOUNTS.find((a) => a.email === ROLE_EMAILS[role]);
  if (!found) throw new Error(`Demokontoen ${ROLE_EMAILS[role]} finnes ikke i prisma/seed/demo-accounts.ts`);
  return found;
}

export const RINGERIKE = { slug: "ringeriksregionen", name: "Ringeriksregionen", fullName: "Interkommunalt politisk råd for Ringeriksregionen" };
export const INDRE = { slug: "indre-ostfold", name: "Indre Østfold", fullName: "Indre Østfold regionråd" };
/** Text the seed puts only inside exempt content; it must never reach an unauthorised viewer. */
export const EXEMPT_MARKER: string = EXEMPT_DEMO_MARKER;
if (EXEMPT_MARKER !== "UNNTATT-DEMO-INNHOLD") throw new Error(`Uventet markør for unntatt innhold: ${EXEMPT_MARKER}`);

const A11Y_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe (WCAG 2.1 A/AA) on the page as it is now and fails with a readable list of violations. */
export async function expectNoA11yViolations(page: Page, label?: string): Promise<void> {
  // Next.js streams metadata: right after a server action re-renders the page, <title> can be
  // briefly absent while the new one arrives. Wait for it, so axe checks the settled document
  // (a page that never gets a title still fails here, and in axe's document-title rule).
  await expect(page, `siden skal ha en <title> (${label ?? page.url()})`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(A11Y_TAGS).analyze();
  const where = label ?? page.url();
  if (results.violations.length) {
    const lines = results.violations.map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      – ${n.target.join(" ")}\n        ${(n.failureSummary ?? "").replace(/\n/g, "\n        ")}`)
        .join("\n");
      const more = v.nodes.length > 5 ? `\n      … og ${v.nodes.length - 5} til` : "";
      return `  [${v.impact ?? "?"}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    });
    console.log(`Tilgjengelighetsbrudd på ${where}:\n${lines.join("\n")}`);
  }
  expect(
    results.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help}`),
    `axe fant WCAG 2.1 AA-brudd på ${where}`,
  ).toEqual([]);
}

/** The headers issue 9 asks of every page: a nonce-based CSP, no framing, no sniffing, a referrer policy. */
export function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `CSP på ${where}`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, `CSP på ${where}`).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], `nosniff på ${where}`).toBe("nosniff");
  expect(headers["referrer-policy"], `Referrer-Policy på ${where}`).toBe("strict-origin-when-cross-origin");
}

/** Goes to `url`, waits for the page to settle and checks it with axe. Returns the response status. */
export async function visit(page: Page, url: string): Promise<number> {
  const response = await page.goto(url);
  await page.waitForLoadState("load");
  if (response && (response.headers()["content-type"] ?? "").startsWith("text/html")) expectSecurityHeaders(response.headers(), url);
  await expectNoA11yViolations(page, url);
  return response?.status() ?? 0;
}

/** Fills and submits the login form on the current page (must be /logg-inn). */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("E-post", { exact: true }).fill(email);
  await page.getByLabel("Passord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
}

type Fixtures = {
  /** A page in a fresh browser context: an anonymous visitor. */
  anonPage: Page;
  /** Another fresh context and page (for tests needing several independent visitors). */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  /** A page in a fresh context, signed in through the login form as the demo account for `role`. */
  loginAs: (role: Role, options?: BrowserContextOptions) => Promise<Page>;
};

// Every page comes from browser.newContext() (AxeBuilder needs a real context), and every
// context opened here is closed when the test ends.
async function openPage(browser: Browser, contexts: BrowserContext[], baseURL: string | undefined, options?: BrowserContextOptions) {
  const context = await browser.newContext({
    baseURL,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    ...options,
  });
  contexts.push(context);
  const page = await context.newPage();
  // A script the CSP blocked is a page that does not work: every test fails on one.
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) cspViolations.push(`${page.url()}: ${msg.text()}`);
  });
  return page;
}

const cspViolations: string[] = [];

export const test = base.extend<Fixtures & { _contexts: BrowserContext[] }>({
  _contexts: async ({}, use) => {
    const contexts: BrowserContext[] = [];
    cspViolations.length = 0;
    await use(contexts);
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    expect(cspViolations, "brudd på Content-Security-Policy").toEqual([]);
  },
  anonPage: async ({ browser, baseURL, _contexts }, use) => {
    await use(await openPage(browser, _contexts, baseURL));
  },
  newPage: async ({ browser, baseURL, _contexts }, use) => {
    await use((options) => openPage(browser, _contexts, baseURL, options));
  },
  loginAs: async ({ browser, baseURL, _contexts }, use) => {
    await use(async (role, options) => {
      const page = await openPage(browser, _contexts, baseURL, options);
      await page.goto("/logg-inn");
      await submitLogin(page, account(role).email, DEMO_PASSWORD);
      await expect(page, `innlogging som ${role} skal lande på /portal`).toHaveURL(/\/portal\/?$/);
      await expect(page.getByRole("heading", { level: 1, name: "Min oversikt" })).toBeVisible();
      return page;
    });
  },
});
