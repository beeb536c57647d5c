-- AlterTable
ALTER TABLE "datasource_schema_status" ADD COLUMN     "files_fingerprint" TEXT;
