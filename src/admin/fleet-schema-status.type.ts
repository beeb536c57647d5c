import { Field, Int, ObjectType } from 'type-graphql';

const STATES = 'current, pending, failed (an unresolved failed migration), checksum-mismatch or unreachable as of `checkedAt`; unchecked when never checked';

/** One database of the drift report. */
@ObjectType({ description: 'One database of the drift report (`tenantgate migrate status`).' })
export class DatabaseSchemaStatus {
  @Field({ description: 'The datasource name, or `control-plane`.' })
  name!: string;

  @Field({ description: 'CONTROL, POOLED or DEDICATED.' })
  kind!: string;

  @Field(() => [String])
  tenants!: string[];

  @Field({ description: STATES })
  state!: string;

  @Field(() => String, { nullable: true, description: 'The newest applied migration.' })
  latest!: string | null;

  @Field(() => Int)
  applied!: number;

  @Field(() => [String])
  pending!: string[];

  @Field(() => [String])
  failed!: string[];

  @Field(() => [String], { description: 'Applied migrations whose file changed since (checksum mismatch).' })
  modified!: string[];

  @Field(() => String, { nullable: true, description: 'Why the database could not be read (never a URL or password).' })
  error?: string;

  @Field(() => Date, { nullable: true, description: 'When the database was read; null when never. The state may have changed since.' })
  checkedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The newest migration that check compared with (pending is relative to it).' })
  checkedAgainst!: string | null;
}

/** One tenant of the drift report. */
@ObjectType({ description: "One tenant of the drift report: its database's state and the version the control plane records." })
export class TenantSchemaStatus {
  @Field()
  slug!: string;

  @Field()
  datasource!: string;

  @Field({ description: STATES })
  state!: string;

  @Field(() => String, { nullable: true })
  databaseVersion!: string | null;

  @Field(() => String, { nullable: true, description: "What the gateway's TENANT_SCHEMA_OUTDATED check reads." })
  recordedVersion!: string | null;

  @Field({ description: 'False when the recorded version is not the database’s as of its last check (a `tenantgate migrate` corrects it).' })
  recordTrue!: boolean;
}

/** The whole drift report. */
@ObjectType({
  description:
    'Which tenant database is on which schema version, as recorded by the last check of each (`tenantgate migrate`, `tenantgate migrate status`, or `checkTenantSchemaStatus`): answering never reads a tenant database, so mind `checkedAt`.',
})
export class FleetSchemaStatus {
  @Field(() => String, { nullable: true, description: 'The newest tenant migration this gateway ships.' })
  targetVersion!: string | null;

  @Field({ description: 'True only when every database was checked against `targetVersion` and found current, and every recorded version is true.' })
  allCurrent!: boolean;

  @Field(() => Int, { description: 'Datasources never checked.' })
  unchecked!: number;

  @Field(() => Date, { nullable: true, description: 'The oldest check in this report: nothing here is older.' })
  oldestCheckAt!: Date | null;

  @Field(() => Date, { nullable: true })
  newestCheckAt!: Date | null;

  @Field(() => DatabaseSchemaStatus, { description: 'Read live.' })
  controlPlane!: DatabaseSchemaStatus;

  @Field(() => [DatabaseSchemaStatus])
  datasources!: DatabaseSchemaStatus[];

  @Field(() => [TenantSchemaStatus])
  tenants!: TenantSchemaStatus[];
}
