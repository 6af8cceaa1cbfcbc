-- DropForeignKey
ALTER TABLE "Plan" DROP CONSTRAINT "Plan_previousRevisionId_fkey";

-- DropIndex
DROP INDEX "Plan_previousRevisionId_key";

-- AlterTable
ALTER TABLE "Plan" DROP COLUMN "previousRevisionId",
DROP COLUMN "revisionNumber",
ADD COLUMN     "revisionOpen" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PlanSection" ADD COLUMN     "afterFocusAreas" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "MeasureUpdate" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "actor" TEXT NOT NULL,
    "fromStatus" "MeasureStatus",
    "toStatus" "MeasureStatus",
    "comment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "MeasureUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "adoptedAt" DATE NOT NULL,
    "decisionId" TEXT,
    "snapshot" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionTag" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "focusAreaId" TEXT,
    "measureId" TEXT,

    CONSTRAINT "DecisionTag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeasureUpdate_measureId_at_idx" ON "MeasureUpdate"("measureId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_planId_number_key" ON "PlanVersion"("planId", "number");

-- CreateIndex
CREATE INDEX "DecisionTag_decisionId_idx" ON "DecisionTag"("decisionId");

-- CreateIndex
CREATE INDEX "DecisionTag_focusAreaId_idx" ON "DecisionTag"("focusAreaId");

-- CreateIndex
CREATE INDEX "DecisionTag_measureId_idx" ON "DecisionTag"("measureId");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_adoptedByDecisionId_fkey" FOREIGN KEY ("adoptedByDecisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureUpdate" ADD CONSTRAINT "MeasureUpdate_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionTag" ADD CONSTRAINT "DecisionTag_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionTag" ADD CONSTRAINT "DecisionTag_focusAreaId_fkey" FOREIGN KEY ("focusAreaId") REFERENCES "FocusArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionTag" ADD CONSTRAINT "DecisionTag_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
