-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "proposedFromItemId" TEXT;

-- AlterTable
ALTER TABLE "Minutes" ADD COLUMN     "approvedByName" TEXT,
ADD COLUMN     "approvedByUserId" TEXT;

-- CreateTable
CREATE TABLE "MinutesComment" (
    "id" TEXT NOT NULL,
    "minutesId" TEXT NOT NULL,
    "userId" TEXT,
    "authorName" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MinutesComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MinutesComment_minutesId_createdAt_idx" ON "MinutesComment"("minutesId", "createdAt");

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_proposedFromItemId_fkey" FOREIGN KEY ("proposedFromItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesComment" ADD CONSTRAINT "MinutesComment_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
