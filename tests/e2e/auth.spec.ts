import { readFileSync } from "node:fs";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { AUTH_SECRET } from "../../playwright.config";
import { test, expect, ROLES, DEMO_PASSWORD, account, expectNoA11yViolations, submitLogin, visit } from "./fixtures";

const LOGIN_ERROR = "Feil e-post eller passord.";

test.describe("innlogging", () => {
  test("innloggingssiden har norsk språk, merkede felt og ingen WCAG-brudd", async ({ anonPage: page }) => {
    expect(await visit(page, "/logg-inn")).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    await expect(page.getByLabel("E-post", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Passord", { exact: true })).toHaveAttribute("type", "password");
    await expect(page.getByRole("button", { name: "Logg inn", exact: true })).toBeVisible();
    // The accessibility statement is linked from every footer.
    await expect(page.getByRole("contentinfo").getByRole("link", { name: /tilgjengelighet/i })).toHaveAttribute(
      "href",
      "/tilgjengelighet",
    );
  });

  for (const role of ROLES) {
    test(`${role} logger inn, ser Min oversikt og logger ut`, async ({ loginAs, newPage }) => {
      const page = await loginAs(role);
      await expectNoA11yViolations(page, `/portal som ${role}`);
      const main = page.getByRole("main");
      // The start page lists the viewer's coming meetings and open follow-up items (or says there are none).
      await expect(main.getByRole("heading", { name: /møter/i }).first()).toBeVisible();
      await expect(main.getByRole("heading", { name: /oppgaver|oppfølging/i }).first()).toBeVisible();
      await expect(page.getByRole("banner")).toContainText(account(role).name);

      // A second device signed in as the same user: logging out ends every session.
      const cookies = await page.context().cookies();
      const otherDevice = await newPage();
      await otherDevice.context().addCookies(cookies);
      await otherDevice.goto("/portal");
      await expect(otherDevice).toHaveURL(/\/portal\/?$/);

      await page.getByRole("button", { name: "Logg ut", exact: true }).click();
      await expect(page).not.toHaveURL(/\/portal/);
      await expect(page.getByRole("link", { name: "Logg inn", exact: true })).toBeVisible();

      await page.goto("/portal");
      await expect(page).toHaveURL(/\/logg-inn/);
      // The old session cookie no longer opens the portal either.
      await otherDevice.goto("/portal");
      await expect(otherDevice).toHaveURL(/\/logg-inn/);
      const fresh = await newPage();
      await fresh.context().addCookies(cookies);
      await fresh.goto("/portal/ringeriksregionen/moter");
      await expect(fresh).toHaveURL(/\/logg-inn/);
    });
  }

  test("feil passord og ukjent e-post gir samme melding", async ({ anonPage: page }) => {
    await page.goto("/logg-inn");
    await submitLogin(page, account("member").email, "feil-passord-123");
    const alert = page.getByText(LOGIN_ERROR, { exact: true });
    await expect(alert).toBeVisible();
    await expect(page).toHaveURL(/\/logg-inn/);
    await expectNoA11yViolations(page, "/logg-inn med feilmelding (feil passord)");
    const wrongPasswordHtml = (await page.getByRole("main").innerText()).trim();

    await page.goto("/logg-inn");
    await submitLogin(page, "finnes-ikke@ipr.example", DEMO_PASSWORD);
    await expect(page.getByText(LOGIN_ERROR, { exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/logg-inn/);
    const unknownEmailHtml = (await page.getByRole("main").innerText()).trim();
    // Nothing else on the page tells the two cases apart (the typed e-mail aside).
    expect(unknownEmailHtml.replace("finnes-ikke@ipr.example", "")).toBe(
      wrongPasswordHtml.replace(account("member").email, ""),
    );

    // Still signed out.
    await page.goto("/portal");
    await expect(page).toHaveURL(/\/logg-inn/);
  });

  test("innloggingsskjemaet kan fylles ut og sendes med bare tastaturet", async ({ anonPage: page }) => {
    await page.goto("/logg-inn");
    const email = page.getByLabel("E-post", { exact: true });
    const password = page.getByLabel("Passord", { exact: true });
    const isFocused = (l: typeof email) => l.evaluate((el) => el === document.activeElement);

    let steps = 0;
    while (!(await isFocused(email))) {
      await page.keyboard.press("Tab");
      if (++steps > 30) throw new Error("E-postfeltet ble ikke nådd med Tab i løpet av 30 trykk");
    }
    await page.keyboard.type(account("coordinator").email);
    await page.keyboard.press("Tab");
    expect(await isFocused(password), "Tab fra E-post skal gå til Passord").toBe(true);
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/portal\/?$/);
    await expect(page.getByRole("heading", { level: 1, name: "Min oversikt" })).toBeVisible();
  });

  test("Tab fra passordfeltet når Logg inn-knappen, og Enter på knappen logger inn", async ({ anonPage: page }) => {
    await page.goto("/logg-inn");
    await page.getByLabel("E-post", { exact: true }).focus();
    await page.keyboard.type(account("member").email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(DEMO_PASSWORD);
    const button = page.getByRole("button", { name: "Logg inn", exact: true });
    let steps = 0;
    while (!(await button.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press("Tab");
      if (++steps > 5) throw new Error("Logg inn-knappen ble ikke nådd med Tab fra passordfeltet");
    }
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/portal\/?$/);
  });
});

test("en delt lenke med filter åpnes som den var etter innloggingen", async ({ anonPage: page }) => {
  await page.goto("/portal/oppfolging?mine=1&frist=forfalt");
  await expect(page).toHaveURL(/\/logg-inn\?neste=/);
  await page.getByLabel("E-post", { exact: true }).fill(account("coordinator").email);
  await page.getByLabel("Passord", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page).toHaveURL(/\/portal\/oppfolging\?mine=1&frist=forfalt$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mine oppgaver" })).toBeVisible();
  await expect(page.getByLabel("Frist")).toHaveValue("forfalt");
});

test.describe("anonym tilgang til portalen", () => {
  for (const url of [
    "/portal",
    "/portal/ringeriksregionen",
    "/portal/ringeriksregionen/moter",
    "/portal/ringeriksregionen/oppfolging",
    "/portal/indre-ostfold/moter",
    "/portal/admin/brukere",
    "/portal/ringeriksregionen/moter/finnes-ikke",
    "/portal/velg-rad?rad=ringeriksregionen",
  ]) {
    test(`${url} sender til /logg-inn`, async ({ anonPage: page }) => {
      await page.goto(url);
      await expect(page).toHaveURL(/\/logg-inn/);
      await expect(page.getByLabel("E-post", { exact: true })).toBeVisible();
    });
  }
});

test.describe("øktinformasjonskapsler", () => {
  // Behind the TLS proxy of a production deployment (X-Forwarded-Proto: https) the cookies carry
  // the __Secure-/__Host- prefixes and the Secure flag; over plain http they cannot.
  for (const https of [true, false]) {
    test(`innlogging over ${https ? "https (bak proxy)" : "http"} gir HttpOnly, SameSite=Lax${https ? ", Secure og prefiks" : ""}`, async ({ playwright, baseURL }) => {
      const origin = https ? baseURL!.replace("http:", "https:") : baseURL!;
      const headers: Record<string, string> = https ? { "X-Forwarded-Proto": "https", Origin: origin } : { Origin: origin };
      const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
      try {
        const csrf = await api.get("/api/auth/csrf");
        const { csrfToken } = (await csrf.json()) as { csrfToken: string };
        const csrfCookie = csrf.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("authjs.csrf-token"))!.value;
        const res = await api.post("/api/auth/callback/credentials", {
          form: { email: account("admin").email, password: DEMO_PASSWORD, csrfToken, callbackUrl: `${origin}/portal` },
          headers: { Cookie: csrfCookie.split(";")[0] },
          maxRedirects: 0,
        });
        const session = res.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("authjs.session-token"))?.value;
        expect(session, "innloggingen skal sette øktinformasjonskapselen").toBeTruthy();
        const attrs = session!.split(";").map((a) => a.trim().toLowerCase());
        expect(attrs).toContain("httponly");
        expect(attrs).toContain("samesite=lax");
        if (https) {
          expect(session!.startsWith("__Secure-authjs.session-token=")).toBe(true);
          expect(attrs).toContain("secure");
          expect(csrfCookie.startsWith("__Host-authjs.csrf-token=")).toBe(true);
          expect(csrfCookie.toLowerCase()).toContain("secure");
        } else {
          expect(session!.startsWith("authjs.session-token=")).toBe(true);
        }
      } finally {
        await api.dispose();
      }
    });
  }
});

test.describe("inaktivitetsgrense", () => {
  // The idle timeout (SECURITY.md): a page view renews a session cookie older than five minutes,
  // with the same claims, and leaves a fresh one alone.
  test("en sidevisning fornyer en økt som er eldre enn fem minutter", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
    try {
      const csrf = await api.get("/api/auth/csrf");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const login = await api.post("/api/auth/callback/credentials", {
        form: { email: account("admin").email, password: DEMO_PASSWORD, csrfToken, callbackUrl: `${baseURL}/portal` },
        maxRedirects: 0,
      });
      const name = "authjs.session-token";
      const fresh = login.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${name}=`))!.value.split(";")[0].slice(name.length + 1);
      const claims = (await decode({ token: fresh, secret: AUTH_SECRET, salt: name }))!;
      const renewedBy = async (token: string) => {
        const res = await api.get("/portal", { headers: { Cookie: `${name}=${token}` }, maxRedirects: 0 });
        expect(res.status()).toBe(200);
        await expect.soft(res.text()).resolves.toContain(account("admin").name);
        return res.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${name}=`))?.value;
      };
      expect(await renewedBy(fresh), "en fersk økt fornyes ikke").toBeUndefined();

      // The same claims, issued ten minutes ago: Auth.js's encode (and jose in it) take the time
      // from Date, set back for the call.
      const RealDate = Date;
      const realNow = () => RealDate.now();
      class TenMinutesAgo extends RealDate {
        constructor(...args: ConstructorParameters<typeof Date>) {
          super(...((args.length ? args : [RealDate.now() - 10 * 60_000]) as ConstructorParameters<typeof Date>));
        }
        static now() {
          return RealDate.now() - 10 * 60_000;
        }
      }
      const { iat: _i, exp: _e, jti: _j, ...rest } = claims;
      globalThis.Date = TenMinutesAgo as DateConstructor;
      const old = await encode({ token: rest, secret: AUTH_SECRET, salt: name, maxAge: 60 * 60 }).finally(() => {
        globalThis.Date = RealDate;
      });
      expect((await decode({ token: old, secret: AUTH_SECRET, salt: name }))!.iat!).toBeLessThan(realNow() / 1000 - 9 * 60);
      const cookie = await renewedBy(old);
      expect(cookie, "en eldre økt fornyes").toBeTruthy();
      const attrs = cookie!.split(";").map((a) => a.trim().toLowerCase());
      expect(attrs).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
      const renewed = (await decode({ token: cookie!.split(";")[0].slice(name.length + 1), secret: AUTH_SECRET, salt: name }))!;
      expect(renewed).toMatchObject({ uid: claims.uid, sv: claims.sv, loginAt: claims.loginAt });
      expect(renewed.exp!).toBeGreaterThan((realNow() / 1000) + 55 * 60);
    } finally {
      await api.dispose();
    }
  });
});

test.describe("forespørsler fra andre nettsteder", () => {
  // The sign-in server action, posted directly: from another site it must not sign anybody in.
  const loginActionId = () => {
    const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
    return Object.entries(manifest.node).find(([, v]) => v.filename === "lib/auth/actions.ts" && v.exportedName === "loginAction")![0];
  };
  // The form's fields, then the arguments (field 0), in the order React's encodeReply sends them; a
  // FormData keeps that order (an object would enumerate the key "0" first).
  const loginForm = () => {
    const form = new FormData();
    form.append("_1_email", account("admin").email);
    form.append("_1_password", DEMO_PASSWORD);
    form.append("0", JSON.stringify([{ ok: false }, "$K1"]));
    return form;
  };
  const post = (api: APIRequestContext, headers: Record<string, string>) =>
    api.post("/logg-inn", {
      headers: { "Next-Action": loginActionId(), Accept: "text/x-component", ...headers },
      multipart: loginForm(),
      maxRedirects: 0,
    });
  const signedIn = (res: APIResponse) => res.headersArray().some((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("authjs.session-token="));

  for (const [what, headers] of [
    ["fremmed Origin", { Origin: "https://angriper.example", "Sec-Fetch-Site": "cross-site" }],
    ["fremmed Origin uten Fetch Metadata", { Origin: "https://angriper.example" }],
    ["ingen Origin, men Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
  ] as const) {
    test(`en server action med ${what} avvises med 403 og gjør ingenting`, async ({ playwright, baseURL }) => {
      const api = await playwright.request.newContext({ baseURL });
      try {
        const res = await post(api, headers);
        expect(res.status()).toBe(403);
        expect(signedIn(res)).toBe(false);
        expect(await res.text()).toContain("annet nettsted");
      } finally {
        await api.dispose();
      }
    });
  }

  test("den samme forespørselen fra portalens egen side slipper gjennom (kontroll)", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    try {
      const res = await post(api, { Origin: new URL(baseURL!).origin, "Sec-Fetch-Site": "same-origin" });
      expect(res.status()).not.toBe(403);
      expect(signedIn(res), "den samme posten fra portalen selv logger inn").toBe(true);
    } finally {
      await api.dispose();
    }
  });
});
