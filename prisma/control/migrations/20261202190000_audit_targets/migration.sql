-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "target_id" TEXT,
ADD COLUMN     "target_type" TEXT;

-- CreateIndex
CREATE INDEX "audit_log_tenant_id_id_idx" ON "audit_log"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "audit_log_tenant_id_target_type_target_id_idx" ON "audit_log"("tenant_id", "target_type", "target_id");

