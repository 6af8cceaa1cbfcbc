/**
 * A case's file is uploaded for one meeting of the case. It belongs to that meeting's papers and to
 * those of every later meeting the case goes on to, never to an earlier one: a file added while the
 * representantskap's meeting is drafted must not appear, or be downloadable, through the KDU's notice
 * that went out weeks before. A file with no meeting (none is stored so today) belongs to them all.
 */
export function caseFileReachesMeeting(uploadedFor: { id: string; startsAt: Date } | null, meeting: { id: string; startsAt: Date }): boolean {
  return !uploadedFor || uploadedFor.id === meeting.id || uploadedFor.startsAt.getTime() <= meeting.startsAt.getTime();
}
