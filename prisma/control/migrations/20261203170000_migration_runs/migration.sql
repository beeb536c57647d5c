-- CreateEnum
CREATE TYPE "MigrationRunStatus" AS ENUM ('RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED');

-- CreateEnum
CREATE TYPE "MigrationItemStatus" AS ENUM ('PENDING', 'RUNNING', 'MIGRATED', 'SKIPPED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "migration_runs" (
    "id" UUID NOT NULL,
    "status" "MigrationRunStatus" NOT NULL DEFAULT 'RUNNING',
    "target_version" TEXT,
    "canary" INTEGER NOT NULL DEFAULT 0,
    "tenant_filter" TEXT,
    "control_migrations_applied" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "started_by" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "migration_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "migration_run_items" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "datasource_id" UUID NOT NULL,
    "datasource_name" TEXT NOT NULL,
    "tenant_slugs" TEXT[],
    "position" INTEGER NOT NULL,
    "wave" INTEGER NOT NULL DEFAULT 2,
    "status" "MigrationItemStatus" NOT NULL DEFAULT 'PENDING',
    "claimed_by" TEXT,
    "lease_expires_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "migrations_applied" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "schema_version" TEXT,
    "error" TEXT,

    CONSTRAINT "migration_run_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "migration_runs_started_at_idx" ON "migration_runs"("started_at");

-- CreateIndex
CREATE INDEX "migration_run_items_run_id_status_position_idx" ON "migration_run_items"("run_id", "status", "position");

-- CreateIndex
CREATE UNIQUE INDEX "migration_run_items_run_id_datasource_id_key" ON "migration_run_items"("run_id", "datasource_id");

-- AddForeignKey
ALTER TABLE "migration_run_items" ADD CONSTRAINT "migration_run_items_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "migration_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

