import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MigrationItemStatus, MigrationRunStatus } from '../generated/control/enums.js';
import { Connection } from '../graphql/pagination/connection.js';

registerEnumType(MigrationRunStatus, {
  name: 'MigrationRunStatus',
  description: 'RUNNING (workers may still be on it), COMPLETED, FAILED (a datasource failed or a canary stopped it), INTERRUPTED (resume it).',
});
registerEnumType(MigrationItemStatus, {
  name: 'MigrationItemStatus',
  description: 'MIGRATED, SKIPPED (already current), FAILED, CANCELLED (a canary failed), PENDING, RUNNING.',
});

/** The outcome fields a datasource and each of its tenants share. */
@ObjectType()
abstract class MigrationOutcomeFields {
  @Field()
  datasourceName!: string;

  @Field(() => MigrationItemStatus)
  status!: MigrationItemStatus;

  @Field(() => Int, { nullable: true, description: 'Milliseconds the datasource took.' })
  durationMs!: number | null;

  @Field(() => [String])
  migrationsApplied!: string[];

  @Field(() => String, { nullable: true, description: 'The schema version the datasource reached.' })
  schemaVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it failed (never a URL or password).' })
  error!: string | null;
}

/** One datasource of a run. */
@ObjectType({ description: 'One datasource of a migration run (a pooled one once for all its tenants).' })
export class MigrationRunDatasource extends MigrationOutcomeFields {
  @Field(() => ID)
  datasourceId!: string;

  @Field(() => [String])
  tenantSlugs!: string[];

  @Field(() => Int, { description: 'Claims of it so far (more than 1 when a crashed worker’s claim was taken over).' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'The worker (`host:pid:random`) that last claimed it.' })
  claimedBy!: string | null;
}

/** One tenant of a run: its datasource's outcome. */
@ObjectType({ description: "One tenant's outcome in a migration run (its datasource's)." })
export class MigrationTenantOutcome extends MigrationOutcomeFields {
  @Field()
  tenantSlug!: string;
}

/** Datasources of a run by status. */
@ObjectType()
export class MigrationRunCounts {
  @Field(() => Int) pending!: number;
  @Field(() => Int) running!: number;
  @Field(() => Int) migrated!: number;
  @Field(() => Int) skipped!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) cancelled!: number;
}

/** One `tenantgate migrate` run from the ledger. */
@ObjectType({ description: 'One `tenantgate migrate` run from the run ledger in the control plane.' })
export class MigrationRun {
  @Field(() => ID)
  id!: string;

  @Field(() => MigrationRunStatus)
  status!: MigrationRunStatus;

  @Field(() => String, { nullable: true, description: 'The newest tenant migration the run migrates to.' })
  targetVersion!: string | null;

  @Field(() => Int, { description: 'Size of the canary wave; 0 for none.' })
  canary!: number;

  @Field(() => String, { nullable: true, description: 'The tenant slug the run was limited to.' })
  tenantFilter!: string | null;

  @Field(() => [String])
  controlMigrationsApplied!: string[];

  @Field()
  startedBy!: string;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType()
export class MigrationRunConnection extends Connection(MigrationRun, 'MigrationRun') {}
