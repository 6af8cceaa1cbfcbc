import { test, expect, expectNoA11yViolations, visit, RINGERIKE } from "./fixtures";

// The secretariat's register of the council: a municipality joins and later leaves, a fagteam is set
// up and its mandate mended. Members have no such page. The dates lie after the demo's meetings, so
// other specs see the council as seeded.
const STRUCTURE = `/portal/${RINGERIKE.slug}/organer`;

test("sekretariatet melder inn en kommune, oppretter et fagteam og retter mandatet", async ({ loginAs }) => {
  const page = await loginAs("secretariat");
  await page.goto(`/portal/${RINGERIKE.slug}`);
  await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Organer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Medlemmer og organer" })).toBeVisible();
  await expectNoA11yViolations(page, "medlemmer og organer");

  // A municipality joins; a wrong kommunenummer is refused on the field, with the name kept.
  const join = page.getByRole("form", { name: "Nytt medlem" });
  await join.getByLabel("Navn").fill("Flå");
  await join.getByLabel("Kommune- eller fylkesnummer").fill("33");
  await join.getByLabel("Medlem fra og med").fill("2031-01-01");
  await join.getByRole("button", { name: "Legg til medlemmet" }).click();
  await expect(join.getByText("Kommunenummeret har fire sifre.")).toBeVisible();
  await expect(join.getByLabel("Navn")).toHaveValue("Flå");
  await expectNoA11yViolations(page, "nytt medlem med feil");
  await join.getByLabel("Kommune- eller fylkesnummer").fill("3320");
  await join.getByRole("button", { name: "Legg til medlemmet" }).click();
  await expect(page.getByText("Flå er medlem fra 1. januar 2031.")).toBeVisible();
  const flå = page.getByRole("listitem").filter({ hasText: /^Flå \(kommende\)/ });
  await expect(flå).toContainText("Kommune 3320 · fra og med 1. januar 2031, løpende");

  // It leaves again; the last day cannot be before the first.
  await flå.getByLabel("Siste dag Flå er medlem").fill("2030-12-31");
  await flå.getByRole("button", { name: "Avslutt medlemskapet" }).click();
  await expect(flå.getByText("Medlemskapet begynte 1. januar 2031; siste dag kan ikke være før det.")).toBeVisible();
  await flå.getByLabel("Siste dag Flå er medlem").fill("2034-12-31");
  await flå.getByRole("button", { name: "Avslutt medlemskapet" }).click();
  await expect(page.getByText("Flå er medlem til og med 31. desember 2034.")).toBeVisible();
  await expect(flå).toContainText("fra og med 1. januar 2031, til og med 31. desember 2034");

  // A fagteam under the KDU; a taken abbreviation is refused, with the mandate kept.
  const create = page.getByRole("form", { name: "Nytt organ" });
  await create.getByLabel("Navn").fill("Fagteam klima");
  await create.getByLabel("Forkortelse").fill("KDU");
  await create.getByLabel("Beskrivelse og mandat").fill("Klimanettverket i regionen.");
  await create.getByLabel("Aktiv fra og med (valgfritt)").fill("2031-01-01");
  await create.getByRole("button", { name: "Opprett organet" }).click();
  await expect(create.getByText("Velg om organet er politisk eller administrativt.")).toBeVisible();
  await create.getByLabel("Politisk eller administrativt").selectOption("ADMINISTRATIVE");
  const parent = create.getByLabel("Rapporterer til");
  await parent.selectOption((await parent.locator("option", { hasText: "Kommunedirektørutvalget" }).getAttribute("value"))!);
  await create.getByRole("button", { name: "Opprett organet" }).click();
  await expect(create.getByText("Et annet organ i rådet har denne forkortelsen. Velg en annen.")).toBeVisible();
  await expect(create.getByLabel("Beskrivelse og mandat")).toHaveValue("Klimanettverket i regionen.");
  await expectNoA11yViolations(page, "nytt organ med feil");
  await create.getByLabel("Forkortelse").fill("Klima");
  await create.getByRole("button", { name: "Opprett organet" }).click();
  await expect(page.getByText("Fagteam klima er opprettet.")).toBeVisible({ timeout: 15_000 });
  const team = page.getByRole("region", { name: "Fagteam klima (kommende)" });
  await expect(team).toContainText("Fagteam · administrativt organ · 1., 2. … i hvert møte · 0 møter · referatene publiseres ikke");

  // The mandate is mended and kept.
  const edit = team.getByRole("form", { name: "Endre Fagteam klima" });
  await edit.getByLabel("Beskrivelse og mandat").fill("Klimanettverket i regionen. Rapporterer til KDU to ganger i året.");
  await edit.getByRole("button", { name: "Lagre organet" }).click();
  await expect(page.getByText("Fagteam klima er lagret.")).toBeVisible();
  await visit(page, STRUCTURE);
  await expect(page.getByRole("region", { name: "Fagteam klima (kommende)" }).getByLabel("Beskrivelse og mandat")).toHaveValue("Klimanettverket i regionen. Rapporterer til KDU to ganger i året.");
});

test("et medlem har ikke siden for medlemmer og organer", async ({ loginAs }) => {
  const member = await loginAs("member");
  await member.goto(`/portal/${RINGERIKE.slug}`);
  await expect(member.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Organer" })).toHaveCount(0);
  const response = await member.goto(STRUCTURE);
  expect([403, 404]).toContain(response?.status());
  await expectNoA11yViolations(member, "medlemmer og organer nektet");
});

test("medlemmer og organer kan brukes på 320 px uten vannrett rulling", async ({ loginAs }) => {
  const page = await loginAs("secretariat", { viewport: { width: 320, height: 700 } });
  await page.goto(STRUCTURE);
  await expect(page.getByRole("heading", { level: 1, name: "Medlemmer og organer" })).toBeVisible();
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, `${STRUCTURE} er ${width} px bred`).toBeLessThanOrEqual(321);
  await expectNoA11yViolations(page, "medlemmer og organer (320 px)");
});
