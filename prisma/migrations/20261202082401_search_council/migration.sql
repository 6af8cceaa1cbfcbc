-- Search by council (lib/search/queries.ts): a copy of the council on the searched tables that
-- do not have one, so that a search in one council can intersect a full-text (GIN) index with the
-- council's btree index on the same table (a BitmapAnd) instead of fetching and joining every
-- match of a common word in every council before the council filter applies.
--
-- "councilId" on Meeting, AgendaItem, Decision and Minutes is @ignore in schema.prisma: the app
-- never writes it. Triggers keep it equal to the council of the meeting's body:
--   BEFORE INSERT, or UPDATE of the parent key or of the column itself: copied from the parent
--   (Body for Meeting, Meeting for AgendaItem and Minutes, AgendaItem for Decision), so a value
--   written by anyone else is overwritten.
--   AFTER a row's council changes (Body, Meeting, AgendaItem): its children are updated, which
--   fires their BEFORE trigger in turn.
-- tests/integration/search.test.ts checks the copies after creating and moving rows.
--
-- Approved minutes are locked (migration lock_approved_minutes). The lock ignores columns outside
-- its lists for Minutes, AgendaItem and Meeting, but refuses every change to a Decision of such a
-- meeting. The council is not part of the referat, so ipr_lock_item_child is replaced below by the
-- same function that lets an UPDATE through when it changes "councilId" and nothing else.
--
-- NO SEMICOLONS except between statements, not even in comments (adapter-pg's executeScript
-- splits at every semicolon): in the E'' strings \073 stands for the semicolon, '' for a quote.

-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "councilId" TEXT;

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "councilId" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "councilId" TEXT;

-- AlterTable
ALTER TABLE "Minutes" ADD COLUMN     "councilId" TEXT;


-- ─── The lock, with the council exception (otherwise as in lock_approved_minutes) ───

CREATE OR REPLACE FUNCTION "ipr_lock_item_child"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
DECLARE
  old_meeting TEXT\073
  new_meeting TEXT\073
BEGIN
  -- New in search_council: the council column alone may follow its body (see above).
  -- Nested: one expression would resolve NEW."councilId" on every table (Attendance has none).
  IF TG_OP = ''UPDATE'' AND TG_TABLE_NAME = ''Decision'' THEN
    IF NEW."councilId" IS DISTINCT FROM OLD."councilId" AND (to_jsonb(NEW) - ''councilId'') = (to_jsonb(OLD) - ''councilId'') THEN
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

-- ─── Existing rows, parents first (before the triggers exist, so set-based) ───

UPDATE "Meeting" m SET "councilId" = b."councilId" FROM "Body" b WHERE b."id" = m."bodyId";
UPDATE "AgendaItem" i SET "councilId" = m."councilId" FROM "Meeting" m WHERE m."id" = i."meetingId";
UPDATE "Decision" d SET "councilId" = i."councilId" FROM "AgendaItem" i WHERE i."id" = d."agendaItemId";
UPDATE "Minutes" mi SET "councilId" = m."councilId" FROM "Meeting" m WHERE m."id" = mi."meetingId";

-- ─── Copies from the parent ───

CREATE OR REPLACE FUNCTION "ipr_search_council_copy"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  IF TG_TABLE_NAME = ''Meeting'' THEN
    NEW."councilId" := (SELECT b."councilId" FROM "Body" b WHERE b."id" = NEW."bodyId")\073
  ELSIF TG_TABLE_NAME = ''Decision'' THEN
    NEW."councilId" := (SELECT i."councilId" FROM "AgendaItem" i WHERE i."id" = NEW."agendaItemId")\073
  ELSE
    NEW."councilId" := (SELECT m."councilId" FROM "Meeting" m WHERE m."id" = NEW."meetingId")\073
  END IF\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "search_council"
  BEFORE INSERT OR UPDATE OF "bodyId", "councilId" ON "Meeting"
  FOR EACH ROW EXECUTE FUNCTION "ipr_search_council_copy"();
CREATE TRIGGER "search_council"
  BEFORE INSERT OR UPDATE OF "meetingId", "councilId" ON "AgendaItem"
  FOR EACH ROW EXECUTE FUNCTION "ipr_search_council_copy"();
CREATE TRIGGER "search_council"
  BEFORE INSERT OR UPDATE OF "agendaItemId", "councilId" ON "Decision"
  FOR EACH ROW EXECUTE FUNCTION "ipr_search_council_copy"();
CREATE TRIGGER "search_council"
  BEFORE INSERT OR UPDATE OF "meetingId", "councilId" ON "Minutes"
  FOR EACH ROW EXECUTE FUNCTION "ipr_search_council_copy"();

-- ─── Passed on to the children when a council changes ───

CREATE OR REPLACE FUNCTION "ipr_search_council_cascade"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  IF TG_TABLE_NAME = ''Body'' THEN
    UPDATE "Meeting" SET "councilId" = NEW."councilId" WHERE "bodyId" = NEW."id"\073
  ELSIF TG_TABLE_NAME = ''Meeting'' THEN
    UPDATE "AgendaItem" SET "councilId" = NEW."councilId" WHERE "meetingId" = NEW."id"\073
    UPDATE "Minutes" SET "councilId" = NEW."councilId" WHERE "meetingId" = NEW."id"\073
  ELSE
    UPDATE "Decision" SET "councilId" = NEW."councilId" WHERE "agendaItemId" = NEW."id"\073
  END IF\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "search_council_cascade"
  AFTER UPDATE OF "councilId" ON "Body"
  FOR EACH ROW WHEN (NEW."councilId" IS DISTINCT FROM OLD."councilId") EXECUTE FUNCTION "ipr_search_council_cascade"();
CREATE TRIGGER "search_council_cascade"
  AFTER UPDATE OF "bodyId", "councilId" ON "Meeting"
  FOR EACH ROW WHEN (NEW."councilId" IS DISTINCT FROM OLD."councilId") EXECUTE FUNCTION "ipr_search_council_cascade"();
CREATE TRIGGER "search_council_cascade"
  AFTER UPDATE OF "meetingId", "councilId" ON "AgendaItem"
  FOR EACH ROW WHEN (NEW."councilId" IS DISTINCT FROM OLD."councilId") EXECUTE FUNCTION "ipr_search_council_cascade"();

-- ─── Plans: the snapshot text is costly to compute (many jsonb_path_query calls) ───
-- With the default cost the planner evaluates it on every plan version instead of using the
-- search_plan_version_fts index.

ALTER FUNCTION "ipr_plan_snapshot_text"(JSONB) COST 5000;

-- CreateIndex
CREATE INDEX "AgendaItem_councilId_idx" ON "AgendaItem"("councilId");

-- CreateIndex
CREATE INDEX "Decision_councilId_idx" ON "Decision"("councilId");

-- CreateIndex
CREATE INDEX "Meeting_councilId_idx" ON "Meeting"("councilId");

-- CreateIndex
CREATE INDEX "Minutes_councilId_idx" ON "Minutes"("councilId");
