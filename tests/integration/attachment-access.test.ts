import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/test-db";
import type { Role, Viewer } from "@/lib/authz/policy";

let t: TestDb;
vi.mock("@/lib/server/db", () => ({ getDb: async () => t.db }));

const viewer = (role: Role, councilId: string): Viewer => ({
  userId: "u",
  name: "N",
  email: "n@x.no",
  personId: null,
  isSystemAdmin: false,
  councils: [{ councilId, slug: "r", name: "R", role }],
});

describe("who may download an attachment", () => {
  let councilId: string;
  let meetingId: string;
  let publicFile: string;
  let exemptFile: string;

  beforeAll(async () => {
    t = await createTestDb();
    const council = await t.db.council.create({ data: { slug: "r", name: "Rådet" } });
    councilId = council.id;
    const body = await t.db.body.create({ data: { councilId, kind: "ARBEIDSUTVALG", name: "AU", abbreviation: "AU", isPolitical: true } });
    const meeting = await t.db.meeting.create({ data: { bodyId: body.id, startsAt: new Date("2027-01-10T10:00:00Z") } });
    meetingId = meeting.id;
    const open = await t.db.case.create({ data: { councilId, year: 2027, title: "Åpen", type: "VEDTAKSSAK" } });
    const closed = await t.db.case.create({ data: { councilId, year: 2027, title: "Unntatt", type: "VEDTAKSSAK", isExempt: true, exemptionBasis: "offl. § 13" } });
    await t.db.agendaItem.createMany({
      data: [
        { meetingId, caseId: open.id, position: 1, title: "Åpen", type: "VEDTAKSSAK" },
        { meetingId, caseId: closed.id, position: 2, title: "Unntatt", type: "VEDTAKSSAK" },
      ],
    });
    const file = (caseId: string, key: string) =>
      t.db.attachment.create({ data: { councilId, caseId, meetingId, fileName: `${key}.pdf`, contentType: "application/pdf", sizeBytes: 10, sha256: key, storageKey: `attachments/${key}` } });
    publicFile = (await file(open.id, "open")).id;
    exemptFile = (await file(closed.id, "closed")).id;
  });
  afterAll(async () => t?.close());

  it("hides every file of a meeting whose notice is not sent, except from the secretariat", async () => {
    const { getAttachmentForDownload } = await import("@/lib/attachments/queries");
    expect(await getAttachmentForDownload(null, publicFile)).toBeNull();
    expect(await getAttachmentForDownload(viewer("MEMBER", councilId), publicFile)).toBeNull();
    expect(await getAttachmentForDownload(viewer("SECRETARIAT", councilId), publicFile)).not.toBeNull();
  });

  it("publishes ordinary files with the notice, but never exempt ones", async () => {
    const { getAttachmentForDownload } = await import("@/lib/attachments/queries");
    await t.db.meeting.update({ where: { id: meetingId }, data: { noticeSentAt: new Date(), status: "NOTICE_SENT" } });
    expect(await getAttachmentForDownload(null, publicFile)).toMatchObject({ fileName: "open.pdf" });
    expect(await getAttachmentForDownload(null, exemptFile)).toBeNull();
    expect(await getAttachmentForDownload(viewer("MEMBER", councilId), exemptFile)).toBeNull();
    expect(await getAttachmentForDownload(viewer("SECRETARIAT", "another-council"), exemptFile)).toBeNull();
    expect(await getAttachmentForDownload(viewer("SECRETARIAT", councilId), exemptFile)).toMatchObject({ fileName: "closed.pdf" });
  });

  it("lets readers of the council's follow-up download a follow-up item's files, and nobody else", async () => {
    const { getAttachmentForDownload } = await import("@/lib/attachments/queries");
    const item = await t.db.actionItem.create({ data: { councilId, title: "Oppfølging" } });
    const other = await t.db.council.create({ data: { slug: "annet", name: "Annet råd" } });
    const f = await t.db.attachment.create({
      data: { councilId, actionItemId: item.id, fileName: "status.pdf", contentType: "application/pdf", sizeBytes: 10, sha256: "s", storageKey: "attachments/status" },
    });
    expect(await getAttachmentForDownload(null, f.id)).toBeNull();
    expect(await getAttachmentForDownload(viewer("MEMBER", other.id), f.id)).toBeNull();
    expect(await getAttachmentForDownload(viewer("MEMBER", councilId), f.id)).toMatchObject({ fileName: "status.pdf" });
    expect(await getAttachmentForDownload(viewer("COORDINATOR", councilId), f.id)).toMatchObject({ fileName: "status.pdf" });
  });
});
