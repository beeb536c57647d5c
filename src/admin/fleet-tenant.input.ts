import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DatasourceKind, TenantStatus } from '../generated/control/enums.js';
import { PageArgs } from '../graphql/pagination/page-args.js';

/** Filters of `tenants`; ANDed. */
@InputType()
export class FleetTenantFilter {
  @Field(() => TenantStatus, { nullable: true })
  status?: TenantStatus;

  @Field({ nullable: true, description: 'Datasource name, exact.' })
  datasource?: string;

  @Field(() => DatasourceKind, { nullable: true })
  kind?: DatasourceKind;

  @Field({ nullable: true, description: 'Part of the slug or name, any case.' })
  search?: string;
}

@ArgsType()
export class FleetTenantsArgs extends PageArgs {
  @Field(() => FleetTenantFilter, { nullable: true })
  filter?: FleetTenantFilter | null;
}

/** A new dedicated database for the tenant, created on a server. Give exactly one of the two. */
@InputType()
export class NewDatabaseInput {
  @Field(() => ID, { nullable: true, description: "Create it on the server of this datasource, with that datasource's credentials (they need CREATEDB)." })
  sameServerAs?: string;

  @Field({ nullable: true, description: 'A postgresql:// URL of the server as a role with CREATEDB; never stored or shown.' })
  serverUrl?: string;

  @Field({ nullable: true, description: 'Default: tenant_<slug>.' })
  database?: string;

  @Field(() => Int, { nullable: true })
  poolMax?: number;

  @Field({ nullable: true })
  region?: string;
}

/**
 * A tenant to provision; place it on an existing datasource or a new database, exactly one. The
 * provisioning library validates every field with messages that name it, so no decorators repeat that here.
 */
@InputType()
export class CreateTenantInput {
  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field({ description: 'The OWNER; an unknown email gets a new account with an initial password.' })
  ownerEmail!: string;

  @Field(() => ID, { nullable: true, description: 'An existing datasource (a pooled one, or an empty dedicated one).' })
  datasourceId?: string;

  @Field(() => NewDatabaseInput, { nullable: true })
  newDatabase?: NewDatabaseInput;

  @Field({ defaultValue: false, description: 'Fill the tenant with demo data.' })
  seed!: boolean;
}
