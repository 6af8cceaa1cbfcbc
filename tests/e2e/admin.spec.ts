import { test, expect, DEMO_PASSWORD, expectNoA11yViolations, submitLogin, visit } from "./fixtures";
import type { Page } from "@playwright/test";

// The demo account no other spec signs in with (prisma/seed/demo-accounts.ts): its password is
// changed here, and changed back at the end, so the spec can run again on the same database.
const SIRI = { email: "passord@ipr.example", name: "Siri Nordmann" };
const NEW_PASSWORD = "Tre lange ord på fjellet";
const ADMIN_SET_PASSWORD = "Administratoren valgte denne";

const todayInOslo = () =>
  new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/logg-inn");
  await submitLogin(page, email, password);
  await expect(page).toHaveURL(/\/portal\/?$/);
}

async function changeOwnPassword(page: Page, current: string, next: string, repeat = next) {
  await page.getByLabel("Nåværende passord", { exact: true }).fill(current);
  await page.getByLabel("Nytt passord", { exact: true }).fill(next);
  await page.getByLabel("Gjenta nytt passord", { exact: true }).fill(repeat);
  await page.getByRole("button", { name: "Endre passord", exact: true }).click();
}

test.describe("administrasjon og revisjonslogg", () => {
  test("administratoren finner en endring i revisjonsloggen, filtrert på handling og dato, med før og etter", async ({ loginAs }) => {
    const page = await loginAs("admin");
    expect(await visit(page, "/portal/admin/brukere")).toBe(200);
    await page.getByRole("button", { name: `Deaktiver ${SIRI.name}`, exact: true }).click();
    await expect(page.getByText(`${SIRI.email} er deaktivert og logget ut.`)).toBeVisible();
    await page.getByRole("button", { name: `Aktiver ${SIRI.name}`, exact: true }).click();
    await expect(page.getByText(`${SIRI.email} er aktivert igjen.`)).toBeVisible();

    await page.getByRole("banner").getByRole("link", { name: "Revisjonslogg", exact: true }).click();
    await expect(page).toHaveURL(/\/portal\/admin\/logg$/);
    await expect(page.getByRole("heading", { level: 1, name: "Revisjonslogg" })).toBeVisible();
    await expectNoA11yViolations(page, "/portal/admin/logg");
    // Newest first: the enabling came last.
    await expect(page.getByRole("main").getByRole("listitem").first()).toContainText("user.enable");

    const today = todayInOslo();
    await page.getByLabel("Handling", { exact: true }).selectOption("user.disable");
    await page.getByLabel("Fra dato", { exact: true }).fill(today);
    await page.getByLabel("Til dato", { exact: true }).fill(today);
    await page.getByRole("button", { name: "Filtrer", exact: true }).click();
    await expect(page).toHaveURL(/handling=user\.disable/);
    await expect(page.getByRole("status")).toHaveText(/^Viser \d+ hendelser?\.$/);
    const event = page.getByRole("main").getByRole("listitem").first();
    await expect(event).toContainText("user.disable");
    await expect(event).toContainText("admin@ipr.example");
    const row = event.getByRole("row", { name: /isDisabled/ });
    await expect(row.getByRole("cell").nth(0)).toHaveText("false");
    await expect(row.getByRole("cell").nth(1)).toHaveText("true");
    await event.getByText("Alle detaljer", { exact: true }).click();
    await expect(event.locator("pre").nth(1)).toContainText('"isDisabled": true');
    await expectNoA11yViolations(page, "/portal/admin/logg filtrert på handling og dato");

    // A day that does not exist: the message is on the field, and what was typed stays there.
    const from = page.getByLabel("Fra dato", { exact: true });
    await from.fill("31.02.2026");
    await page.getByRole("button", { name: "Filtrer", exact: true }).click();
    await expect(page.getByText("Datoen finnes ikke.", { exact: true })).toBeVisible();
    await expect(from).toHaveValue("31.02.2026");
    await expect(from).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Handling", { exact: true })).toHaveValue("user.disable");
    await expectNoA11yViolations(page, "/portal/admin/logg med ugyldig dato");

    await page.goto("/portal/admin/logg?fra=01.01.2199");
    await expect(page.getByRole("status")).toHaveText("Ingen hendelser passer filteret.");
  });

  test("medlemmer og sekretariatet kommer ikke til revisjonsloggen, anonyme sendes til innlogging", async ({ loginAs, anonPage }) => {
    for (const role of ["member", "secretariat"] as const) {
      const page = await loginAs(role);
      await expect(page.getByRole("banner").getByRole("link", { name: "Revisjonslogg" })).toHaveCount(0);
      expect(await visit(page, "/portal/admin/logg?handling=user.disable")).toBe(403);
      await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
      await expect(page.getByText("user.disable")).toHaveCount(0);
    }
    await anonPage.goto("/portal/admin/logg");
    await expect(anonPage).toHaveURL(/\/logg-inn/);
  });

  test("en bruker bytter passord, blir logget ut overalt og logger inn med det nye", async ({ newPage }) => {
    const page = await newPage();
    await signIn(page, SIRI.email, DEMO_PASSWORD);
    const oldCookies = await page.context().cookies();
    const otherDevice = await newPage();
    await otherDevice.context().addCookies(oldCookies);
    await otherDevice.goto("/portal");
    await expect(otherDevice).toHaveURL(/\/portal\/?$/);

    expect(await visit(page, "/portal/innstillinger")).toBe(200);
    await expect(page.getByRole("heading", { level: 2, name: "Passord" })).toBeVisible();
    await changeOwnPassword(page, "feil-passord-her", NEW_PASSWORD);
    await expect(page.getByText("Feil passord.", { exact: true })).toBeVisible();
    await changeOwnPassword(page, DEMO_PASSWORD, "for-kort");
    await expect(page.getByText("Passordet må ha minst 12 tegn.", { exact: true })).toBeVisible();
    await changeOwnPassword(page, DEMO_PASSWORD, "Passord123456");
    await expect(page.getByText(/Passordet er for vanlig/)).toBeVisible();
    await changeOwnPassword(page, DEMO_PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}!`);
    await expect(page.getByText(/Passordene er ikke like/)).toBeVisible();
    await expectNoA11yViolations(page, "/portal/innstillinger med feil i passordskjemaet");

    await changeOwnPassword(page, DEMO_PASSWORD, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/logg-inn\?melding=passord-endret/);
    await expect(page.getByRole("status")).toContainText("Passordet ditt er endret");
    await expectNoA11yViolations(page, "/logg-inn etter passordbytte");

    // Every session ended: the other device, and the old cookie in a fresh browser.
    await otherDevice.goto("/portal");
    await expect(otherDevice).toHaveURL(/\/logg-inn/);
    const fresh = await newPage();
    await fresh.context().addCookies(oldCookies);
    await fresh.goto("/portal/innstillinger");
    await expect(fresh).toHaveURL(/\/logg-inn/);

    // (That the old password no longer works is checked in tests/integration/password-change.test.ts:
    // every failed attempt here also counts against the test browser's IP for the later specs.)
    await signIn(page, SIRI.email, NEW_PASSWORD);

    // Back to the demo password, so the seed's account is as it was.
    await page.goto("/portal/innstillinger");
    await changeOwnPassword(page, NEW_PASSWORD, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/logg-inn\?melding=passord-endret/);
  });

  test("administratoren setter nytt passord for en bruker, som blir logget ut", async ({ loginAs, newPage }) => {
    const siri = await newPage();
    await signIn(siri, SIRI.email, DEMO_PASSWORD);

    const admin = await loginAs("admin");
    await admin.goto("/portal/admin/brukere");
    const row = admin.getByRole("row").filter({ hasText: SIRI.email });
    const setPassword = async (password: string) => {
      if (!(await row.locator("details").evaluate((d) => (d as HTMLDetailsElement).open))) {
        await row.getByText("Sett nytt passord", { exact: false }).click();
      }
      await row.getByLabel("Nytt passord", { exact: true }).fill(password);
      await row.getByLabel("Gjenta nytt passord", { exact: true }).fill(password);
      await row.getByRole("button", { name: "Sett passordet", exact: true }).click();
    };
    await setPassword("sommer2024!!");
    await expect(row.getByText(/Passordet er for vanlig/)).toBeVisible();
    await expectNoA11yViolations(admin, "/portal/admin/brukere med feil i passordskjemaet");
    await setPassword(ADMIN_SET_PASSWORD);
    await expect(row.getByText(`${SIRI.email} har fått nytt passord`, { exact: false })).toBeVisible();

    await siri.goto("/portal");
    await expect(siri).toHaveURL(/\/logg-inn/);
    await signIn(siri, SIRI.email, ADMIN_SET_PASSWORD);

    await admin.reload();
    await setPassword(DEMO_PASSWORD);
    await expect(row.getByText(`${SIRI.email} har fått nytt passord`, { exact: false })).toBeVisible();
    await admin.goto(`/portal/admin/logg?handling=user.password.set`);
    await expect(admin.getByRole("main").getByRole("listitem").first()).toContainText("user.password.set");
    await expectNoA11yViolations(admin, "/portal/admin/logg filtrert på user.password.set");
  });

  test("administratoren fjerner en utdatert kobling til en Microsoft-konto, og brukeren blir logget ut", async ({ loginAs }) => {
    const admin = await loginAs("admin");
    await admin.goto("/portal/admin/brukere");
    const row = admin.getByRole("row").filter({ hasText: SIRI.email });
    await expect(row.getByText("Koblet til Microsoft Entra ID")).toBeVisible();
    await expectNoA11yViolations(admin, "/portal/admin/brukere med en kobling til en ekstern konto");
    await row.getByRole("button", { name: `Fjern koblingen til Microsoft Entra ID for ${SIRI.name}` }).click();
    await expect(row.getByRole("status")).toContainText("Koblingen er fjernet");
    await admin.reload();
    await expect(row.getByText("Koblet til Microsoft Entra ID")).toHaveCount(0);
    await admin.goto(`/portal/admin/logg?handling=user.identity.remove`);
    await expect(admin.getByRole("main").getByRole("listitem").first()).toContainText("user.identity.remove");
  });
});
