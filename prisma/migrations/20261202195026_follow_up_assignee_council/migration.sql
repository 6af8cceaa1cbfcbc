-- The follow-up filter (lib/follow-up/queries.ts, getActionFilterOptions) offers the people who are
-- responsible for the council's items. Found through the items, that was one index probe per item
-- (933 for one council at national scale, 5 ms of each follow-up page). A copy of the item's council
-- on each assignment answers it from one index. Kept by triggers as the search copies are
-- (migration search_council): BEFORE an assignment is written, copied from its item, so a value
-- written by anyone else is overwritten, and AFTER an item changes council, passed on.
--
-- NO SEMICOLONS except between statements, not even in comments (adapter-pg's executeScript
-- splits at every semicolon): in the E'' string \073 stands for the semicolon, '' for a quote.

-- AlterTable
ALTER TABLE "ActionItemAssignee" ADD COLUMN     "councilId" TEXT;

-- CreateIndex
CREATE INDEX "ActionItemAssignee_councilId_personId_idx" ON "ActionItemAssignee"("councilId", "personId");

CREATE OR REPLACE FUNCTION "ipr_assignee_council_copy"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  NEW."councilId" := (SELECT a."councilId" FROM "ActionItem" a WHERE a."id" = NEW."actionItemId")\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "follow_up_council" BEFORE INSERT OR UPDATE OF "actionItemId", "councilId" ON "ActionItemAssignee"
  FOR EACH ROW EXECUTE FUNCTION "ipr_assignee_council_copy"();

CREATE OR REPLACE FUNCTION "ipr_assignee_council_cascade"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "ActionItemAssignee" SET "councilId" = NEW."councilId" WHERE "actionItemId" = NEW."id"\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "follow_up_council_cascade" AFTER UPDATE OF "councilId" ON "ActionItem"
  FOR EACH ROW WHEN (NEW."councilId" IS DISTINCT FROM OLD."councilId") EXECUTE FUNCTION "ipr_assignee_council_cascade"();

UPDATE "ActionItemAssignee" x SET "councilId" = a."councilId" FROM "ActionItem" a WHERE a."id" = x."actionItemId";
