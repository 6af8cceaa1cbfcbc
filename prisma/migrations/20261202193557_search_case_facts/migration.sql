-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "searchCaseExempt" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "searchClosed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "searchNoticed" BOOLEAN NOT NULL DEFAULT false;

-- Search (lib/search/queries.ts) shows a case once one of its active items is in a meeting whose
-- notice is sent, and treats it as exempt when one of its items is closed. Asked per matching case,
-- these were two index probes each, 14 of the 19 ms that the case texts took in a search for
-- «møte» in one council at national scale. The triggers below keep both facts on the case.
--
-- Statement-level triggers with transition tables: the generator and imports insert agenda items
-- by the thousand, and one UPDATE per statement costs what one per row would cost once.
--
-- NO SEMICOLONS except between statements, not even in comments (adapter-pg's executeScript
-- splits at every semicolon): in the E'' string \073 stands for the semicolon, '' for a quote.

-- plpgsql rather than a SQL function, so that its UPDATE is planned once per connection, not on every
-- call: each save of an agenda item runs the trigger below.
CREATE OR REPLACE FUNCTION "ipr_case_search_facts"(case_ids TEXT[]) RETURNS VOID
LANGUAGE plpgsql AS E'
BEGIN
  IF cardinality(case_ids) = 0 THEN
    RETURN\073
  END IF\073
  UPDATE "Case" c SET "searchNoticed" = f.noticed, "searchClosed" = f.closed
  FROM (
    SELECT x.id,
      EXISTS (SELECT 1 FROM "AgendaItem" i JOIN "Meeting" m ON m."id" = i."meetingId"
        WHERE i."caseId" = x.id AND i."status" = ''ACTIVE'' AND m."noticeSentAt" IS NOT NULL) AS noticed,
      EXISTS (SELECT 1 FROM "AgendaItem" i WHERE i."caseId" = x.id AND i."isClosed") AS closed
    FROM (SELECT DISTINCT unnest(case_ids) AS id) x
  ) f
  WHERE c."id" = f.id AND (c."searchNoticed", c."searchClosed") IS DISTINCT FROM (f.noticed, f.closed)\073
END\073
';

CREATE OR REPLACE FUNCTION "ipr_case_search_facts_items"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    PERFORM "ipr_case_search_facts"(ARRAY(SELECT "caseId" FROM new_rows WHERE "caseId" IS NOT NULL))\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM "ipr_case_search_facts"(ARRAY(SELECT "caseId" FROM old_rows WHERE "caseId" IS NOT NULL))\073
  ELSE
    PERFORM "ipr_case_search_facts"(ARRAY(
      SELECT unnest(ARRAY[o."caseId", n."caseId"]) FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE (o."caseId", o."status", o."isClosed", o."meetingId") IS DISTINCT FROM (n."caseId", n."status", n."isClosed", n."meetingId")
    ))\073
  END IF\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "search_case_facts_insert" AFTER INSERT ON "AgendaItem"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ipr_case_search_facts_items"();
CREATE TRIGGER "search_case_facts_update" AFTER UPDATE ON "AgendaItem"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ipr_case_search_facts_items"();
CREATE TRIGGER "search_case_facts_delete" AFTER DELETE ON "AgendaItem"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ipr_case_search_facts_items"();

-- A notice sent or taken back changes whether the cases of the meeting's items can be found.
CREATE OR REPLACE FUNCTION "ipr_case_search_facts_meetings"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "ipr_case_search_facts"(ARRAY(
    SELECT i."caseId" FROM old_rows o JOIN new_rows n ON n."id" = o."id" JOIN "AgendaItem" i ON i."meetingId" = n."id"
    WHERE i."caseId" IS NOT NULL AND (o."noticeSentAt" IS NULL) <> (n."noticeSentAt" IS NULL)
  ))\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "search_case_facts" AFTER UPDATE ON "Meeting"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ipr_case_search_facts_meetings"();

-- The other way: each agenda item carries its case's exemption, so that the item and decision
-- texts need not look up the case of every match (1,117 lookups, 5 of the 16 ms of the decision
-- texts in the search above). Copied BEFORE an item is written, passed on AFTER a case changes.
-- The lock of approved minutes lists the item columns it guards, and this is not one of them.
CREATE OR REPLACE FUNCTION "ipr_item_case_exempt_copy"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  NEW."searchCaseExempt" := coalesce((SELECT c."isExempt" FROM "Case" c WHERE c."id" = NEW."caseId"), FALSE)\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "search_case_exempt" BEFORE INSERT OR UPDATE OF "caseId", "searchCaseExempt" ON "AgendaItem"
  FOR EACH ROW EXECUTE FUNCTION "ipr_item_case_exempt_copy"();

CREATE OR REPLACE FUNCTION "ipr_item_case_exempt_cascade"() RETURNS TRIGGER
LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "AgendaItem" SET "searchCaseExempt" = NEW."isExempt" WHERE "caseId" = NEW."id"\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "search_case_exempt_cascade" AFTER UPDATE OF "isExempt" ON "Case"
  FOR EACH ROW WHEN (NEW."isExempt" IS DISTINCT FROM OLD."isExempt") EXECUTE FUNCTION "ipr_item_case_exempt_cascade"();

UPDATE "AgendaItem" i SET "searchCaseExempt" = TRUE FROM "Case" c WHERE c."id" = i."caseId" AND c."isExempt";

-- The cases there are.
SELECT "ipr_case_search_facts"(ARRAY(SELECT DISTINCT "caseId" FROM "AgendaItem" WHERE "caseId" IS NOT NULL));
