import { type ControlClient } from '../../control/control-client.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { type AppError, badInput, notFound } from '../../errors/app-error.js';
import {
  assertDatasourceRegistration,
  decryptDatasourceUrl,
  findRegisteredDatasource,
  type DatasourceRegistration,
} from './datasource-registration.js';
import { assertUuid } from './provisioning-input.js';

/** Where a tenant goes: a datasource to register (or find by name), or an existing one by id. */
export type DatasourceReference = DatasourceRegistration | { id: string };

/**
 * The datasource a provisioning run migrates, resolved before anything is written: `datasourceId`
 * is set once it is registered, `registration` when the transaction is to register it (or find it).
 */
export type ProvisioningTarget = TargetBase &
  (
    | { datasourceId: string; registration: null }
    | { datasourceId: string | null; registration: DatasourceRegistration }
  );

interface TargetBase {
  /** For messages; never the URL. */
  name: string;
  /** Plaintext URL, kept in memory only for the migration. */
  url: string;
}

/**
 * Validates the reference and finds its URL: decrypted from the control plane for an id, taken
 * from the request otherwise (after checking that a datasource of that name, if any, is the same).
 *
 * @throws AppError `BAD_USER_INPUT`, `NOT_FOUND` for an unknown id, `TENANT_UNAVAILABLE` when the
 *   stored URL does not decrypt.
 */
export async function resolveProvisioningTarget(
  control: ControlClient,
  keyRing: KeyRing,
  reference: DatasourceReference,
): Promise<ProvisioningTarget> {
  if (typeof reference !== 'object' || reference === null) {
    throw badInput('datasource must be { id } or { name, kind, url }', 'datasource');
  }
  if ('id' in reference) {
    assertUuid(reference.id, 'datasource.id');
    const datasource = await control.datasource.findUnique({ where: { id: reference.id } });
    if (datasource === null) {
      throw notFound('datasource', reference.id);
    }
    const url = decryptDatasourceUrl(keyRing, datasource);
    return { name: datasource.name, url, datasourceId: datasource.id, registration: null };
  }
  assertDatasourceRegistration(reference);
  const existing = await findRegisteredDatasource(control, keyRing, reference);
  return { name: reference.name, url: reference.url, datasourceId: existing?.id ?? null, registration: reference };
}

/**
 * Refuses, before any database is touched, to provision a slug that already belongs to a tenant
 * on another datasource: that is a move (`tenants move`), not a provisioning.
 */
export async function assertSlugPlacement(control: ControlClient, slug: string, target: ProvisioningTarget): Promise<void> {
  const tenant = await control.tenant.findUnique({ where: { slug }, select: { datasourceId: true } });
  if (tenant !== null && tenant.datasourceId !== target.datasourceId) {
    throw slugOnOtherDatasource(slug);
  }
}

/** The refusal for a slug that lives on another datasource. */
export function slugOnOtherDatasource(slug: string): AppError {
  return badInput(
    `tenant "${slug}" already exists on another datasource; use \`tenants move\` to move it`,
    'slug',
  );
}
