import type { Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { test, expect, expectNoA11yViolations, visit, EXEMPT_MARKER, RINGERIKE } from "./fixtures";

// Issue 7: what anyone can read without logging in — calendar, minutes archive by body and year,
// case pages with saksgang and decisions, the Atom feed, sitemap and robots — on a phone too.

const R = `/r/${RINGERIKE.slug}`;

async function expectNoHorizontalScroll(page: Page) {
  const { width, viewport } = await page.evaluate(() => ({ width: document.scrollingElement!.scrollWidth, viewport: window.innerWidth }));
  expect(width, `${page.url()} scrollWidth`).toBeLessThanOrEqual(viewport + 1);
}

test("publikum finner møtekalender, referatarkiv etter organ og år, og saken med saksgang og vedtak", async ({ newPage }) => {
  const page = await newPage({ viewport: { width: 360, height: 740 } });
  await visit(page, R);
  const nav = page.getByRole("navigation", { name: `Sider for ${RINGERIKE.fullName}` });
  await nav.getByRole("link", { name: "Møter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Møter" })).toBeVisible();
  await visit(page, page.url());
  await expect(page.getByRole("table")).toBeVisible();
  await expectNoHorizontalScroll(page);
  // Straight to a month long ago, and the meeting in it names itself in full.
  await page.getByLabel("Måned", { exact: true }).fill("2022-01");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/maned=2022-01/);
  await expect(page.getByRole("heading", { level: 2, name: "januar 2022" })).toBeVisible();
  await expect(page.getByRole("table").getByRole("link", { name: "14.00 AU – Ordfører- og kommunedirektør/rådmannsutvalget, 17. januar 2022" })).toBeVisible();
  await visit(page, page.url());
  await expectNoHorizontalScroll(page);
  // The coming AU meeting of January 2027 is in the møteplan: as a time without a page until its
  // notice is sent (another test may send it first: then it is a link).
  await visit(page, `${R}/moter?maned=2027-01`);
  const cell = page.getByRole("table").getByRole("cell").filter({ hasText: "14.00 AU" });
  await expect(cell).toContainText(/14\.00 AU( \(planlagt\))? – Ordfører- og kommunedirektør\/rådmannsutvalget, 18\. januar 2027/);
  await expectNoHorizontalScroll(page);

  await visit(page, `${R}/referater`);
  await expectNoHorizontalScroll(page);
  const y2022 = page.getByRole("region", { name: "2022" });
  await expect(y2022.getByRole("link", { name: /Referat – Ordfører- og kommunedirektør\/rådmannsutvalget 17\. januar 2022/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "2021" })).toBeVisible();
  // One year only, by the filter form (a plain GET form: it works without JavaScript).
  await page.getByLabel("År").selectOption("2021");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/ar=2021/);
  await expect(page.getByRole("region", { name: "2022" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "2021" })).toBeVisible();
  await visit(page, page.url());

  // From the published minutes to the case: saksgang and the decision.
  await visit(page, `${R}/referater?ar=2022`);
  await page.getByRole("link", { name: /17\. januar 2022/ }).first().click();
  await page.getByRole("region", { name: "Sakene med saksgang og vedtak" }).getByRole("link", { name: "Sak 4/22 Prinsipp saker/samhandlingsinstruks" }).click();
  await expect(page).toHaveURL(/\/r\/ringeriksregionen\/saker\//);
  await visit(page, page.url());
  await expect(page.getByText("Det inviteres til en samling fra lunsj til lunsj 22.februar – 23. februar.")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Tilgjengelighetserklæring" })).toBeVisible();

  // A case only treated in a draft meeting is not public.
  await visit(page, `${R}/planer`);
  await expectNoHorizontalScroll(page);
});

test("Atom-strømmen, sitemap.xml og robots.txt viser bare det publiserte", async ({ anonPage: page }) => {
  const feed = await page.request.get(`${R}/feed.xml`);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  await page.goto("/");
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    return {
      error: doc.getElementsByTagName("parsererror").length > 0,
      titles: [...doc.getElementsByTagName("entry")].map((e) => e.getElementsByTagName("title")[0]?.textContent ?? ""),
    };
  }, xml);
  expect(parsed.error).toBe(false);
  expect(parsed.titles).toContain("Referat: Ordfører- og kommunedirektør/rådmannsutvalget 17. januar 2022");
  // Every entry links to a page anyone may read: nothing unpublished is announced.
  const links = [...xml.matchAll(/<link rel="alternate" type="text\/html" href="([^"]+)"\/>/g)].map((m) => new URL(m[1]).pathname).slice(1);
  expect(links.length).toBe(parsed.titles.length);
  for (const link of links) expect((await page.request.get(link)).status(), link).toBe(200);

  const sitemap = await (await page.request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`${R}/referater`);
  expect(sitemap).toMatch(/\/r\/ringeriksregionen\/saker\/[a-z0-9]+/);
  expect(sitemap).not.toContain("/portal");
  const robots = await (await page.request.get("/robots.txt")).text();
  expect(robots).toMatch(/Disallow: \/portal/);
  expect(robots).toMatch(/Sitemap: https?:\/\/[^\s]+\/sitemap\.xml/);
});

test("publikum finner et vedtak i søket på et ord fra det, og på en del av et sammensatt ord", async ({ anonPage: page }) => {
  await visit(page, "/sok");
  const search = page.getByRole("search");
  await search.getByLabel("Søk", { exact: true }).fill("a");
  await search.getByRole("button", { name: "Søk" }).click();
  await expect(page.getByText("Skriv minst 2 tegn.")).toBeVisible();
  await expect(search.getByLabel("Søk", { exact: true })).toHaveValue("a");
  await expectNoA11yViolations(page, "søk med feil");

  // A word from the decision in sak 4/22 ("Det inviteres til en samling fra lunsj til lunsj …").
  await search.getByLabel("Søk", { exact: true }).fill("lunsj");
  await search.getByRole("button", { name: "Søk" }).click();
  await expect(page).toHaveURL(/q=lunsj/);
  const results = page.getByRole("region", { name: "Treff" }).getByRole("listitem");
  const hit = results.filter({ hasText: "Sak 4/22 Prinsipp saker/samhandlingsinstruks" }).filter({ hasText: "Vedtak" }).first();
  await expect(hit).toBeVisible();
  await expect(hit).toContainText("samling fra lunsj til lunsj");
  await expect(hit.locator("mark").first()).toHaveText(/lunsj/i);
  await expectNoA11yViolations(page, "søketreff «lunsj»");

  // A case number: the case comes first, and leads to the case.
  await search.getByLabel("Søk", { exact: true }).fill("Sak 4/22");
  await search.getByRole("button", { name: "Søk" }).click();
  await expect(page).toHaveURL(/q=Sak\+4%2F22/);
  const first = page.getByRole("region", { name: "Treff" }).getByRole("listitem").first();
  await expect(first).toContainText("Sak 4/22 Prinsipp saker/samhandlingsinstruks");
  await expectNoA11yViolations(page, "søketreff «Sak 4/22»");
  await first.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/r\/ringeriksregionen\/saker\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Prinsipp saker/samhandlingsinstruks");

  // Part of a compound word: "arbeid" in "samarbeid" ("Inger lager program i samarbeid med Knut Martin").
  await visit(page, `/sok?q=arbeid&rad=${RINGERIKE.slug}&type=vedtak`);
  const part = page.getByRole("region", { name: "Treff" }).getByRole("listitem").filter({ hasText: "Sak 4/22 Prinsipp saker/samhandlingsinstruks" }).first();
  await expect(part).toBeVisible();
  await expect(part).toContainText(/program i sam\s*arbeid\s*med Knut Martin/);
  await expect(part.locator("mark").first()).toHaveText("arbeid");
  // And "direktørmøte" in "kommunedirektørmøte" (sak 2/22).
  await visit(page, `/sok?q=${encodeURIComponent("direktørmøte")}&rad=${RINGERIKE.slug}`);
  await expect(page.getByRole("region", { name: "Treff" }).getByRole("listitem").filter({ hasText: "Sak 2/22" }).locator("mark").first()).toHaveText("direktørmøte");
  await visit(page, `/sok?q=arbeid&rad=${RINGERIKE.slug}&type=vedtak`);
  await part.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/r\/ringeriksregionen\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("PDF-en på den offentlige møtesiden er den offentlige versjonen, også for sekretariatet", async ({ loginAs }) => {
  // Staff pass the page on as «the public minutes»; the internal version would carry closed items in full.
  const page = await loginAs("secretariat");
  await visit(page, `${R}/moter?maned=2022-01`);
  await page.getByRole("table").getByRole("link", { name: /17\. januar 2022/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoA11yViolations(page, "den offentlige møtesiden som sekretariatet");
  const href = await page.getByRole("link", { name: "Last ned referatet som PDF" }).getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  // Only the public version of published minutes may sit in shared caches; the internal one is private.
  expect(pdf.headers()["cache-control"]).toBe("public, max-age=300");
});

test("unntatt innhold vises aldri: ikke på offentlige sider, i søk, i strømmer eller i API-et, heller ikke når møtet er publisert", async ({ loginAs, anonPage: anon }) => {
  test.setTimeout(240_000);
  // Publish the 7 February 2022 meeting, whose exempt item carries the marker, by sending its notice.
  const page = await loginAs("secretariat");
  await page.goto(`/portal/${RINGERIKE.slug}/moter`);
  const item = page.getByRole("main").getByRole("listitem").filter({ hasText: "7. februar 2022" });
  const href = await item.getByRole("link").first().getAttribute("href");
  const meetingId = href!.split("/").pop()!;
  // Earlier specs may have sent it already, or published its minutes (minutes.spec writes them).
  await page.goto(`${href}/rediger`);
  const send = page.getByRole("button", { name: "Send innkalling" });
  if (await send.count()) {
    await send.click();
    await page.getByRole("button", { name: "Ja, send innkallingen" }).click();
    await expect(page.getByText(/Innkallingen er sendt til \d+ mottakere og publisert\./)).toBeVisible({ timeout: 30_000 });
  }

  // The meeting is public now, with the exempt item's title and basis only.
  await visit(anon, `${R}/moter/${meetingId}`);
  await expect(anon.getByRole("main")).toContainText("Personalsak – konfidensielt (demo)");
  await expect(anon.getByRole("main")).toContainText(/offl\. § 13|offentleglova § 13/);
  const clean = (text: string, where: string) => expect(text, `unntatt innhold i ${where}`).not.toContain(EXEMPT_MARKER);
  clean(await anon.content(), "den offentlige møtesiden");

  // Every public page in the sitemap.
  const sitemap = await (await anon.request.get("/sitemap.xml")).text();
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  expect(urls).toContain(`${R}/moter/${meetingId}`);
  for (const url of urls) {
    const res = await anon.request.get(url);
    expect(res.status(), url).toBe(200);
    clean(await res.text(), url);
  }
  // The notice PDF, the feeds and the calendar.
  for (const file of ["innkalling.pdf", "referat.pdf"]) {
    const pdf = await anon.request.get(`/dokumenter/${RINGERIKE.slug}/moter/${meetingId}/${file}`);
    if (pdf.status() === 404) continue; // minutes not published, or notice not sent
    expect(pdf.status(), file).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
    clean(text, file);
  }
  const feed = await (await anon.request.get(`${R}/feed.xml`)).text();
  expect(feed).toContain("7. februar 2022");
  clean(feed, "Atom-strømmen");
  clean(await (await anon.request.get(`/kalender/${RINGERIKE.slug}`)).text(), "ICS-strømmen");

  // Search: the marker finds nothing, the title is found, and no snippet shows the content.
  await visit(anon, `/sok?q=${encodeURIComponent(EXEMPT_MARKER)}`);
  // (The page repeats the query itself in the field and the status line; no result may hold it.)
  await expect(anon.getByRole("region", { name: "Treff" }).getByRole("listitem")).toHaveCount(0);
  await visit(anon, `/sok?q=${encodeURIComponent("Personalsak")}`);
  await expect(anon.getByRole("region", { name: "Treff" }).getByRole("listitem").first()).toBeVisible();
  clean(await anon.content(), "søk etter tittelen");

  // The open data API, every URL it links to.
  const seen = new Set<string>();
  const queue = ["/api/oparl/v1", `/api/oparl/v1/meeting/${meetingId}`];
  while (queue.length && seen.size < 250) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await anon.request.get(url);
    expect(res.status(), url).toBe(200);
    const body = await res.text();
    clean(body, url);
    for (const m of body.matchAll(/"(https?:\/\/[^"]+\/api\/oparl\/v1[^"]*)"/g)) {
      const next = new URL(m[1]);
      const path = `${next.pathname}${next.search}`;
      if (!seen.has(path)) queue.push(path);
    }
  }
  expect(seen.size, "API-adresser gjennomgått").toBeGreaterThan(20);
  expect([...seen].some((u) => u.includes(meetingId)), "det publiserte møtet er i API-et").toBe(true);
});
