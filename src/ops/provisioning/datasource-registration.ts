import { randomUUID } from 'node:crypto';
import { AppError, badInput, ErrorCode } from '../../errors/app-error.js';
import { type KeyRing } from '../../crypto/key-ring.js';
import { open, seal } from '../../crypto/secret-box.js';
import { type Datasource, type Prisma } from '../../generated/control/client.js';
import { type DatasourceKind } from '../../generated/control/enums.js';
import { errorDetails } from '../migrations/migration-error.js';
import {
  assertDatasourceKind,
  assertDatasourceName,
  assertDatasourceUrl,
  assertPoolMax,
  assertRegion,
} from './provisioning-input.js';

/**
 * The control-plane client or an interactive transaction of it: the writers here take either, so
 * provisioning can run several of them atomically and a one-off call needs no transaction.
 */
export type ControlWriter = Prisma.TransactionClient;

/** A datasource to record in the control plane. */
export interface DatasourceRegistration {
  /** Unique, human-readable handle (1–63 of `a-z 0-9 _ . -`), shown wherever the URL must not be. */
  name: string;
  kind: DatasourceKind;
  /** Connection URL; stored only sealed, bound to the datasource id. */
  url: string;
  /** Connections each gateway replica may open to it. Default: 5 (the schema default). */
  poolMax?: number;
  /** Where it runs, for placement and reports. Default: `local` (the schema default). */
  region?: string;
}

/** Validates a registration without touching any database; the URL is never echoed. */
export function assertDatasourceRegistration(input: DatasourceRegistration): void {
  assertDatasourceName(input.name);
  assertDatasourceKind(input.kind);
  assertDatasourceUrl(input.url);
  if (input.poolMax !== undefined) {
    assertPoolMax(input.poolMax);
  }
  if (input.region !== undefined) {
    assertRegion(input.region);
  }
}

/**
 * Records a datasource with its URL sealed under the key ring's active key. The id is made here,
 * not by the database, because it is the seal's additional data: the envelope opens only on its
 * own row. Idempotent by name: an existing datasource with the same kind and URL is returned
 * unchanged (its pool size and region are not touched); concurrent registrations of one name
 * create one row.
 *
 * @throws AppError `BAD_USER_INPUT` for invalid input, or when the name is taken by a datasource of
 *   another kind or URL (the URLs are compared decrypted and never printed).
 */
export async function registerDatasource(
  control: ControlWriter,
  keyRing: KeyRing,
  input: DatasourceRegistration,
): Promise<Datasource> {
  assertDatasourceRegistration(input);
  const existing = await findRegisteredDatasource(control, keyRing, input);
  if (existing !== null) {
    return existing;
  }
  const id = randomUUID();
  const key = keyRing.active;
  // ON CONFLICT DO NOTHING, unlike a failing INSERT, leaves a surrounding transaction usable when a
  // concurrent registration of the same name wins the race.
  await control.datasource.createMany({
    data: [
      {
        id,
        name: input.name,
        kind: input.kind,
        region: input.region,
        poolMax: input.poolMax,
        encryptedUrl: seal(key, input.url, id),
        keyId: key.id,
      },
    ],
    skipDuplicates: true,
  });
  const stored = await control.datasource.findUniqueOrThrow({ where: { name: input.name } });
  if (stored.id !== id) {
    assertSameDatasource(keyRing, stored, input);
  }
  return stored;
}

/**
 * The datasource already registered under `input.name`, or null, after checking that it is the
 * same datasource (kind and decrypted URL), so a caller can refuse before doing any work.
 */
export async function findRegisteredDatasource(
  control: ControlWriter,
  keyRing: KeyRing,
  input: DatasourceRegistration,
): Promise<Datasource | null> {
  const existing = await control.datasource.findUnique({ where: { name: input.name } });
  if (existing !== null) {
    assertSameDatasource(keyRing, existing, input);
  }
  return existing;
}

/**
 * Decrypts a datasource's URL with its id as the additional data.
 *
 * @throws AppError `TENANT_UNAVAILABLE` when the envelope does not open (a missing key, or a row
 *   tampered with); the message names the datasource and the reason, never the envelope.
 */
export function decryptDatasourceUrl(keyRing: KeyRing, datasource: Pick<Datasource, 'id' | 'name' | 'encryptedUrl'>): string {
  try {
    return open(keyRing, datasource.encryptedUrl, datasource.id);
  } catch (error) {
    // SecretBoxError messages are written to be safe to show.
    throw new AppError(
      ErrorCode.TENANT_UNAVAILABLE,
      `datasource "${datasource.name}": ${errorDetails(error).message}`,
      { datasource: datasource.name },
    );
  }
}

function assertSameDatasource(keyRing: KeyRing, existing: Datasource, input: DatasourceRegistration): void {
  if (existing.kind !== input.kind) {
    throw badInput(
      `datasource "${existing.name}" already exists as a ${existing.kind} datasource, not ${input.kind}`,
      'datasource.kind',
    );
  }
  if (decryptDatasourceUrl(keyRing, existing) !== input.url) {
    throw badInput(
      `datasource "${existing.name}" already exists with a different URL; ` +
        'use another name, or refer to the existing datasource by its id',
      'datasource.url',
    );
  }
}
