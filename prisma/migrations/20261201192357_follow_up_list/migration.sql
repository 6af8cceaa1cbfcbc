-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "followUpAsOf" TIMESTAMPTZ(3),
ADD COLUMN     "followUpSnapshot" JSONB,
ADD COLUMN     "isFollowUpList" BOOLEAN NOT NULL DEFAULT false;
