-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "searchAt" TIMESTAMPTZ(3),
ADD COLUMN     "searchBodyId" TEXT,
ADD COLUMN     "searchItemActive" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "searchMinutes" TEXT,
ADD COLUMN     "searchRedacted" BOOLEAN NOT NULL DEFAULT false;

-- Search (lib/search/queries.ts) took a decision text only once it had joined the decision to its
-- item, the item's meeting and the meeting's minutes: for «møte» in one council at national scale,
-- 2,176 matching decisions joined to the 4,654 items of the council's readable minutes, 18 of the 46 ms
-- the ten sources took. The facts those joins gave are kept on the decision instead (decision 015):
--   "searchAt"          the meeting's start, by which hits are sorted
--   "searchBodyId"      the meeting's body
--   "searchMinutes"     NULL without minutes, else their status, PUBLISHED when approved and published
--   "searchItemActive"  the item is ACTIVE (proposed and withdrawn items are for those who read drafts)
--   "searchRedacted"    the item is closed or its case exempt
--
-- NO SEMICOLONS except between statements, not even in comments (adapter-pg's executeScript
-- splits at every semicolon): in the E'' string \073 stands for the semicolon, '' for a quote.

-- The minutes' state as a decision carries it: NULL without minutes (a LEFT JOIN gives NULL status).
-- A one-line SQL function, so the planner inlines it.
CREATE OR REPLACE FUNCTION "ipr_minutes_search_state"(status "MinutesStatus", published_at TIMESTAMPTZ) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS E'
  SELECT CASE WHEN status = ''APPROVED'' AND published_at IS NOT NULL THEN ''PUBLISHED'' ELSE status::text END
';

-- plpgsql, so that its UPDATE is planned once per connection: item saves run the trigger below.
CREATE OR REPLACE FUNCTION "ipr_decision_search_facts"(item_ids TEXT[]) RETURNS VOID
LANGUAGE plpgsql AS E'
BEGIN
  IF cardinality(item_ids) = 0 THEN
    RETURN\073
  END IF\073
  UPDATE "Decision" d SET "searchAt" = f.at, "searchBodyId" = f.body, "searchMinutes" = f.minutes,
      "searchItemActive" = f.active, "searchRedacted" = f.redacted
  FROM (
    SELECT i."id", m."startsAt" AS at, m."bodyId" AS body, i."status" = ''ACTIVE'' AS active,
      (i."searchCaseExempt" OR i."isClosed") AS redacted,
      "ipr_minutes_search_state"(mi."status", mi."publishedAt") AS minutes
    FROM "AgendaItem" i JOIN "Meeting" m ON m."id" = i."meetingId" LEFT JOIN "Minutes" mi ON mi."meetingId" = m."id"
    WHERE i."id" = ANY (ARRAY(SELECT DISTINCT unnest(item_ids)))
  ) f
  WHERE d."agendaItemId" = f."id"
    AND (d."searchAt", d."searchBodyId", d."searchMinutes", d."searchItemActive", d."searchRedacted")
      IS DISTINCT FROM (f.at, f.body, f.minutes, f.active, f.redacted)\073
END\073
';

-- A new decision, or one moved to another item, looks its facts up. A loader that writes many
-- decisions at once may write the facts with them, as the scale generator does: "searchAt" is
-- then set, and the lookup is skipped. The portal itself never writes these columns.
CREATE OR REPLACE FUNCTION "ipr_decision_search_facts_row"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' AND NEW."searchAt" IS NOT NULL THEN
    RETURN NEW\073
  END IF\073
  SELECT m."startsAt", m."bodyId", i."status" = ''ACTIVE'', (i."searchCaseExempt" OR i."isClosed"),
      "ipr_minutes_search_state"(mi."status", mi."publishedAt")
    INTO NEW."searchAt", NEW."searchBodyId", NEW."searchItemActive", NEW."searchRedacted", NEW."searchMinutes"
    FROM "AgendaItem" i JOIN "Meeting" m ON m."id" = i."meetingId" LEFT JOIN "Minutes" mi ON mi."meetingId" = m."id"
    WHERE i."id" = NEW."agendaItemId"\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "search_decision_facts" BEFORE INSERT OR UPDATE OF "agendaItemId" ON "Decision"
  FOR EACH ROW EXECUTE FUNCTION "ipr_decision_search_facts_row"();

-- An item's status, closing, case exemption or meeting changes.
CREATE OR REPLACE FUNCTION "ipr_decision_search_facts_items"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "ipr_decision_search_facts"(ARRAY(
    SELECT n."id" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE (o."status", o."isClosed", o."searchCaseExempt", o."meetingId") IS DISTINCT FROM (n."status", n."isClosed", n."searchCaseExempt", n."meetingId")
  ))\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "search_decision_facts_items" AFTER UPDATE ON "AgendaItem"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ipr_decision_search_facts_items"();

-- A meeting moved in time or to another body.
CREATE OR REPLACE FUNCTION "ipr_decision_search_facts_meetings"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "ipr_decision_search_facts"(ARRAY(
    SELECT i."id" FROM old_rows o JOIN new_rows n ON n."id" = o."id" JOIN "AgendaItem" i ON i."meetingId" = n."id"
    WHERE (o."startsAt", o."bodyId") IS DISTINCT FROM (n."startsAt", n."bodyId")
  ))\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "search_decision_facts" AFTER UPDATE ON "Meeting"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ipr_decision_search_facts_meetings"();

-- Minutes written, sent for comment, approved, published or removed.
CREATE OR REPLACE FUNCTION "ipr_decision_search_facts_minutes"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    PERFORM "ipr_decision_search_facts"(ARRAY(SELECT i."id" FROM new_rows n JOIN "AgendaItem" i ON i."meetingId" = n."meetingId"))\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM "ipr_decision_search_facts"(ARRAY(SELECT i."id" FROM old_rows o JOIN "AgendaItem" i ON i."meetingId" = o."meetingId"))\073
  ELSE
    PERFORM "ipr_decision_search_facts"(ARRAY(
      SELECT i."id" FROM old_rows o JOIN new_rows n ON n."id" = o."id" JOIN "AgendaItem" i ON i."meetingId" IN (o."meetingId", n."meetingId")
      WHERE (o."status", o."publishedAt" IS NULL, o."meetingId") IS DISTINCT FROM (n."status", n."publishedAt" IS NULL, n."meetingId")
    ))\073
  END IF\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "search_decision_facts_insert" AFTER INSERT ON "Minutes"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ipr_decision_search_facts_minutes"();
CREATE TRIGGER "search_decision_facts_update" AFTER UPDATE ON "Minutes"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ipr_decision_search_facts_minutes"();
CREATE TRIGGER "search_decision_facts_delete" AFTER DELETE ON "Minutes"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ipr_decision_search_facts_minutes"();

-- ─── The lock of approved minutes lets these facts follow, and nothing else ───
-- As in search_council, with the search columns beside the council.
CREATE OR REPLACE FUNCTION "ipr_lock_item_child"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
DECLARE
  old_meeting TEXT\073
  new_meeting TEXT\073
  derived CONSTANT TEXT[] := ARRAY[''councilId'', ''searchAt'', ''searchBodyId'', ''searchMinutes'', ''searchItemActive'', ''searchRedacted'']\073
BEGIN
  -- On a locked decision, the columns the database derives may follow their sources, nothing else.
  IF TG_OP = ''UPDATE'' AND TG_TABLE_NAME = ''Decision'' THEN
    IF (NEW."councilId", NEW."searchAt", NEW."searchBodyId", NEW."searchMinutes", NEW."searchItemActive", NEW."searchRedacted")
        IS DISTINCT FROM (OLD."councilId", OLD."searchAt", OLD."searchBodyId", OLD."searchMinutes", OLD."searchItemActive", OLD."searchRedacted")
      AND (to_jsonb(NEW) - derived) = (to_jsonb(OLD) - derived) THEN
      RETURN NEW\073
    END IF\073
  END IF\073
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

-- The decisions there are.
UPDATE "Decision" d SET "searchAt" = m."startsAt", "searchBodyId" = m."bodyId", "searchItemActive" = i."status" = 'ACTIVE',
    "searchRedacted" = (i."searchCaseExempt" OR i."isClosed"),
    "searchMinutes" = "ipr_minutes_search_state"(mi."status", mi."publishedAt")
  FROM "AgendaItem" i JOIN "Meeting" m ON m."id" = i."meetingId" LEFT JOIN "Minutes" mi ON mi."meetingId" = m."id"
  WHERE i."id" = d."agendaItemId";
