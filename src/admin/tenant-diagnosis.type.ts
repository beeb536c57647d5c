import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** One step of `tenantConnection`. */
@ObjectType({ description: 'One step of a tenant diagnosis: lookup, decrypt, network, authentication, schema or pool.' })
export class DiagnosisStep {
  @Field()
  name!: string;

  @Field({ description: 'ok, failed, or skipped (an earlier step failed).' })
  status!: string;

  @Field(() => Float, { description: 'Milliseconds.' })
  ms!: number;

  @Field()
  detail!: string;

  @Field(() => String, { nullable: true, description: 'What to fix, for a failed step.' })
  hint!: string | null;
}

/** The doctor report of one tenant. */
@ObjectType({ description: "A step-by-step diagnosis of a tenant's path to its database (`tenantgate doctor`)." })
export class TenantDiagnosis {
  @Field(() => ID)
  tenantId!: string;

  @Field()
  ok!: boolean;

  @Field(() => String, { nullable: true })
  failedStep!: string | null;

  @Field(() => [DiagnosisStep])
  steps!: DiagnosisStep[];
}

/** The connections of one cached client. */
@ObjectType()
export class ClientConnections {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  idle!: number;

  @Field(() => Int)
  waiting!: number;
}

/** One datasource client cached by this gateway process. */
@ObjectType()
export class CachedTenantClient {
  @Field(() => ID)
  datasourceId!: string;

  @Field(() => Int)
  credentialVersion!: number;

  @Field(() => Int, { description: 'Requests holding it now.' })
  leases!: number;

  @Field(() => Float)
  idleMs!: number;

  @Field(() => ClientConnections, { nullable: true, description: 'Null while it is being built.' })
  connections!: ClientConnections | null;
}

/** This gateway process's tenant client pool. */
@ObjectType({ description: "This gateway replica's tenant client pool: counters, connection budget and cached clients." })
export class TenantPoolStats {
  @Field(() => Int) hits!: number;
  @Field(() => Int) misses!: number;
  @Field(() => Int) builds!: number;
  @Field(() => Int) buildFailures!: number;
  @Field(() => Int) evictions!: number;
  @Field(() => Int, { description: 'Datasources open, including retired ones still draining requests.' }) liveDatasources!: number;
  @Field(() => Int) cachedDatasources!: number;
  @Field(() => Int, { description: 'Tenant-scoped clients cached over the cached datasources.' }) scopedClients!: number;
  @Field(() => Int) leasesInUse!: number;
  @Field(() => Int, { description: 'Server connections open or being opened now; never above connectionBudget.' }) openConnections!: number;
  @Field(() => Int) peakConnections!: number;
  @Field(() => Int) connectionBudget!: number;
  @Field(() => Int) waitingForConnection!: number;
  @Field(() => Int, { description: 'Idle connections closed to make room for another datasource.' }) connectionsReclaimed!: number;
  @Field(() => Int) budgetWaits!: number;
  @Field(() => Int) budgetTimeouts!: number;

  @Field(() => [CachedTenantClient])
  clients!: CachedTenantClient[];
}
