-- Custom SQL (Prisma's schema language cannot express triggers; this is the documented place for it).
-- Several tenants can share one pooled database, and foreign keys are single-column, so a row could
-- reference another tenant's row. These triggers refuse that in the database itself: every
-- reference must point at a row with the same tenant_id. A refused write fails with SQLSTATE 23503
-- (foreign_key_violation), as a missing parent would.

-- CreateFunction
CREATE FUNCTION "tenantgate_assert_same_tenant"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  i integer;
  ref_id uuid;
  ref_tenant uuid;
BEGIN
  FOR i IN 0 .. (TG_NARGS / 2) - 1 LOOP
    EXECUTE format('SELECT ($1).%I', TG_ARGV[i * 2]) INTO ref_id USING NEW;
    IF ref_id IS NOT NULL THEN
      EXECUTE format('SELECT tenant_id FROM %I WHERE id = $1', TG_ARGV[i * 2 + 1]) INTO ref_tenant USING ref_id;
      IF ref_tenant IS NOT NULL AND ref_tenant <> NEW.tenant_id THEN
        RAISE EXCEPTION 'tenant mismatch: %.% references a % row of another tenant', TG_TABLE_NAME, TG_ARGV[i * 2], TG_ARGV[i * 2 + 1]
          USING ERRCODE = 'foreign_key_violation';
      END IF;
    END IF;
  END LOOP;
  RETURN NEW;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "account_contacts_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "account_id", "contact_id" ON "account_contacts"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('account_id', 'accounts', 'contact_id', 'contacts');

-- CreateTrigger
CREATE TRIGGER "leads_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "converted_account_id" ON "leads"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('converted_account_id', 'accounts');

-- CreateTrigger
CREATE TRIGGER "opportunities_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "account_id", "lead_id" ON "opportunities"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('account_id', 'accounts', 'lead_id', 'leads');

-- CreateTrigger
CREATE TRIGGER "events_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "account_id", "opportunity_id", "location_id" ON "events"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('account_id', 'accounts', 'opportunity_id', 'opportunities', 'location_id', 'locations');

-- CreateTrigger
CREATE TRIGGER "event_dates_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "event_id", "location_id" ON "event_dates"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('event_id', 'events', 'location_id', 'locations');

-- CreateTrigger
CREATE TRIGGER "quotes_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "account_id", "opportunity_id", "event_id" ON "quotes"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('account_id', 'accounts', 'opportunity_id', 'opportunities', 'event_id', 'events');

-- CreateTrigger
CREATE TRIGGER "contracts_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "account_id", "quote_id" ON "contracts"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('account_id', 'accounts', 'quote_id', 'quotes');

-- CreateTrigger
CREATE TRIGGER "invoices_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "account_id", "contract_id" ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('account_id', 'accounts', 'contract_id', 'contracts');

-- CreateTrigger
CREATE TRIGGER "payments_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "invoice_id" ON "payments"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('invoice_id', 'invoices');

-- CreateTrigger
CREATE TRIGGER "tasks_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "account_id", "contact_id", "opportunity_id", "event_id" ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('account_id', 'accounts', 'contact_id', 'contacts', 'opportunity_id', 'opportunities', 'event_id', 'events');

-- CreateTrigger
CREATE TRIGGER "notes_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "account_id", "contact_id", "lead_id", "opportunity_id", "event_id" ON "notes"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('account_id', 'accounts', 'contact_id', 'contacts', 'lead_id', 'leads', 'opportunity_id', 'opportunities', 'event_id', 'events');

-- CreateTrigger
CREATE TRIGGER "communications_same_tenant" BEFORE INSERT OR UPDATE OF "tenant_id", "account_id", "contact_id", "lead_id" ON "communications"
  FOR EACH ROW EXECUTE FUNCTION "tenantgate_assert_same_tenant"('account_id', 'accounts', 'contact_id', 'contacts', 'lead_id', 'leads');
