import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import type { Viewer } from "@/lib/authz/policy";
import type { FormState } from "@/lib/forms";

// An attachment's exemption is set when uploading, but also mended afterwards: a file published by
// mistake is withdrawn by marking it exempt; a wrong file is deleted while no notice has carried it.
let t: TestDb;
let current: Viewer | null = null;
const deletedKeys = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/authz/viewer", () => ({ getViewer: async () => current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", async () => (await import("@/tests/helpers/action-harness")).navigationModule);
vi.mock("@/lib/server/storage", () => ({ getStorage: () => ({ put: async () => {}, delete: async (key: string) => void deletedKeys.push(key) }), newAttachmentStorageKey: () => `attachments/${Math.random()}` }));
const { updateAttachmentAction, deleteAttachmentAction } = await import("@/lib/attachments/actions");
const { getAttachmentForDownload } = await import("@/lib/attachments/queries");

const none: FormState = { ok: false };
const { toFormData } = await import("@/tests/helpers/action-harness");
const form = (values: Record<string, string>) => toFormData(Object.entries(values));

describe("mending an attachment", () => {
  let councilId: string;
  let meetingId: string;
  let itemId: string;
  let otherItemId: string;
  const file = async (key: string, caseId: string) =>
    (await t.db.attachment.create({ data: { councilId, caseId, meetingId, fileName: `${key}.pdf`, contentType: "application/pdf", sizeBytes: 10, sha256: key, storageKey: `attachments/${key}` }, select: { id: true } })).id;

  beforeAll(async () => {
    t = await createTestDb();
    const council = await t.db.council.create({ data: { slug: "r", name: "Rådet" } });
    councilId = council.id;
    current = { userId: "u", name: "S", email: "s@x.no", personId: null, isSystemAdmin: false, councils: [{ councilId, slug: "r", name: "R", role: "SECRETARIAT" }] };
    const body = await t.db.body.create({ data: { councilId, kind: "ARBEIDSUTVALG", name: "AU", abbreviation: "AU", isPolitical: true } });
    meetingId = (await t.db.meeting.create({ data: { bodyId: body.id, startsAt: new Date("2027-01-10T10:00:00Z") } })).id;
    const c = await t.db.case.create({ data: { councilId, year: 2027, title: "Åpen", type: "VEDTAKSSAK" } });
    const other = await t.db.case.create({ data: { councilId, year: 2027, title: "Annen", type: "VEDTAKSSAK" } });
    itemId = (await t.db.agendaItem.create({ data: { meetingId, caseId: c.id, position: 1, title: "Åpen", type: "VEDTAKSSAK" } })).id;
    otherItemId = (await t.db.agendaItem.create({ data: { meetingId, caseId: other.id, position: 2, title: "Annen", type: "VEDTAKSSAK" } })).id;
    await file("notat", c.id);
    await file("feil", c.id);
  });
  afterAll(async () => t?.close());

  const id = async (name: string) => (await t.db.attachment.findFirstOrThrow({ where: { fileName: `${name}.pdf` } })).id;

  it("withdraws a published file from the public by marking it exempt, with its basis", async () => {
    await t.db.meeting.update({ where: { id: meetingId }, data: { noticeSentAt: new Date(), status: "NOTICE_SENT" } });
    const attachmentId = await id("notat");
    expect(await getAttachmentForDownload(null, attachmentId)).not.toBeNull();
    const noBasis = await updateAttachmentAction(none, form({ itemId, attachmentId, isExempt: "on", exemptionBasis: "", wasExempt: "", wasBasis: "" }));
    expect(noBasis.fieldErrors?.exemptionBasis).toMatch(/^Oppgi hjemmel for unntaket/);
    expect(noBasis.values?.isExempt).toBe("on");
    const ok = await updateAttachmentAction(none, form({ itemId, attachmentId, isExempt: "on", exemptionBasis: "offl. § 13", wasExempt: "", wasBasis: "" }));
    expect(ok).toMatchObject({ ok: true, message: "«notat.pdf» er unntatt offentlighet." });
    expect(await getAttachmentForDownload(null, attachmentId)).toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "attachment.update", entityId: attachmentId } })).toBe(1);
    // A second tab, still showing the file as public, does not silently undo it.
    const stale = await updateAttachmentAction(none, form({ itemId, attachmentId, isExempt: "", exemptionBasis: "", wasExempt: "", wasBasis: "" }));
    expect(stale.message).toMatch(/^Noen andre har endret vedlegget/);
    expect((await t.db.attachment.findUniqueOrThrow({ where: { id: attachmentId } })).isExempt).toBe(true);
  });

  it("keeps a file that has gone out with a notice, and deletes one that has not", async () => {
    const sentId = await id("feil");
    const kept = await deleteAttachmentAction(none, form({ itemId, attachmentId: sentId }));
    expect(kept.message).toMatch(/er sendt ut med en innkalling og slettes ikke/);
    expect(await t.db.attachment.count({ where: { id: sentId } })).toBe(1);
    await t.db.meeting.update({ where: { id: meetingId }, data: { noticeSentAt: null, status: "PLANNED" } });
    const { Redirect } = await import("@/tests/helpers/action-harness");
    const done = await deleteAttachmentAction(none, form({ itemId, attachmentId: sentId })).catch((e) => e);
    expect(done).toBeInstanceOf(Redirect);
    expect((done as InstanceType<typeof Redirect>).to).toBe(`/portal/r/moter/${meetingId}/saker/${itemId}?slettet=feil.pdf`);
    expect(await t.db.attachment.count({ where: { id: sentId } })).toBe(0);
    expect(deletedKeys).toEqual(["attachments/feil"]);
  });

  it("keeps a file added for a later meeting of the case off the earlier meeting's sent notice, and lets it be deleted", async () => {
    const { loadNoticeMeeting } = await import("@/lib/meetings/notice");
    const { publicFileWhere } = await import("@/lib/open-data/selects");
    // The case went to the KDU in December, whose notice is out; now the AU meeting (January) is drafted.
    await t.db.meeting.update({ where: { id: meetingId }, data: { noticeSentAt: null, status: "PLANNED" } });
    const { caseId } = await t.db.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { caseId: true } });
    const kdu = await t.db.body.create({ data: { councilId, kind: "KOMMUNEDIREKTORUTVALG", name: "KDU", abbreviation: "KDU", isPolitical: false }, select: { id: true } });
    const earlier = await t.db.meeting.create({ data: { bodyId: kdu.id, startsAt: new Date("2026-12-10T10:00:00Z"), noticeSentAt: new Date("2026-12-01T08:00:00Z"), status: "NOTICE_SENT" }, select: { id: true } });
    await t.db.agendaItem.create({ data: { meetingId: earlier.id, caseId, position: 1, title: "Åpen", type: "VEDTAKSSAK" } });
    const fromKdu = (await t.db.attachment.create({ data: { councilId, caseId, meetingId: earlier.id, fileName: "fra-kdu.pdf", contentType: "application/pdf", sizeBytes: 10, sha256: "k", storageKey: "attachments/fra-kdu" }, select: { id: true } })).id;
    const draftFile = await file("utkast-innstilling", caseId!);

    const names = async (m: string) => (await loadNoticeMeeting(t.db, m))!.items.flatMap((i) => i.case?.attachments.map((a) => a.fileName) ?? []);
    expect(await names(earlier.id)).toEqual(["fra-kdu.pdf"]);
    expect(await names(meetingId)).toEqual(expect.arrayContaining(["fra-kdu.pdf", "utkast-innstilling.pdf"]));
    // Not downloadable through the KDU's published notice, not in the open data, and not yet sent out.
    expect(await getAttachmentForDownload(null, draftFile)).toBeNull();
    expect(await t.db.attachment.count({ where: { id: draftFile, ...publicFileWhere() } })).toBe(0);
    expect(await getAttachmentForDownload(null, fromKdu)).toMatchObject({ fileName: "fra-kdu.pdf" });
    expect(await t.db.attachment.count({ where: { id: fromKdu, ...publicFileWhere() } })).toBe(1);
    const { Redirect } = await import("@/tests/helpers/action-harness");
    expect(await deleteAttachmentAction(none, form({ itemId, attachmentId: draftFile })).catch((e) => e)).toBeInstanceOf(Redirect);
    expect(await t.db.attachment.count({ where: { id: draftFile } })).toBe(0);
    // The KDU's file went out with the KDU's notice: it stays.
    expect((await deleteAttachmentAction(none, form({ itemId, attachmentId: fromKdu }))).message).toMatch(/er sendt ut med en innkalling/);
  });

  it("refuses a file named through another item, and a viewer without the right", async () => {
    const attachmentId = await id("notat");
    await expect(deleteAttachmentAction(none, form({ itemId: otherItemId, attachmentId }))).rejects.toThrow();
    current = { ...current!, councils: [{ councilId, slug: "r", name: "R", role: "MEMBER" }] };
    await expect(updateAttachmentAction(none, form({ itemId, attachmentId, isExempt: "", exemptionBasis: "", wasExempt: "on", wasBasis: "offl. § 13" }))).rejects.toThrow();
    expect((await t.db.attachment.findUniqueOrThrow({ where: { id: attachmentId } })).isExempt).toBe(true);
  });
});
