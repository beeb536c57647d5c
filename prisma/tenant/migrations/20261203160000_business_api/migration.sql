-- Custom SQL: the trigram operator class of the search indexes below (pg_trgm is a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "leads" ADD COLUMN     "converted_contact_id" UUID,
ADD COLUMN     "converted_opportunity_id" UUID;

-- AlterTable
ALTER TABLE "contracts" ADD COLUMN     "event_id" UUID;

-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "event_id" UUID,
ADD COLUMN     "paid_amount" DECIMAL(14,2) NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "attachments" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "communications" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "number_sequences" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "last_value" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "number_sequences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "accounts_name_trgm_idx" ON "accounts" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "contacts_first_name_trgm_idx" ON "contacts" USING GIN ("first_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "contacts_last_name_trgm_idx" ON "contacts" USING GIN ("last_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "contacts_email_trgm_idx" ON "contacts" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "leads_first_name_trgm_idx" ON "leads" USING GIN ("first_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "leads_last_name_trgm_idx" ON "leads" USING GIN ("last_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "leads_email_trgm_idx" ON "leads" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "leads_company_trgm_idx" ON "leads" USING GIN ("company" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "opportunities_name_trgm_idx" ON "opportunities" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "events_name_trgm_idx" ON "events" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "contracts_event_id_idx" ON "contracts"("event_id");

-- CreateIndex
CREATE INDEX "invoices_event_id_idx" ON "invoices"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "number_sequences_tenant_id_name_key" ON "number_sequences"("tenant_id", "name");

-- AddForeignKey
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Custom SQL: the same-tenant triggers (see 20261124210000_same_tenant_references) cover the new references too.
DROP TRIGGER "leads_same_tenant" ON "leads";
CREATE TRIGGER "leads_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "converted_account_id", "converted_contact_id", "converted_opportunity_id" ON "leads"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('converted_account_id', 'accounts', 'converted_contact_id', 'contacts', 'converted_opportunity_id', 'opportunities');

DROP TRIGGER "contracts_same_tenant" ON "contracts";
CREATE TRIGGER "contracts_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "account_id", "quote_id", "event_id" ON "contracts"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('account_id', 'accounts', 'quote_id', 'quotes', 'event_id', 'events');

DROP TRIGGER "invoices_same_tenant" ON "invoices";
CREATE TRIGGER "invoices_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "account_id", "contract_id", "event_id" ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('account_id', 'accounts', 'contract_id', 'contracts', 'event_id', 'events');
