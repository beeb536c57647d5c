import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { tenantMigrationsDir } from '../../paths.js';
import { errorDetails } from '../migrations/migration-error.js';
import { assertUuid } from '../provisioning/provisioning-input.js';
import { DOCTOR_STEPS, failed, passed, type DoctorReport, type DoctorStep, type DoctorStepName, type StepOutcome } from './doctor-report.js';
import { authenticationStep, decryptStep, networkStep, poolStep, schemaStep } from './doctor-steps.js';

/** What a diagnosis needs. */
export interface DoctorDeps {
  control: ControlClient;
  keyRing: KeyRing;
  /** Default: the committed tenant migrations. */
  migrationsDir?: string;
  /** Per network step. Default 5000 ms, like TENANT_CONNECT_TIMEOUT_MS. */
  timeoutMs?: number;
  /** The gateway's own view of the datasource's client, when run inside a gateway (the admin API). */
  gatewayPoolView?: (datasourceId: string) => string | null;
}

/**
 * Diagnoses one tenant step by step, the way a request reaches its data: control-plane lookup,
 * decryption of the datasource URL, DNS and TCP, authentication, schema version, and connection
 * counts. Each step reports ok or failed with its latency and a hint; the steps after a failure
 * are skipped. Never throws for a broken tenant: the report is the answer.
 *
 * @param slugOrId - the tenant's slug or id.
 */
export async function diagnoseTenant(deps: DoctorDeps, slugOrId: string): Promise<DoctorReport> {
  const timeoutMs = deps.timeoutMs ?? 5_000;
  const steps: DoctorStep[] = [];
  const run = async (name: DoctorStepName, step: () => Promise<StepOutcome> | StepOutcome): Promise<boolean> => {
    const started = performance.now();
    let outcome: StepOutcome;
    try {
      outcome = await step();
    } catch (error) {
      outcome = failed(`unexpected failure: ${errorDetails(error).message}`, 'report this; the step itself broke');
    }
    steps.push({ name, status: outcome.ok ? 'ok' : 'failed', ms: +(performance.now() - started).toFixed(2), detail: outcome.detail, hint: outcome.hint ?? null });
    return outcome.ok;
  };

  let tenant: Awaited<ReturnType<typeof findForDoctor>> = null;
  let url: string | null = null;
  const ok =
    (await run('lookup', async () => {
      tenant = await findForDoctor(deps.control, slugOrId);
      return tenant === null
        ? failed(`no tenant "${slugOrId}" in the control plane`, 'check the slug with `tenantgate tenants list`')
        : passed(`tenant ${tenant.slug} (${tenant.status}) on datasource ${tenant.datasource.name} (${tenant.datasource.kind}), recorded schema ${tenant.schemaVersion ?? 'none'}`);
    })) &&
    (await run('decrypt', () => {
      const result = decryptStep(deps.keyRing, tenantOf(tenant).datasource);
      url = result.url;
      return result.outcome;
    })) &&
    (await run('network', () => networkStep(urlOf(url), timeoutMs))) &&
    (await run('authentication', () => authenticationStep(urlOf(url), timeoutMs))) &&
    (await run('schema', () => schemaStep(urlOf(url), deps.migrationsDir ?? tenantMigrationsDir, tenantOf(tenant).schemaVersion))) &&
    (await run('pool', () => poolStep(urlOf(url), timeoutMs, deps.gatewayPoolView?.(tenantOf(tenant).datasource.id) ?? null)));
  for (const name of DOCTOR_STEPS.slice(steps.length)) {
    steps.push({ name, status: 'skipped', ms: 0, detail: 'skipped: an earlier step failed', hint: null });
  }
  return { tenant: slugOrId, ok, failedStep: steps.find((step) => step.status === 'failed')?.name ?? null, steps };
}

function findForDoctor(control: ControlClient, slugOrId: string) {
  let byId = true;
  try {
    assertUuid(slugOrId, 'tenant');
  } catch {
    byId = false;
  }
  return control.tenant.findUnique({ where: byId ? { id: slugOrId } : { slug: slugOrId }, include: { datasource: true } });
}

// The steps run in order and stop at the first failure, so these are set whenever they are read.
function tenantOf<T>(value: T | null): T {
  if (value === null) {
    throw new Error('an earlier doctor step should have stopped the run');
  }
  return value;
}
const urlOf = (url: string | null) => tenantOf(url);
