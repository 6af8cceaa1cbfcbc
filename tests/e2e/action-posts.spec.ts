import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, RINGERIKE, visit } from "./fixtures";

// Server actions posted directly over HTTP, the way a script would, not through the pages' forms:
// a refused action answers 404 or 403 as the response's status, and changes nothing. The full
// action × role × resource matrix runs in tests/integration/access-matrix.test.ts; this proves
// the same answers reach the wire through Next's action handler and the proxy.

const DRAFT_DATE = "7. februar 2022";

/** The action's id in this build (.next/server/server-reference-manifest.json). */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`${file} ${name} finnes ikke i byggets manifest`);
  return found[0];
}

/**
 * Posts `fields` to a useActionState action (previous state, form data), as React's encodeReply
 * does: the form's fields prefixed "_<reference>_", then the arguments as JSON in field 0.
 */
function postAction(api: APIRequestContext, url: string, id: string, fields: Record<string, string>, origin: string) {
  // A FormData, not an object: JavaScript enumerates the key "0" first, but it must come last, as
  // React sends it (the server decodes field 0 as soon as it arrives).
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  multipart.append("0", JSON.stringify([{ ok: false }, "$K1"]));
  return api.post(url, {
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: origin, "Sec-Fetch-Site": "same-origin" },
    multipart,
    maxRedirects: 0,
  });
}

async function draftMeetingId(page: Page): Promise<string> {
  await page.goto(`/portal/${RINGERIKE.slug}/moter`);
  const item = page.getByRole("main").getByRole("listitem").filter({ hasText: DRAFT_DATE });
  const href = await item.getByRole("link").first().getAttribute("href");
  return href!.split("/").filter(Boolean).pop()!;
}

test("avlysning av et møte postet direkte: 403 for medlemmet, 404 for andre råd og anonyme, og møtet er uendret", async ({ loginAs, playwright, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const secretariat = await loginAs("secretariat");
  const meetingId = await draftMeetingId(secretariat);
  const meetingUrl = `/portal/${RINGERIKE.slug}/moter/${meetingId}`;
  expect(await visit(secretariat, meetingUrl)).toBe(200);
  const before = await secretariat.getByRole("main").innerText();
  expect(before).not.toMatch(/avlyst/i);

  const id = actionId("lib/meetings/actions.ts", "cancelMeetingAction");
  const fields = { meetingId, version: "1", reason: "Avlyst av noen uten tilgang" };
  const member = await loginAs("member");
  const other = await loginAs("otherCouncil");
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    for (const [who, api, status] of [
      ["medlem i rådet", member.request, 403],
      ["sekretariatet i et annet råd", other.request, 404],
      ["anonym", anonymous, 404],
    ] as const) {
      const res = await postAction(api, `${meetingUrl}/rediger`, id, fields, origin);
      expect(res.status(), `${who}: HTTP-status`).toBe(status);
    }
    // Control: the same request from the secretariat reaches the action (a stale version, so the
    // action itself refuses with its message and nothing changes).
    const control = await postAction(secretariat.request, `${meetingUrl}/rediger`, id, { ...fields, version: "999999" }, origin);
    expect(control.status()).toBe(200);
    expect(await control.text()).toContain("Møtet kunne ikke avlyses");
  } finally {
    await anonymous.dispose();
  }

  await secretariat.reload();
  await expect(secretariat.getByRole("main")).toBeVisible();
  expect(await secretariat.getByRole("main").innerText(), "møtesiden etter forsøkene").toBe(before);
});
