import type { Page } from "@playwright/test";
import { test, expect, visit, RINGERIKE } from "./fixtures";

// WCAG 2.4.2: each page's <title> says which meeting, case, plan or task it is. A secretariat has
// the notice, the agenda and the minutes of one meeting open in tabs, and a screen reader reads
// the title first; "Møte – IPR-portalen" on every meeting tells neither anything.

const SUFFIX = " – IPR-portalen";
const APPROVED_DATE = "17. januar 2022"; // Ringeriksregionen, minutes approved and published
const PORTAL = `/portal/${RINGERIKE.slug}`;

/** The page's title is its main heading (the case, the measure, the task), with the site's name. */
async function expectTitleIsHeading(page: Page, prefix = "") {
  const h1 = (await page.getByRole("heading", { level: 1 }).first().innerText()).trim();
  expect(h1.length, `overskriften på ${page.url()}`).toBeGreaterThan(0);
  await expect(page).toHaveTitle(`${prefix}${h1}${SUFFIX}`);
}

async function meetingHref(page: Page, date: string): Promise<string> {
  const item = page.getByRole("main").getByRole("listitem").filter({ hasText: date });
  await expect(item).toHaveCount(1);
  return (await item.getByRole("link").first().getAttribute("href"))!;
}

test("møtesidene har tittel med organ og dato, og hver side for samme møte sier hva den er", async ({ loginAs }) => {
  const page = await loginAs("secretariat");
  await visit(page, PORTAL);
  await expect(page).toHaveTitle(`${RINGERIKE.fullName}${SUFFIX}`);
  await visit(page, `${PORTAL}/moter`);
  await expect(page).toHaveTitle(`Møter – ${RINGERIKE.fullName}${SUFFIX}`);
  const meeting = await meetingHref(page, APPROVED_DATE);

  await visit(page, meeting);
  const title = await page.title();
  expect(title).toMatch(new RegExp(`^\\S.* ${APPROVED_DATE}${SUFFIX}$`));
  const name = title.slice(0, -SUFFIX.length);
  await visit(page, `${meeting}/innkalling`);
  await expect(page).toHaveTitle(`Innkalling: ${name}${SUFFIX}`);
  await visit(page, `${meeting}/rediger`);
  await expect(page).toHaveTitle(`Sakskart: ${name}${SUFFIX}`);
  await visit(page, `${meeting}/referat`);
  await expect(page).toHaveTitle(`Referat: ${name}${SUFFIX}`);
  await visit(page, `${PORTAL}/referater`);
  await expect(page).toHaveTitle(`Referater – ${RINGERIKE.fullName}${SUFFIX}`);

  // The public pages of the same meeting name it the same way.
  const publicMeeting = meeting.replace(PORTAL, `/r/${RINGERIKE.slug}`);
  await visit(page, publicMeeting);
  await expect(page).toHaveTitle(`${name}${SUFFIX}`);
  await visit(page, `${publicMeeting}/innkalling`);
  await expect(page).toHaveTitle(`Innkalling: ${name}${SUFFIX}`);
});

test("plan, årsrapport, tiltak, sak og oppfølgingspunkt har sin egen tittel", async ({ loginAs }) => {
  const page = await loginAs("secretariat");
  await visit(page, `${PORTAL}/planer`);
  await expect(page).toHaveTitle(`Planer – ${RINGERIKE.fullName}${SUFFIX}`);
  const plan = (await page.getByRole("region", { name: "Alle planer" }).getByRole("link", { name: "Handlingsplan 2022 (demo)", exact: true }).getAttribute("href"))!;

  await visit(page, plan);
  await expect(page).toHaveTitle(`Handlingsplan 2022 (demo)${SUFFIX}`);
  await page.getByRole("link", { name: "Næringspolitisk strategi (NPS) tas videre lokalt" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Næringspolitisk strategi (NPS) tas videre lokalt" })).toBeVisible();
  await expectTitleIsHeading(page);

  await visit(page, `${plan}/rediger`);
  await expect(page).toHaveTitle(`Rediger: Handlingsplan 2022 (demo)${SUFFIX}`);
  await visit(page, `${plan}/rapport/2022`);
  await expect(page).toHaveTitle(`Årsrapport 2022: Handlingsplan 2022 (demo)${SUFFIX}`);

  await page.getByRole("link", { name: /Sak 4\/22 Prinsipp saker\/samhandlingsinstruks/ }).first().click();
  await expect(page).toHaveURL(/\/saker\//);
  await expectTitleIsHeading(page);

  await visit(page, `${plan}/rapport/2022`);
  await page.getByRole("link", { name: "Inger lager program i samarbeid med Knut Martin" }).first().click();
  await expect(page).toHaveURL(/\/portal\/oppfolging\/[^/?]+$/);
  await expectTitleIsHeading(page);
});
