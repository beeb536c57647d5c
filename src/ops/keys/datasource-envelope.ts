import { randomUUID } from 'node:crypto';
import { type KeyRing } from '../../crypto/key-ring.js';
import { seal } from '../../crypto/secret-box.js';
import { assertDatasourceUrl, assertUuid } from '../provisioning/provisioning-input.js';

/** A sealed datasource URL, ready for the `datasources` row it is bound to. */
export interface DatasourceEnvelope {
  /** The row the envelope opens on (its additional data); store it as `datasources.id`. */
  datasourceId: string;
  keyId: string;
  envelope: string;
}

/**
 * Seals a datasource URL under the active key for the datasource `datasourceId` (a new id when
 * none is given), as `tenantgate datasource encrypt` prints it. The envelope opens only on that
 * row, since the id is authenticated with it.
 *
 * @throws AppError `BAD_USER_INPUT` for a URL that is not `postgresql://` or an id that is not a UUID.
 */
export function encryptDatasourceUrl(keyRing: KeyRing, url: string, datasourceId?: string): DatasourceEnvelope {
  assertDatasourceUrl(url);
  const id = datasourceId ?? randomUUID();
  assertUuid(id, 'datasourceId');
  return { datasourceId: id, keyId: keyRing.active.id, envelope: seal(keyRing.active, url, id) };
}
