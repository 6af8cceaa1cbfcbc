-- Approved minutes are locked in the database too (defence in depth, the app checks first).
-- Once a meeting's "Minutes"."status" = 'APPROVED', what the approved referat consists of can no
-- longer change: the minutes' own content and approval facts, the meeting's agenda items with
-- their decisions, proposals, disqualifications and round-table contributions, the attendance
-- register, and the meeting's time and place. Publication (publishedAt, version, updatedAt),
-- errata (MinutesErratum), comments and follow-up (ActionItem) stay open.
-- Deleting a meeting with approved minutes fails through the cascade to "Minutes". That is intended.
--
-- Every refusal raises SQLSTATE P0001 with a message starting with 'minutes_locked', so the app
-- can recognise it. Triggers and functions are not part of schema.prisma, and Prisma's migrate
-- diff ignores them, so the drift check is unaffected. Every trigger is named "minutes_lock", so
-- maintenance (and a test that must edit approved data) can, inside a transaction, run
--   ALTER TABLE "<table>" DISABLE TRIGGER minutes_lock
--
-- NO SEMICOLONS except between statements, not even in comments: on PostgreSQL the migration
-- runs through @prisma/adapter-pg, whose executeScript splits the script at every semicolon.
-- The function bodies are therefore E'' strings in which \073 stands for the semicolon and ''
-- for a quote. Read \073 as the end of a PL/pgSQL statement.

-- True when the meeting has approved minutes. A NULL meeting id (a parent row already gone in a
-- cascade) counts as not locked.
CREATE OR REPLACE FUNCTION "ipr_meeting_minutes_approved"(meeting_id TEXT) RETURNS BOOLEAN
LANGUAGE sql STABLE AS
'SELECT meeting_id IS NOT NULL AND EXISTS (SELECT 1 FROM "Minutes" m WHERE m."meetingId" = meeting_id AND m."status" = ''APPROVED'')';

CREATE OR REPLACE FUNCTION "ipr_item_meeting_id"(item_id TEXT) RETURNS TEXT
LANGUAGE sql STABLE AS
'SELECT i."meetingId" FROM "AgendaItem" i WHERE i."id" = item_id';

CREATE OR REPLACE FUNCTION "ipr_decision_meeting_id"(decision_id TEXT) RETURNS TEXT
LANGUAGE sql STABLE AS
'SELECT i."meetingId" FROM "Decision" d JOIN "AgendaItem" i ON i."id" = d."agendaItemId" WHERE d."id" = decision_id';

CREATE OR REPLACE FUNCTION "ipr_raise_minutes_locked"(what TEXT) RETURNS VOID
LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''minutes_locked: godkjent referat kan ikke endres (%)'', what
    USING ERRCODE = ''P0001'', HINT = ''Før en rettelse på referatet i stedet.''\073
END\073
';

-- ─── Minutes ───

CREATE OR REPLACE FUNCTION "ipr_lock_minutes"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    IF OLD."status" = ''APPROVED'' THEN
      PERFORM "ipr_raise_minutes_locked"(''Minutes slettes'')\073
    END IF\073
    RETURN OLD\073
  END IF\073
  IF OLD."status" = ''APPROVED'' AND (
       NEW."status" IS DISTINCT FROM OLD."status"
    OR NEW."meetingId" IS DISTINCT FROM OLD."meetingId"
    OR NEW."documentTitle" IS DISTINCT FROM OLD."documentTitle"
    OR NEW."introduction" IS DISTINCT FROM OLD."introduction"
    OR NEW."approvedAt" IS DISTINCT FROM OLD."approvedAt"
    OR NEW."approvalMethod" IS DISTINCT FROM OLD."approvalMethod"
    OR NEW."approvedVersion" IS DISTINCT FROM OLD."approvedVersion"
    OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash"
    OR NEW."signedByChairId" IS DISTINCT FROM OLD."signedByChairId"
    OR NEW."chairSignatureLabel" IS DISTINCT FROM OLD."chairSignatureLabel"
    OR NEW."signedBySecretaryId" IS DISTINCT FROM OLD."signedBySecretaryId"
    OR NEW."secretarySignatureLabel" IS DISTINCT FROM OLD."secretarySignatureLabel"
    OR NEW."approvedByName" IS DISTINCT FROM OLD."approvedByName"
  ) THEN
    PERFORM "ipr_raise_minutes_locked"(''Minutes endres'')\073
  END IF\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "minutes_lock"
  BEFORE UPDATE OR DELETE ON "Minutes"
  FOR EACH ROW EXECUTE FUNCTION "ipr_lock_minutes"();

-- ─── AgendaItem ───
-- Columns outside the list (position, caseId, outcome, proposedFrom…, version, updatedAt) stay open.

CREATE OR REPLACE FUNCTION "ipr_lock_agenda_item"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    IF "ipr_meeting_minutes_approved"(NEW."meetingId") THEN
      PERFORM "ipr_raise_minutes_locked"(''AgendaItem legges til'')\073
    END IF\073
    RETURN NEW\073
  END IF\073
  IF TG_OP = ''DELETE'' THEN
    IF "ipr_meeting_minutes_approved"(OLD."meetingId") THEN
      PERFORM "ipr_raise_minutes_locked"(''AgendaItem slettes'')\073
    END IF\073
    RETURN OLD\073
  END IF\073
  IF "ipr_meeting_minutes_approved"(OLD."meetingId") AND (
       NEW."meetingId" IS DISTINCT FROM OLD."meetingId"
    OR NEW."title" IS DISTINCT FROM OLD."title"
    OR NEW."type" IS DISTINCT FROM OLD."type"
    OR NEW."presenter" IS DISTINCT FROM OLD."presenter"
    OR NEW."number" IS DISTINCT FROM OLD."number"
    OR NEW."year" IS DISTINCT FROM OLD."year"
    OR NEW."seriesId" IS DISTINCT FROM OLD."seriesId"
    OR NEW."status" IS DISTINCT FROM OLD."status"
    OR NEW."isClosed" IS DISTINCT FROM OLD."isClosed"
    OR NEW."closedBasis" IS DISTINCT FROM OLD."closedBasis"
    OR NEW."noticeText" IS DISTINCT FROM OLD."noticeText"
    OR NEW."minutesNotes" IS DISTINCT FROM OLD."minutesNotes"
    OR NEW."approvesMinutesOfId" IS DISTINCT FROM OLD."approvesMinutesOfId"
  ) THEN
    PERFORM "ipr_raise_minutes_locked"(''AgendaItem endres'')\073
  END IF\073
  IF NEW."meetingId" IS DISTINCT FROM OLD."meetingId" AND "ipr_meeting_minutes_approved"(NEW."meetingId") THEN
    PERFORM "ipr_raise_minutes_locked"(''AgendaItem flyttes inn'')\073
  END IF\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "minutes_lock"
  BEFORE INSERT OR UPDATE OR DELETE ON "AgendaItem"
  FOR EACH ROW EXECUTE FUNCTION "ipr_lock_agenda_item"();

-- ─── Rows that belong to a meeting through an item, a decision, or directly ───
-- Any INSERT, UPDATE or DELETE is refused when the old or the new row belongs to a meeting with
-- approved minutes. Each table has its own IF branch: PL/pgSQL resolves a row's fields only when
-- a statement runs, so a Decision row never meets OLD."meetingId".

CREATE OR REPLACE FUNCTION "ipr_lock_item_child"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
DECLARE
  old_meeting TEXT\073
  new_meeting TEXT\073
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    IF TG_TABLE_NAME = ''Attendance'' THEN
      old_meeting := OLD."meetingId"\073
    ELSIF TG_TABLE_NAME = ''Proposal'' THEN
      old_meeting := "ipr_decision_meeting_id"(OLD."decisionId")\073
    ELSE
      old_meeting := "ipr_item_meeting_id"(OLD."agendaItemId")\073
    END IF\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    IF TG_TABLE_NAME = ''Attendance'' THEN
      new_meeting := NEW."meetingId"\073
    ELSIF TG_TABLE_NAME = ''Proposal'' THEN
      new_meeting := "ipr_decision_meeting_id"(NEW."decisionId")\073
    ELSE
      new_meeting := "ipr_item_meeting_id"(NEW."agendaItemId")\073
    END IF\073
  END IF\073
  IF "ipr_meeting_minutes_approved"(old_meeting) OR "ipr_meeting_minutes_approved"(new_meeting) THEN
    PERFORM "ipr_raise_minutes_locked"(TG_TABLE_NAME || '' '' || lower(TG_OP))\073
  END IF\073
  IF TG_OP = ''DELETE'' THEN
    RETURN OLD\073
  END IF\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "minutes_lock"
  BEFORE INSERT OR UPDATE OR DELETE ON "Decision"
  FOR EACH ROW EXECUTE FUNCTION "ipr_lock_item_child"();

CREATE TRIGGER "minutes_lock"
  BEFORE INSERT OR UPDATE OR DELETE ON "Proposal"
  FOR EACH ROW EXECUTE FUNCTION "ipr_lock_item_child"();

CREATE TRIGGER "minutes_lock"
  BEFORE INSERT OR UPDATE OR DELETE ON "Disqualification"
  FOR EACH ROW EXECUTE FUNCTION "ipr_lock_item_child"();

CREATE TRIGGER "minutes_lock"
  BEFORE INSERT OR UPDATE OR DELETE ON "RoundTableContribution"
  FOR EACH ROW EXECUTE FUNCTION "ipr_lock_item_child"();

CREATE TRIGGER "minutes_lock"
  BEFORE INSERT OR UPDATE OR DELETE ON "Attendance"
  FOR EACH ROW EXECUTE FUNCTION "ipr_lock_item_child"();

-- ─── Meeting: time and place ───

CREATE OR REPLACE FUNCTION "ipr_lock_meeting"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  IF (
       NEW."startsAt" IS DISTINCT FROM OLD."startsAt"
    OR NEW."endsAt" IS DISTINCT FROM OLD."endsAt"
    OR NEW."location" IS DISTINCT FROM OLD."location"
  ) AND "ipr_meeting_minutes_approved"(OLD."id") THEN
    PERFORM "ipr_raise_minutes_locked"(''Meeting endres'')\073
  END IF\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "minutes_lock"
  BEFORE UPDATE ON "Meeting"
  FOR EACH ROW EXECUTE FUNCTION "ipr_lock_meeting"();
