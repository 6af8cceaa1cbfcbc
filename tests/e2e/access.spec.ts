import type { Page } from "@playwright/test";
import { test, expect, EXEMPT_MARKER, INDRE, RINGERIKE, expectNoA11yViolations, visit } from "./fixtures";

// What each role may and may not see, and what the public sees. Meeting ids are not fixed by the
// seed, so the tests find them the way a user would: in the meeting lists, by date.

const DRAFT_DATE = "7. februar 2022"; // Ringeriksregionen, notice not sent: a draft
const APPROVED_DATE = "17. januar 2022"; // Ringeriksregionen, minutes approved and published

/** The href of the meeting link in the list item that shows `date` (on the current page). */
async function meetingHref(page: Page, date: string): Promise<string> {
  const item = page.getByRole("main").getByRole("listitem").filter({ hasText: date });
  await expect(item, `møtelisten på ${page.url()} skal vise ett møte ${date}`).toHaveCount(1);
  const href = await item.getByRole("link").first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

const idOf = (href: string) => href.split("/").filter(Boolean).pop()!;

/** All links to a meeting (`<prefix><id>`) in the lists of the main content of the current page. */
async function meetingLinks(page: Page, prefix: string): Promise<string[]> {
  const hrefs = await page
    .getByRole("main")
    .locator(`li a[href^="${prefix}"]`)
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  // Only meeting pages themselves: one segment after the prefix, and not an action such as "ny".
  const meeting = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^/?#]+$`);
  return [...new Set(hrefs.filter((h) => meeting.test(h) && !h.endsWith("/ny")))];
}

async function expectMarkerAbsent(page: Page) {
  expect(await page.content(), `unntatt innhold på ${page.url()}`).not.toContain(EXEMPT_MARKER);
}

/** Status codes are checked softly, so that the content checks after them still run. */
function expectStatus(actual: number | undefined, expected: number[], what: string) {
  expect.soft(expected.includes(actual ?? -1), `${what}: HTTP-status skal være ${expected.join(" eller ")}, fikk ${actual}`).toBe(true);
}

/** The not-found or forbidden page: no content of the resource, only the app's refusal. */
async function expectRefusalPage(page: Page, url: string) {
  await expect(page.getByRole("heading", { level: 1 }), `${url} skal vise en side for ikke funnet / ingen tilgang`).toHaveText(
    /fant ikke|ingen tilgang/i,
  );
  await expectMarkerAbsent(page);
}

/** A signed-in page for a council the viewer has no role in: 403 or 404, and nothing of the council. */
async function expectDenied(page: Page, url: string) {
  const response = await page.goto(url);
  expectStatus(response?.status(), [403, 404], url);
  await expectRefusalPage(page, url);
  await expectNoA11yViolations(page, `${url} (nektet)`);
}

test.describe("offentlige sider", () => {
  test("forsiden viser begge rådene og lenker til dem", async ({ anonPage: page }) => {
    expect(await visit(page, "/")).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    const main = page.getByRole("main");
    await expect(main.getByRole("link", { name: RINGERIKE.name })).toHaveAttribute("href", `/r/${RINGERIKE.slug}`);
    await expect(main.getByRole("link", { name: new RegExp(INDRE.name) })).toHaveAttribute("href", `/r/${INDRE.slug}`);
    await expect(page.getByRole("contentinfo").getByRole("link", { name: /tilgjengelighet/i })).toBeVisible();
  });

  test("rådssiden for Ringeriksregionen og tilgjengelighetserklæringen fungerer", async ({ anonPage: page }) => {
    expect(await visit(page, `/r/${RINGERIKE.slug}`)).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(RINGERIKE.name);
    await expectMarkerAbsent(page);

    await page.getByRole("contentinfo").getByRole("link", { name: /tilgjengelighet/i }).click();
    await expect(page).toHaveURL(/\/tilgjengelighet$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/tilgjengelighet/i);
    await expectNoA11yViolations(page, "/tilgjengelighet");
  });

  test("rådssiden for Indre Østfold fungerer", async ({ anonPage: page }) => {
    expect(await visit(page, `/r/${INDRE.slug}`)).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(INDRE.name);
  });

  test("ukjent råd gir 404", async ({ anonPage: page }) => {
    expectStatus(await visit(page, "/r/finnes-ikke"), [404], "/r/finnes-ikke");
    await expectRefusalPage(page, "/r/finnes-ikke");
  });

  test("det godkjente møtet 17. januar 2022 kan leses offentlig, med referat", async ({ anonPage: page }) => {
    await page.goto(`/r/${RINGERIKE.slug}`);
    const href = await meetingHref(page, APPROVED_DATE);
    expect(href).toMatch(new RegExp(`^/r/${RINGERIKE.slug}/moter/`));
    expect(await visit(page, href)).toBe(200);
    const main = page.getByRole("main");
    await expect(main).toContainText(APPROVED_DATE);
    await expect(main).toContainText("Godkjenning av innkalling");
    await expect(main).toContainText("Innkallingen godkjennes");
    await expectMarkerAbsent(page);
  });

  test("ingen offentlig møteside viser unntatt innhold", async ({ anonPage: page }) => {
    const all: string[] = [];
    for (const council of [RINGERIKE, INDRE]) {
      await page.goto(`/r/${council.slug}`);
      await expectMarkerAbsent(page);
      all.push(...(await meetingLinks(page, `/r/${council.slug}/moter/`)));
    }
    // At least the 17 January 2022 meeting of Ringeriksregionen is public.
    expect(all.length, "offentlige møter").toBeGreaterThanOrEqual(1);
    for (const href of all) {
      expect(await visit(page, href), href).toBe(200);
      await expectMarkerAbsent(page);
    }
  });
});

test.describe("utkast og unntatt innhold", () => {
  test("sekretariatet ser utkastet 7. februar 2022 og det unntatte innholdet; offentligheten gjør ikke", async ({
    loginAs,
    anonPage,
  }) => {
    const page = await loginAs("secretariat");
    expect(await visit(page, `/portal/${RINGERIKE.slug}/moter`)).toBe(200);
    const href = await meetingHref(page, DRAFT_DATE);
    expect(href).toMatch(new RegExp(`^/portal/${RINGERIKE.slug}/moter/`));
    const draftId = idOf(href);

    expect(await visit(page, href)).toBe(200);
    await expect(page.getByRole("main")).toContainText(DRAFT_DATE);
    await expect(page.getByRole("main")).toContainText(EXEMPT_MARKER);

    // The public list never links to the draft, and guessing its URL gives 404 without content.
    await anonPage.goto(`/r/${RINGERIKE.slug}`);
    expect(await meetingLinks(anonPage, `/r/${RINGERIKE.slug}/moter/`)).not.toContain(`/r/${RINGERIKE.slug}/moter/${draftId}`);
    await expect(anonPage.locator(`a[href*="${draftId}"]`)).toHaveCount(0);
    for (const url of [`/r/${RINGERIKE.slug}/moter/${draftId}`, `/r/${INDRE.slug}/moter/${draftId}`]) {
      expectStatus(await visit(anonPage, url), [404], url);
      await expectRefusalPage(anonPage, url);
      await expect(anonPage.getByRole("main")).not.toContainText(DRAFT_DATE);
    }

    // Signed in does not change the public routes: they show the public version only.
    const url = `/r/${RINGERIKE.slug}/moter/${draftId}`;
    expectStatus((await page.goto(url))?.status(), [404], `${url} (innlogget sekretariat)`);
    await expectRefusalPage(page, url);
  });

  test("et medlem ser verken utkastet eller unntatt innhold", async ({ loginAs }) => {
    const secretariat = await loginAs("secretariat");
    await secretariat.goto(`/portal/${RINGERIKE.slug}/moter`);
    const draftHref = await meetingHref(secretariat, DRAFT_DATE);
    const allForSecretariat = await meetingLinks(secretariat, `/portal/${RINGERIKE.slug}/moter/`);

    const member = await loginAs("member");
    expect(await visit(member, `/portal/${RINGERIKE.slug}/moter`)).toBe(200);
    const forMember = await meetingLinks(member, `/portal/${RINGERIKE.slug}/moter/`);
    expect(forMember.length, "medlemmet ser møter").toBeGreaterThan(0);
    expect(forMember).not.toContain(draftHref);
    await expect(member.getByRole("main")).not.toContainText(DRAFT_DATE);

    await expectDenied(member, draftHref);

    // Nowhere the member can go shows exempt content.
    for (const href of forMember) {
      expect(allForSecretariat, "medlemmet ser bare møter sekretariatet også ser").toContain(href);
      expect(await visit(member, href), href).toBe(200);
      await expectMarkerAbsent(member);
    }
    for (const url of ["/portal", `/portal/${RINGERIKE.slug}`, `/portal/${RINGERIKE.slug}/oppfolging`]) {
      expect(await visit(member, url), url).toBe(200);
      await expectMarkerAbsent(member);
    }
  });
});

test("det som mangler under et møte eller en plan som finnes, heter det som mangler", async ({ loginAs }) => {
  const page = await loginAs("secretariat");
  await visit(page, `/portal/${RINGERIKE.slug}/moter`);
  const meeting = await meetingHref(page, APPROVED_DATE);

  const item = await page.goto(`${meeting}/saker/finnes-ikke`);
  expectStatus(item?.status(), [404], "ukjent sak på sakskartet");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fant ikke saken");
  await expect(page).toHaveTitle("Fant ikke saken – IPR-portalen");
  await expectNoA11yViolations(page, "ukjent sak på sakskartet");
  await page.getByRole("link", { name: "Til sakskartet" }).click();
  await expect(page).toHaveURL(`${meeting}/rediger`);

  await visit(page, `/portal/${RINGERIKE.slug}/planer`);
  const plan = (await page.getByRole("region", { name: "Alle planer" }).getByRole("link", { name: "Handlingsplan 2022 (demo)", exact: true }).getAttribute("href"))!;
  for (const [url, heading] of [
    [`${plan}/versjoner/99`, "Fant ikke versjonen"],
    [`${plan}/rapport/1990`, "Fant ikke årsrapporten"],
  ]) {
    const response = await page.goto(url);
    expectStatus(response?.status(), [404], url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page).toHaveTitle(`${heading} – IPR-portalen`);
    await expectNoA11yViolations(page, url);
    await page.getByRole("link", { name: "Til planen" }).click();
    await expect(page).toHaveURL(plan);
  }
});

test("sider som ikke finnes, sier det i tittelen også", async ({ anonPage: page }) => {
  for (const [url, heading] of [
    ["/finnes-ikke", "Fant ikke siden"],
    ["/r/finnes-ikke", "Fant ikke siden"],
    [`/r/${RINGERIKE.slug}/saker/finnes-ikke`, "Fant ikke saken"],
    [`/r/${RINGERIKE.slug}/moter/finnes-ikke`, "Fant ikke møtet"],
  ]) {
    const response = await page.goto(url);
    expectStatus(response?.status(), [404], url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page, url).toHaveTitle(`${heading} – IPR-portalen`);
  }
});

test.describe("tilgang på tvers av råd", () => {
  test("sekretariatet i Indre Østfold får ikke se Ringeriksregionens portalsider", async ({ loginAs }) => {
    const ringerike = await loginAs("secretariat");
    await ringerike.goto(`/portal/${RINGERIKE.slug}/moter`);
    const draftHref = await meetingHref(ringerike, DRAFT_DATE);
    const someMeeting = (await meetingLinks(ringerike, `/portal/${RINGERIKE.slug}/moter/`))[0];

    const page = await loginAs("otherCouncil");
    for (const url of [
      `/portal/${RINGERIKE.slug}`,
      `/portal/${RINGERIKE.slug}/moter`,
      `/portal/${RINGERIKE.slug}/oppfolging`,
      draftHref,
      someMeeting,
    ]) {
      await expectDenied(page, url);
    }
    // Their own council works.
    expect(await visit(page, `/portal/${INDRE.slug}/moter`)).toBe(200);
    await expect(page.getByRole("main")).toContainText(/Indre Østfold/);
  });

  test("bare administratorer når brukeradministrasjonen", async ({ loginAs }) => {
    const admin = await loginAs("admin");
    expect(await visit(admin, "/portal/admin/brukere")).toBe(200);
    await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(admin.getByRole("main")).toContainText("medlem@ipr.example");

    for (const role of ["secretariat", "member", "otherCouncil"] as const) {
      const page = await loginAs(role);
      await expectDenied(page, "/portal/admin/brukere");
    }
  });

  test("administratoren ser begge rådene og utkastet", async ({ loginAs }) => {
    const page = await loginAs("admin");
    expect(await visit(page, `/portal/${INDRE.slug}/moter`)).toBe(200);
    expect(await visit(page, `/portal/${RINGERIKE.slug}/moter`)).toBe(200);
    const href = await meetingHref(page, DRAFT_DATE);
    await page.goto(href);
    await expect(page.getByRole("main")).toContainText(EXEMPT_MARKER);
  });

  test("brukeren med to råd bytter råd med rådsvelgeren", async ({ loginAs }) => {
    const page = await loginAs("multiCouncil");
    const switcher = page.getByRole("banner").getByLabel("Velg råd");
    await expect(switcher).toBeVisible();
    await switcher.selectOption({ label: INDRE.fullName });
    await page.getByRole("banner").getByRole("button", { name: "Bytt råd" }).click();
    await expect(page).toHaveURL(new RegExp(`/portal/${INDRE.slug}`));
    await expectNoA11yViolations(page, `/portal/${INDRE.slug}`);
    // The header's council links now point at the chosen council.
    await expect(page.getByRole("banner").getByRole("link", { name: "Møter", exact: true })).toHaveAttribute(
      "href",
      `/portal/${INDRE.slug}/moter`,
    );
    await expect(page.getByRole("banner").getByLabel("Velg råd")).toHaveValue(INDRE.slug);

    await page.getByRole("banner").getByLabel("Velg råd").selectOption(RINGERIKE.slug);
    await page.getByRole("banner").getByRole("button", { name: "Bytt råd" }).click();
    await expect(page).toHaveURL(new RegExp(`/portal/${RINGERIKE.slug}`));
    await expect(page.getByRole("banner").getByRole("link", { name: "Møter", exact: true })).toHaveAttribute(
      "href",
      `/portal/${RINGERIKE.slug}/moter`,
    );

    // A member in both councils is still only a member: no drafts.
    await page.goto(`/portal/${RINGERIKE.slug}/moter`);
    await expect(page.getByRole("main")).not.toContainText(DRAFT_DATE);
  });

  test("et medlem av bare ett råd har ingen rådsvelger og kan ikke bytte til et annet råd", async ({ loginAs }) => {
    const page = await loginAs("member");
    await expect(page.getByRole("banner").getByLabel("Velg råd")).toHaveCount(0);
    await page.goto(`/portal/velg-rad?rad=${INDRE.slug}`);
    await expect(page).not.toHaveURL(new RegExp(`/portal/${INDRE.slug}`));
    await expectDenied(page, `/portal/${INDRE.slug}/moter`);
  });
});

test.describe("smal skjerm (320 px)", () => {
  async function expectNoHorizontalScroll(page: Page) {
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width, `${page.url()} scrollWidth`).toBeLessThanOrEqual(321);
  }

  test("offentlig topptekst er brukbar uten vannrett rulling", async ({ newPage }) => {
    const page = await newPage({ viewport: { width: 320, height: 640 } });
    for (const url of ["/", `/r/${RINGERIKE.slug}`, "/logg-inn"]) {
      await visit(page, url);
      await expectNoHorizontalScroll(page);
    }
    await page.goto("/");
    const login = page.getByRole("banner").getByRole("link", { name: "Logg inn", exact: true });
    await expect(login).toBeInViewport();
    await login.click();
    await expect(page).toHaveURL(/\/logg-inn/);
  });

  test("portalens topptekst er brukbar uten vannrett rulling", async ({ loginAs }) => {
    const page = await loginAs("multiCouncil", { viewport: { width: 320, height: 640 } });
    await expectNoA11yViolations(page, "/portal (320 px)");
    await expectNoHorizontalScroll(page);
    const banner = page.getByRole("banner");
    for (const name of ["Min oversikt", "Møter", "Oppfølging"]) {
      await expect(banner.getByRole("link", { name, exact: true })).toBeInViewport();
    }
    await expect(banner.getByLabel("Velg råd")).toBeInViewport();
    await expect(banner.getByRole("button", { name: "Logg ut" })).toBeInViewport();
    // Nothing in the menu runs under the buttons beside it.
    const boxes = async (loc: ReturnType<typeof banner.getByRole>) => Promise.all((await loc.all()).map(async (l) => ({ name: (await l.innerText()).trim(), box: (await l.boundingBox())! })));
    const links = await boxes(banner.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link"));
    const controls = [...(await boxes(banner.getByRole("button"))), ...(await boxes(banner.getByLabel("Velg råd")))];
    const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const l of links) for (const c of controls) expect(overlaps(l.box, c.box), `«${l.name}» overlapper «${c.name}»`).toBe(false);

    await banner.getByRole("link", { name: "Møter", exact: true }).click();
    await expect(page).toHaveURL(/\/portal\/[\w-]+\/moter$/);
    await expectNoA11yViolations(page, "møteliste (320 px)");
    await expectNoHorizontalScroll(page);

    await page.getByRole("banner").getByRole("link", { name: "Oppfølging", exact: true }).click();
    await expect(page).toHaveURL(/\/portal\/oppfolging\?rad=[\w-]+$/);
    await expectNoA11yViolations(page, "oppfølging (320 px)");
    await expectNoHorizontalScroll(page);
  });
});
