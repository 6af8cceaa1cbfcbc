import { test, expect, expectNoA11yViolations, visit, RINGERIKE } from "./fixtures";

// The secretariat's register of people: a new mayor after an election gets a seat, an address is
// mended, the seat ends. Members have no register.
const PEOPLE = `/portal/${RINGERIKE.slug}/personer`;

test("sekretariatet legger til en ny ordfører med verv, retter e-postadressen og avslutter vervet", async ({ loginAs }) => {
  const page = await loginAs("secretariat");
  await page.goto(`/portal/${RINGERIKE.slug}`);
  await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Personer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personer og verv" })).toBeVisible();
  await expectNoA11yViolations(page, "personer og verv");

  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Legg til personen" }) });
  await create.getByLabel("Navn").fill("Kari Nyvalgt");
  await create.getByLabel("Tittel").fill("Ordfører");
  await create.getByLabel("E-post").fill("kari@hole");
  await create.getByLabel("Fra og med").fill("2031-01-01");
  await create.getByRole("button", { name: "Legg til personen" }).click();
  await expect(create.getByText("Skriv én gyldig e-postadresse, for eksempel navn@kommune.no.")).toBeVisible();
  await expect(create.getByText("Velg organet.")).toBeVisible();
  await expect(create.getByLabel("Navn")).toHaveValue("Kari Nyvalgt");
  await expectNoA11yViolations(page, "ny person med feil");
  await create.getByLabel("E-post").fill("kari@hole.kommune.no");
  const organ = create.getByLabel("Organ", { exact: true });
  await organ.selectOption((await organ.locator("option", { hasText: /^Ordfører- og kommunedirektør/ }).first().getAttribute("value"))!);
  await create.getByRole("button", { name: "Legg til personen" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Kari Nyvalgt" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Kari Nyvalgt er lagt til med vervet nedenfor.")).toBeVisible();
  await expect(page.getByText(/Fra og med 1\. januar 2031, løpende/)).toBeVisible();
  await expectNoA11yViolations(page, "personside");

  // The address is mended.
  const person = page.locator("form").filter({ has: page.getByRole("button", { name: "Lagre personen" }) });
  await person.getByLabel("E-post").fill("ordforer@hole.kommune.no");
  await person.getByRole("button", { name: "Lagre personen" }).click();
  await expect(page.getByText("Kari Nyvalgt er lagret.")).toBeVisible();
  await page.reload();
  await expect(person.getByLabel("E-post")).toHaveValue("ordforer@hole.kommune.no");

  // The seat ends; the last day cannot be before the first.
  const end = page.locator("form").filter({ has: page.getByRole("button", { name: "Avslutt vervet" }) });
  await end.getByLabel(/^Siste dag som/).fill("2030-12-31");
  await end.getByRole("button", { name: "Avslutt vervet" }).click();
  await expect(end.getByText("Vervet begynte 1. januar 2031; siste dag kan ikke være før det.")).toBeVisible();
  await end.getByLabel(/^Siste dag som/).fill("2034-12-31");
  await end.getByRole("button", { name: "Avslutt vervet" }).click();
  await expect(page.getByText("Vervet er avsluttet 31. desember 2034.")).toBeVisible();
  await expect(page.getByText(/til og med 31\. desember 2034/)).toBeVisible();

  // Back on the list: the new member is there as one to come.
  await visit(page, PEOPLE);
  await expect(page.getByRole("row").filter({ hasText: "Kari Nyvalgt" })).toContainText("fra 1. januar 2031 til og med 31. desember 2034");
});

test("et medlem har ikke personregisteret", async ({ loginAs }) => {
  const member = await loginAs("member");
  await member.goto(`/portal/${RINGERIKE.slug}`);
  await expect(member.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Personer" })).toHaveCount(0);
  const response = await member.goto(PEOPLE);
  expect([403, 404]).toContain(response?.status());
  await expectNoA11yViolations(member, "personregister nektet");
});

test("personregisteret kan brukes på 320 px uten vannrett rulling", async ({ loginAs }) => {
  const page = await loginAs("secretariat", { viewport: { width: 320, height: 700 } });
  await page.goto(PEOPLE);
  const person = await page.locator("main table a[href*='/personer/']").first().getAttribute("href");
  for (const url of [PEOPLE, person!]) {
    await page.goto(url);
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width, `${url} er ${width} px bred`).toBeLessThanOrEqual(321);
    await expectNoA11yViolations(page, `${url} (320 px)`);
  }
});
