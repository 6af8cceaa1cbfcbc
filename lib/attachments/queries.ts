import "server-only";
import { getDb } from "@/lib/server/db";
import { can, canReadExemptContent, canReadMeeting, type Viewer } from "@/lib/authz/policy";
import { caseFileReachesMeeting } from "@/lib/attachments/reach";

/** The attachment row when the viewer may download it: its meeting must be readable, and exempt
 *  files (or files of exempt cases) need exempt rights. Null otherwise, so callers answer 404. */
export async function getAttachmentForDownload(viewer: Viewer | null, attachmentId: string) {
  const db = await getDb();
  const a = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      id: true,
      councilId: true,
      fileName: true,
      contentType: true,
      sizeBytes: true,
      storageKey: true,
      isExempt: true,
      case: { select: { isExempt: true, items: { select: { status: true, isClosed: true, meeting: { select: { id: true, startsAt: true, status: true, noticeSentAt: true } } } } } },
      meeting: { select: { id: true, startsAt: true, status: true, noticeSentAt: true } },
      agendaItem: { select: { isClosed: true } },
      actionItemId: true,
    },
  });
  if (!a) return null;
  // Files on a follow-up item are read by whoever may read the council's follow-up.
  if (a.actionItemId) {
    if (!can(viewer, "action.read", a.councilId) || (a.isExempt && !canReadExemptContent(viewer, a.councilId))) return null;
    return { fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, storageKey: a.storageKey };
  }
  // A case treated behind closed doors in any meeting keeps its files from the public, as its page keeps its papers.
  const closedCase = a.case?.items.some((i) => i.status === "ACTIVE" && i.isClosed) ?? false;
  const exempt = a.isExempt || a.case?.isExempt || a.agendaItem?.isClosed || closedCase;
  if (exempt && !canReadExemptContent(viewer, a.councilId)) return null;
  // Through the meeting it was uploaded for and the case's later meetings, whose notices list it; not an earlier one's.
  const caseMeetings = (a.case?.items.map((i) => i.meeting) ?? []).filter((m) => caseFileReachesMeeting(a.meeting, m));
  const meetings = [a.meeting, ...caseMeetings].filter((m) => m !== null);
  if (!meetings.some((m) => canReadMeeting(viewer, { councilId: a.councilId, status: m.status, noticeSentAt: m.noticeSentAt }))) return null;
  return { fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, storageKey: a.storageKey };
}
