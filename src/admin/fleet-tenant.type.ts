import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DatasourceKind, TenantStatus } from '../generated/control/enums.js';
import { Connection } from '../graphql/pagination/connection.js';

registerEnumType(DatasourceKind, { name: 'DatasourceKind', description: 'POOLED: shared by several tenants; DEDICATED: one tenant.' });

/** A datasource as platform admins see it: where it is and how it is sealed, never its URL. */
@ObjectType({ description: 'A tenant database as platform admins see it (the URL is never shown).' })
export class FleetDatasource {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => DatasourceKind)
  kind!: DatasourceKind;

  @Field()
  region!: string;

  @Field(() => Int, { description: 'Connections each gateway replica may open to it.' })
  poolMax!: number;

  @Field({ description: 'Id of the encryption key its URL is sealed under.' })
  keyId!: string;

  @Field(() => Int, { description: 'Bumped when the URL changes, so gateways rebuild their client.' })
  credentialVersion!: number;
}

/** A tenant with its placement and schema version, for the admin API. */
@ObjectType({ description: 'A tenant as platform admins see it: status, placement and schema version.' })
export class FleetTenant {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => TenantStatus)
  status!: TenantStatus;

  @Field(() => String, { nullable: true, description: 'The last tenant migration recorded as applied to its datasource.' })
  schemaVersion!: string | null;

  @Field(() => FleetDatasource)
  datasource!: FleetDatasource;

  @Field(() => Int)
  memberCount!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class FleetTenantConnection extends Connection(FleetTenant, 'FleetTenant') {}

/** What `createTenant` made. */
@ObjectType()
export class CreateTenantPayload {
  @Field(() => FleetTenant)
  tenant!: FleetTenant;

  @Field(() => String, { nullable: true, description: 'The database created for the tenant, if one was.' })
  createdDatabase!: string | null;

  @Field(() => [String])
  migrationsApplied!: string[];

  @Field(() => Int)
  seededRows!: number;

  @Field(() => ID)
  ownerUserId!: string;

  @Field(() => String, { nullable: true, description: "The new owner account's initial password, shown this once; null for an existing user." })
  ownerInitialPassword!: string | null;
}

/** What `clearTenantCache` dropped. */
@ObjectType()
export class ClearTenantCachePayload {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => ID)
  datasourceId!: string;

  @Field({ description: "Whether a connected client of the tenant's datasource was retired (it drains its requests first)." })
  clientEvicted!: boolean;
}
