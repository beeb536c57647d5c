-- Indexes behind every sort order, filter and relation page the API offers.
-- Sorts: (tenant_id, field), so a page of one tenant is an index range even in a pooled database.
-- Relations: (reference, default order, id), so one parent's page is an ordered index range that
-- stops after `first` rows (Prisma builds each child row's JSON before sorting, so a sort would
-- build it for every child of the parent).
-- Searches: trigram GIN, so a case-insensitive substring match is a bitmap index scan.

CREATE INDEX "accounts_tenant_id_updated_at_idx" ON "accounts"("tenant_id", "updated_at");

CREATE INDEX "contacts_tenant_id_created_at_idx" ON "contacts"("tenant_id", "created_at");
CREATE INDEX "contacts_tenant_id_updated_at_idx" ON "contacts"("tenant_id", "updated_at");
CREATE INDEX "contacts_tenant_id_owner_id_idx" ON "contacts"("tenant_id", "owner_id");

CREATE INDEX "account_contacts_account_id_created_at_id_idx" ON "account_contacts"("account_id", "created_at", "id");
CREATE INDEX "account_contacts_contact_id_created_at_id_idx" ON "account_contacts"("contact_id", "created_at", "id");

CREATE INDEX "leads_tenant_id_last_name_idx" ON "leads"("tenant_id", "last_name");
CREATE INDEX "leads_tenant_id_company_idx" ON "leads"("tenant_id", "company");
CREATE INDEX "leads_tenant_id_score_idx" ON "leads"("tenant_id", "score");
CREATE INDEX "leads_tenant_id_created_at_idx" ON "leads"("tenant_id", "created_at");
CREATE INDEX "leads_tenant_id_updated_at_idx" ON "leads"("tenant_id", "updated_at");
CREATE INDEX "leads_tenant_id_owner_id_idx" ON "leads"("tenant_id", "owner_id");

CREATE INDEX "opportunities_tenant_id_name_idx" ON "opportunities"("tenant_id", "name");
CREATE INDEX "opportunities_tenant_id_amount_idx" ON "opportunities"("tenant_id", "amount");
CREATE INDEX "opportunities_tenant_id_expected_close_date_idx" ON "opportunities"("tenant_id", "expected_close_date");
CREATE INDEX "opportunities_tenant_id_created_at_idx" ON "opportunities"("tenant_id", "created_at");
CREATE INDEX "opportunities_tenant_id_updated_at_idx" ON "opportunities"("tenant_id", "updated_at");
CREATE INDEX "opportunities_tenant_id_owner_id_idx" ON "opportunities"("tenant_id", "owner_id");
CREATE INDEX "opportunities_account_id_name_id_idx" ON "opportunities"("account_id", "name", "id");
CREATE INDEX "opportunities_lead_id_idx" ON "opportunities"("lead_id");

CREATE INDEX "locations_tenant_id_name_idx" ON "locations"("tenant_id", "name");
CREATE INDEX "locations_tenant_id_capacity_idx" ON "locations"("tenant_id", "capacity");
CREATE INDEX "locations_tenant_id_created_at_idx" ON "locations"("tenant_id", "created_at");
CREATE INDEX "locations_name_trgm_idx" ON "locations" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "locations_city_trgm_idx" ON "locations" USING GIN ("city" gin_trgm_ops);

CREATE INDEX "events_tenant_id_name_idx" ON "events"("tenant_id", "name");
CREATE INDEX "events_tenant_id_budget_idx" ON "events"("tenant_id", "budget");
CREATE INDEX "events_tenant_id_expected_attendees_idx" ON "events"("tenant_id", "expected_attendees");
CREATE INDEX "events_tenant_id_created_at_idx" ON "events"("tenant_id", "created_at");
CREATE INDEX "events_tenant_id_updated_at_idx" ON "events"("tenant_id", "updated_at");
CREATE INDEX "events_tenant_id_owner_id_idx" ON "events"("tenant_id", "owner_id");
CREATE INDEX "events_account_id_name_id_idx" ON "events"("account_id", "name", "id");
CREATE INDEX "events_opportunity_id_name_id_idx" ON "events"("opportunity_id", "name", "id");
CREATE INDEX "events_location_id_name_id_idx" ON "events"("location_id", "name", "id");

CREATE INDEX "event_dates_tenant_id_ends_at_idx" ON "event_dates"("tenant_id", "ends_at");
CREATE INDEX "event_dates_tenant_id_created_at_idx" ON "event_dates"("tenant_id", "created_at");
CREATE INDEX "event_dates_event_id_starts_at_id_idx" ON "event_dates"("event_id", "starts_at", "id");
CREATE INDEX "event_dates_location_id_idx" ON "event_dates"("location_id");

CREATE INDEX "quotes_tenant_id_total_idx" ON "quotes"("tenant_id", "total");
CREATE INDEX "quotes_tenant_id_valid_until_idx" ON "quotes"("tenant_id", "valid_until");
CREATE INDEX "quotes_tenant_id_created_at_idx" ON "quotes"("tenant_id", "created_at");
CREATE INDEX "quotes_tenant_id_updated_at_idx" ON "quotes"("tenant_id", "updated_at");
CREATE INDEX "quotes_account_id_number_id_idx" ON "quotes"("account_id", "number", "id");
CREATE INDEX "quotes_opportunity_id_number_id_idx" ON "quotes"("opportunity_id", "number", "id");
CREATE INDEX "quotes_event_id_number_id_idx" ON "quotes"("event_id", "number", "id");
CREATE INDEX "quotes_number_trgm_idx" ON "quotes" USING GIN ("number" gin_trgm_ops);

CREATE INDEX "contracts_tenant_id_starts_on_idx" ON "contracts"("tenant_id", "starts_on");
CREATE INDEX "contracts_tenant_id_ends_on_idx" ON "contracts"("tenant_id", "ends_on");
CREATE INDEX "contracts_tenant_id_value_idx" ON "contracts"("tenant_id", "value");
CREATE INDEX "contracts_tenant_id_created_at_idx" ON "contracts"("tenant_id", "created_at");
CREATE INDEX "contracts_tenant_id_updated_at_idx" ON "contracts"("tenant_id", "updated_at");
CREATE INDEX "contracts_account_id_number_id_idx" ON "contracts"("account_id", "number", "id");
CREATE INDEX "contracts_event_id_number_id_idx" ON "contracts"("event_id", "number", "id");
CREATE INDEX "contracts_quote_id_idx" ON "contracts"("quote_id");
CREATE INDEX "contracts_number_trgm_idx" ON "contracts" USING GIN ("number" gin_trgm_ops);

CREATE INDEX "invoices_tenant_id_amount_idx" ON "invoices"("tenant_id", "amount");
CREATE INDEX "invoices_tenant_id_issued_on_idx" ON "invoices"("tenant_id", "issued_on");
CREATE INDEX "invoices_tenant_id_due_on_idx" ON "invoices"("tenant_id", "due_on");
CREATE INDEX "invoices_tenant_id_status_due_on_idx" ON "invoices"("tenant_id", "status", "due_on");
CREATE INDEX "invoices_tenant_id_created_at_idx" ON "invoices"("tenant_id", "created_at");
CREATE INDEX "invoices_tenant_id_updated_at_idx" ON "invoices"("tenant_id", "updated_at");
CREATE INDEX "invoices_account_id_number_id_idx" ON "invoices"("account_id", "number", "id");
CREATE INDEX "invoices_contract_id_number_id_idx" ON "invoices"("contract_id", "number", "id");
CREATE INDEX "invoices_event_id_number_id_idx" ON "invoices"("event_id", "number", "id");
CREATE INDEX "invoices_number_trgm_idx" ON "invoices" USING GIN ("number" gin_trgm_ops);

CREATE INDEX "payments_tenant_id_received_at_idx" ON "payments"("tenant_id", "received_at");
CREATE INDEX "payments_tenant_id_amount_idx" ON "payments"("tenant_id", "amount");
CREATE INDEX "payments_tenant_id_created_at_idx" ON "payments"("tenant_id", "created_at");
CREATE INDEX "payments_invoice_id_received_at_id_idx" ON "payments"("invoice_id", "received_at", "id");
CREATE INDEX "payments_reference_trgm_idx" ON "payments" USING GIN ("reference" gin_trgm_ops);

CREATE INDEX "tasks_tenant_id_due_at_idx" ON "tasks"("tenant_id", "due_at");
CREATE INDEX "tasks_tenant_id_priority_idx" ON "tasks"("tenant_id", "priority");
CREATE INDEX "tasks_tenant_id_title_idx" ON "tasks"("tenant_id", "title");
CREATE INDEX "tasks_tenant_id_created_at_idx" ON "tasks"("tenant_id", "created_at");
CREATE INDEX "tasks_tenant_id_updated_at_idx" ON "tasks"("tenant_id", "updated_at");
CREATE INDEX "tasks_account_id_due_at_id_idx" ON "tasks"("account_id", "due_at", "id");
CREATE INDEX "tasks_contact_id_due_at_id_idx" ON "tasks"("contact_id", "due_at", "id");
CREATE INDEX "tasks_opportunity_id_due_at_id_idx" ON "tasks"("opportunity_id", "due_at", "id");
CREATE INDEX "tasks_event_id_due_at_id_idx" ON "tasks"("event_id", "due_at", "id");
CREATE INDEX "tasks_title_trgm_idx" ON "tasks" USING GIN ("title" gin_trgm_ops);

CREATE INDEX "notes_tenant_id_updated_at_idx" ON "notes"("tenant_id", "updated_at");
CREATE INDEX "notes_tenant_id_author_id_idx" ON "notes"("tenant_id", "author_id");
CREATE INDEX "notes_account_id_created_at_id_idx" ON "notes"("account_id", "created_at", "id");
CREATE INDEX "notes_contact_id_created_at_id_idx" ON "notes"("contact_id", "created_at", "id");
CREATE INDEX "notes_lead_id_created_at_id_idx" ON "notes"("lead_id", "created_at", "id");
CREATE INDEX "notes_opportunity_id_created_at_id_idx" ON "notes"("opportunity_id", "created_at", "id");
CREATE INDEX "notes_event_id_created_at_id_idx" ON "notes"("event_id", "created_at", "id");
CREATE INDEX "notes_body_trgm_idx" ON "notes" USING GIN ("body" gin_trgm_ops);

CREATE INDEX "attachments_tenant_id_file_name_idx" ON "attachments"("tenant_id", "file_name");
CREATE INDEX "attachments_tenant_id_size_bytes_idx" ON "attachments"("tenant_id", "size_bytes");
CREATE INDEX "attachments_tenant_id_created_at_idx" ON "attachments"("tenant_id", "created_at");
CREATE INDEX "attachments_subject_id_created_at_id_idx" ON "attachments"("subject_id", "created_at", "id");
CREATE INDEX "attachments_file_name_trgm_idx" ON "attachments" USING GIN ("file_name" gin_trgm_ops);

CREATE INDEX "communications_tenant_id_subject_idx" ON "communications"("tenant_id", "subject");
CREATE INDEX "communications_tenant_id_created_at_idx" ON "communications"("tenant_id", "created_at");
CREATE INDEX "communications_tenant_id_user_id_idx" ON "communications"("tenant_id", "user_id");
CREATE INDEX "communications_account_id_occurred_at_id_idx" ON "communications"("account_id", "occurred_at", "id");
CREATE INDEX "communications_contact_id_occurred_at_id_idx" ON "communications"("contact_id", "occurred_at", "id");
CREATE INDEX "communications_lead_id_occurred_at_id_idx" ON "communications"("lead_id", "occurred_at", "id");
CREATE INDEX "communications_subject_trgm_idx" ON "communications" USING GIN ("subject" gin_trgm_ops);
CREATE INDEX "communications_body_trgm_idx" ON "communications" USING GIN ("body" gin_trgm_ops);

-- Nullable sort fields list their NULLs last in both directions. An ascending index serves
-- `ASC NULLS LAST`, and read backwards it gives `DESC NULLS FIRST`, so `DESC NULLS LAST` needs an
-- index of its own. Prisma's schema language cannot say NULLS LAST; these are the only indexes of
-- this migration that schema.prisma does not list (see its header).
CREATE INDEX "communications_tenant_id_subject_desc_idx" ON "communications"("tenant_id", "subject" DESC NULLS LAST);
CREATE INDEX "contracts_tenant_id_ends_on_desc_idx" ON "contracts"("tenant_id", "ends_on" DESC NULLS LAST);
CREATE INDEX "events_tenant_id_budget_desc_idx" ON "events"("tenant_id", "budget" DESC NULLS LAST);
CREATE INDEX "events_tenant_id_expected_attendees_desc_idx" ON "events"("tenant_id", "expected_attendees" DESC NULLS LAST);
CREATE INDEX "invoices_tenant_id_due_on_desc_idx" ON "invoices"("tenant_id", "due_on" DESC NULLS LAST);
CREATE INDEX "invoices_tenant_id_issued_on_desc_idx" ON "invoices"("tenant_id", "issued_on" DESC NULLS LAST);
CREATE INDEX "leads_tenant_id_company_desc_idx" ON "leads"("tenant_id", "company" DESC NULLS LAST);
CREATE INDEX "locations_tenant_id_capacity_desc_idx" ON "locations"("tenant_id", "capacity" DESC NULLS LAST);
CREATE INDEX "opportunities_tenant_id_expected_close_date_desc_idx" ON "opportunities"("tenant_id", "expected_close_date" DESC NULLS LAST);
CREATE INDEX "quotes_tenant_id_valid_until_desc_idx" ON "quotes"("tenant_id", "valid_until" DESC NULLS LAST);
CREATE INDEX "tasks_tenant_id_due_at_desc_idx" ON "tasks"("tenant_id", "due_at" DESC NULLS LAST);

-- A relation page reads the children of each parent in its order and stops after `first` rows, when
-- PostgreSQL takes the (reference, order, id) index above. It plans each parent from the average
-- number of children per parent, which a key account with thousands of invoices is far above: with
-- that average a bitmap scan and a sort look cheaper, and they read every child (Prisma builds each
-- child's JSON before the sort). These statistics hints plan every parent as a big one (about 100
-- children: n_distinct -0.01 is "1% of the rows are distinct"), so the ordered index range is the
-- plan whatever the parent's size. They are column attributes used by ANALYZE, run here for them.
ALTER TABLE "account_contacts" ALTER COLUMN "account_id" SET (n_distinct = -0.01), ALTER COLUMN "contact_id" SET (n_distinct = -0.01);
ALTER TABLE "opportunities" ALTER COLUMN "account_id" SET (n_distinct = -0.01);
ALTER TABLE "events" ALTER COLUMN "account_id" SET (n_distinct = -0.01), ALTER COLUMN "opportunity_id" SET (n_distinct = -0.01), ALTER COLUMN "location_id" SET (n_distinct = -0.01);
ALTER TABLE "event_dates" ALTER COLUMN "event_id" SET (n_distinct = -0.01);
ALTER TABLE "quotes" ALTER COLUMN "account_id" SET (n_distinct = -0.01), ALTER COLUMN "opportunity_id" SET (n_distinct = -0.01), ALTER COLUMN "event_id" SET (n_distinct = -0.01);
ALTER TABLE "contracts" ALTER COLUMN "account_id" SET (n_distinct = -0.01), ALTER COLUMN "event_id" SET (n_distinct = -0.01);
ALTER TABLE "invoices" ALTER COLUMN "account_id" SET (n_distinct = -0.01), ALTER COLUMN "contract_id" SET (n_distinct = -0.01), ALTER COLUMN "event_id" SET (n_distinct = -0.01);
ALTER TABLE "payments" ALTER COLUMN "invoice_id" SET (n_distinct = -0.01);
ALTER TABLE "tasks" ALTER COLUMN "account_id" SET (n_distinct = -0.01), ALTER COLUMN "contact_id" SET (n_distinct = -0.01), ALTER COLUMN "opportunity_id" SET (n_distinct = -0.01), ALTER COLUMN "event_id" SET (n_distinct = -0.01);
ALTER TABLE "notes" ALTER COLUMN "account_id" SET (n_distinct = -0.01), ALTER COLUMN "contact_id" SET (n_distinct = -0.01), ALTER COLUMN "lead_id" SET (n_distinct = -0.01), ALTER COLUMN "opportunity_id" SET (n_distinct = -0.01), ALTER COLUMN "event_id" SET (n_distinct = -0.01);
ALTER TABLE "attachments" ALTER COLUMN "subject_id" SET (n_distinct = -0.01);
ALTER TABLE "communications" ALTER COLUMN "account_id" SET (n_distinct = -0.01), ALTER COLUMN "contact_id" SET (n_distinct = -0.01), ALTER COLUMN "lead_id" SET (n_distinct = -0.01);
ANALYZE "account_contacts", "opportunities", "events", "event_dates", "quotes", "contracts", "invoices", "payments", "tasks", "notes", "attachments", "communications";
