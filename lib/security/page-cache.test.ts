import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cachedPage, cacheableRoute, forgetPageStamps, INTERNAL_RENDER_HEADER, internalRenderNonce, registerPageStamper } from "@/lib/security/page-cache";

// A stand-in for the Next server: it renders the page only for the cache's own request (which
// carries the secret), putting the nonce it was given on its scripts and its Link header.
let renders = 0;
let status = 200;
let withNonce = true;
let origin = "";
const server = http.createServer((req, res) => {
  const nonce = internalRenderNonce(new Headers(req.headers as Record<string, string>));
  if (!nonce) {
    res.writeHead(403).end();
    return;
  }
  renders++;
  const n = withNonce ? nonce : "something-else";
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", link: `</x.css>; rel=preload; nonce="${n}"`, "set-cookie": "a=b" });
  res.end(`<html><script nonce="${n}">self.__next_f.push([1,"{\\"nonce\\":\\"${n}\\"}"])</script><p>Referat ${req.url} nr. ${renders}</p></html>`);
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let stamp: string | null = "v1";
const stamped: string[][] = [];
registerPageStamper("published-minutes", async (params) => {
  stamped.push(params);
  return stamp;
});

const anon = (pathname: string, extra: Partial<Parameters<typeof cachedPage>[0]> = {}) => ({
  method: "GET",
  pathname,
  search: "",
  headers: new Headers(),
  cookieNames: [] as string[],
  ...extra,
});

let page = 0;
let path = "";
beforeEach(() => {
  // A fresh page per test: the cache is process-wide.
  path = `/r/vest-ipr/moter/m${++page}`;
  stamp = "v1";
  status = 200;
  withNonce = true;
});

describe("page cache", () => {
  it("renders a page once per stamp and gives each response its own nonce, in the body and the headers", async () => {
    const before = renders;
    const first = await cachedPage(anon(path), "nonceA", origin);
    expect(first?.hit).toBe(false);
    expect(first?.body).toContain('nonce="nonceA"');
    expect(first?.body).toContain('\\"nonce\\":\\"nonceA\\"');
    const second = await cachedPage(anon(path), "nonceB", origin);
    expect(second?.hit).toBe(true);
    expect(renders - before).toBe(1);
    expect(second?.body).toContain('nonce="nonceB"');
    expect(second?.body).not.toContain("nonceA");
    expect(new Headers(second?.headers).get("link")).toContain('nonce="nonceB"');
    // A response's own headers are not replayed.
    expect(new Headers(second?.headers).has("set-cookie")).toBe(false);
    expect(stamped.at(-1)).toEqual(["vest-ipr", `m${page}`]);
  });

  it("renders again when the stamp moves (publishing, an erratum)", async () => {
    await cachedPage(anon(path), "n1", origin);
    const before = renders;
    stamp = "v2";
    forgetPageStamps(); // as the publishing action does
    const after = await cachedPage(anon(path), "n2", origin);
    expect(after?.hit).toBe(false);
    expect(renders - before).toBe(1);
    expect(after?.body).toContain(`nr. ${renders}`);
  });

  it("reads a page's stamp at most once a second until this instance changes minutes", async () => {
    const reads = () => stamped.filter((p) => p[1] === `m${page}`).length;
    await cachedPage(anon(path), "n1", origin);
    await cachedPage(anon(path), "n2", origin);
    expect(reads()).toBe(1);
    // Another instance published: this one notices when the second has passed.
    stamp = "v2";
    expect((await cachedPage(anon(path), "n3", origin))?.hit).toBe(true);
    forgetPageStamps();
    expect((await cachedPage(anon(path), "n4", origin))?.hit).toBe(false);
    expect(reads()).toBe(2);
  });

  it("shares one render among concurrent readers", async () => {
    const before = renders;
    const pages = await Promise.all(["a", "b", "c", "d", "e"].map((n) => cachedPage(anon(path), n, origin)));
    expect(renders - before).toBe(1);
    pages.forEach((p, i) => expect(p?.body).toContain(`nonce="${"abcde"[i]}"`));
  });

  it("does not cache a page without a stamp, a failed render or one without the placeholder nonce", async () => {
    stamp = null;
    expect(await cachedPage(anon(path), "n", origin)).toBeNull();
    stamp = "v1";
    forgetPageStamps();
    status = 404;
    expect(await cachedPage(anon(path), "n", origin)).toBeNull();
    status = 200;
    withNonce = false;
    expect(await cachedPage(anon(path), "n", origin)).toBeNull();
    // Nothing was stored by the failures: the next good render is a miss.
    withNonce = true;
    expect((await cachedPage(anon(path), "n", origin))?.hit).toBe(false);
  });

  it("renders as usual when the server cannot be reached", async () => {
    expect(await cachedPage(anon(path), "n", "http://127.0.0.1:1")).toBeNull();
  });

  it("answers only anonymous GETs of the document itself", () => {
    expect(cacheableRoute(anon(path))).toEqual({ kind: "published-minutes", params: ["vest-ipr", `m${page}`] });
    expect(cacheableRoute(anon("/tilgjengelighet"))?.kind).toBe("static");
    expect(cacheableRoute(anon(path, { method: "POST" }))).toBeNull();
    expect(cacheableRoute(anon(path, { search: "?_rsc=abc" }))).toBeNull();
    expect(cacheableRoute(anon(path, { cookieNames: ["__Secure-authjs.session-token"] }))).toBeNull();
    expect(cacheableRoute(anon(path, { headers: new Headers({ rsc: "1" }) }))).toBeNull();
    expect(cacheableRoute(anon(path, { headers: new Headers({ "next-router-prefetch": "1" }) }))).toBeNull();
    expect(cacheableRoute(anon(`${path}/innkalling`))).toBeNull();
    expect(cacheableRoute(anon("/portal/vest-ipr/referater"))).toBeNull();
    expect(cacheableRoute(anon("/r/vest-ipr/moter/%E0%A4%A"))).toBeNull();
  });

  it("gives the placeholder nonce only to a request carrying this process's secret", () => {
    expect(internalRenderNonce(new Headers())).toBeNull();
    expect(internalRenderNonce(new Headers({ [INTERNAL_RENDER_HEADER]: "guess" }))).toBeNull();
  });
});
