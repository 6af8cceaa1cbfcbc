-- Search (lib/search/queries.ts): Norwegian full-text search plus a trigram fallback, on GIN
-- expression indexes. Expression indexes are not part of schema.prisma and Prisma's migrate diff
-- does not describe them, so the drift check is unaffected. Every expression below must be written
-- character for character the same in lib/search/queries.ts, or the planner will not use the index.
--
-- Each searchable text has two indexes: to_tsvector('norwegian', …) for stemmed word matches, and
-- gin_trgm_ops for substring matches (ILIKE '%møte%'), which find parts of compound words
-- ("møte" in "kommunedirektørmøtet") that Norwegian stemming cannot split.
-- Public parts (titles, legal bases) and content that may be exempt are indexed separately, so
-- that a query can match the title of an exempt case without ever touching its content.
--
-- pg_trgm ships with PostgreSQL (contrib) and is loaded into PGlite by lib/server/db-adapter.ts. The
-- one database without it is the shadow database in which Prisma's migrate diff replays the
-- migrations on PGlite (pglite-prisma-adapter opens a bare PGlite there), so the extension and the
-- trigram indexes are created only where the extension is available. Search itself uses only ILIKE,
-- which works without the extension, and tests/integration/search.test.ts asserts that the trigram
-- indexes exist on both PGlite and PostgreSQL.
--
-- NO SEMICOLONS except between statements, not even in comments: on PostgreSQL the migration
-- runs through @prisma/adapter-pg, whose executeScript splits the script at every semicolon.


-- The searchable text of an adopted plan version: the string values of the PlanDocument snapshot
-- (lib/plans/document.ts) a reader sees, without ids, status codes and dates. IMMUTABLE, so it can
-- be indexed: it reads only its argument.
CREATE OR REPLACE FUNCTION "ipr_plan_snapshot_text"(doc JSONB) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(string_agg(v #>> '{}', ' '), '') FROM (
  SELECT jsonb_path_query(doc, '$.title') AS v
  UNION ALL SELECT jsonb_path_query(doc, '$.subtitle')
  UNION ALL SELECT jsonb_path_query(doc, '$.strategyTitle')
  UNION ALL SELECT jsonb_path_query(doc, '$.purpose')
  UNION ALL SELECT jsonb_path_query(doc, '$.principlesInclude')
  UNION ALL SELECT jsonb_path_query(doc, '$.principlesExclude')
  UNION ALL SELECT jsonb_path_query(doc, '$.sectionsBefore[*].heading')
  UNION ALL SELECT jsonb_path_query(doc, '$.sectionsBefore[*].body')
  UNION ALL SELECT jsonb_path_query(doc, '$.focusAreas[*].title')
  UNION ALL SELECT jsonb_path_query(doc, '$.focusAreas[*].description')
  UNION ALL SELECT jsonb_path_query(doc, '$.focusAreas[*].goals[*]')
  UNION ALL SELECT jsonb_path_query(doc, '$.focusAreas[*].measures[*].title')
  UNION ALL SELECT jsonb_path_query(doc, '$.focusAreas[*].measures[*].description')
  UNION ALL SELECT jsonb_path_query(doc, '$.focusAreas[*].measures[*].owner')
  UNION ALL SELECT jsonb_path_query(doc, '$.focusAreas[*].measures[*].indicators')
  UNION ALL SELECT jsonb_path_query(doc, '$.sectionsAfter[*].heading')
  UNION ALL SELECT jsonb_path_query(doc, '$.sectionsAfter[*].body')
) s WHERE jsonb_typeof(v) = 'string'
$$;

-- ─── Case: title and exemption basis (always public), saksframlegg and innstilling (may be exempt) ───

CREATE INDEX "search_case_head_fts" ON "Case" USING GIN (to_tsvector('norwegian', "title" || ' ' || coalesce("exemptionBasis", '')));
CREATE INDEX "search_case_body_fts" ON "Case" USING GIN (to_tsvector('norwegian', "background" || ' ' || "proposedDecision"));

-- ─── AgendaItem: title and basis for closed treatment, notice text, minutes notes ───

CREATE INDEX "search_item_head_fts" ON "AgendaItem" USING GIN (to_tsvector('norwegian', "title" || ' ' || coalesce("closedBasis", '')));
CREATE INDEX "search_item_notice_fts" ON "AgendaItem" USING GIN (to_tsvector('norwegian', ("noticeText" || '')));
CREATE INDEX "search_item_notes_fts" ON "AgendaItem" USING GIN (to_tsvector('norwegian', ("minutesNotes" || '')));

-- ─── Decision text, the referat's introduction, the meeting's own title ───

CREATE INDEX "search_decision_fts" ON "Decision" USING GIN (to_tsvector('norwegian', ("text" || '')));
CREATE INDEX "search_minutes_fts" ON "Minutes" USING GIN (to_tsvector('norwegian', ("introduction" || '')));
CREATE INDEX "search_meeting_fts" ON "Meeting" USING GIN (to_tsvector('norwegian', coalesce("title", '')));

-- ─── Adopted plan versions ───

CREATE INDEX "search_plan_version_fts" ON "PlanVersion" USING GIN (to_tsvector('norwegian', "ipr_plan_snapshot_text"("snapshot")));

-- A bare column in a GIN index would be introspected by Prisma as a plain index and flagged as drift;
-- `col || ''` keeps every index an expression index (the queries use the same expressions).

-- ─── Trigram indexes for substring matches (see above for why they are conditional) ───
-- Inside the E'' string \073 stands for the semicolon and '' for a quote, as in
-- 20261122080000_lock_approved_minutes.

DO E'
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = ''pg_trgm'') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm\073
    CREATE INDEX "search_case_head_trgm" ON "Case" USING GIN (("title" || '' '' || coalesce("exemptionBasis", '''')) gin_trgm_ops)\073
    CREATE INDEX "search_case_body_trgm" ON "Case" USING GIN (("background" || '' '' || "proposedDecision") gin_trgm_ops)\073
    CREATE INDEX "search_item_head_trgm" ON "AgendaItem" USING GIN (("title" || '' '' || coalesce("closedBasis", '''')) gin_trgm_ops)\073
    CREATE INDEX "search_item_notice_trgm" ON "AgendaItem" USING GIN (("noticeText" || '''') gin_trgm_ops)\073
    CREATE INDEX "search_item_notes_trgm" ON "AgendaItem" USING GIN (("minutesNotes" || '''') gin_trgm_ops)\073
    CREATE INDEX "search_decision_trgm" ON "Decision" USING GIN (("text" || '''') gin_trgm_ops)\073
    CREATE INDEX "search_minutes_trgm" ON "Minutes" USING GIN (("introduction" || '''') gin_trgm_ops)\073
    CREATE INDEX "search_meeting_trgm" ON "Meeting" USING GIN ((coalesce("title", '''')) gin_trgm_ops)\073
    CREATE INDEX "search_plan_version_trgm" ON "PlanVersion" USING GIN ("ipr_plan_snapshot_text"("snapshot") gin_trgm_ops)\073
  END IF\073
END
';
