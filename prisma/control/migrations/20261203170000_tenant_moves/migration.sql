-- CreateEnum
CREATE TYPE "TenantMovePhase" AS ENUM ('COPYING', 'READ_ONLY', 'SWITCHED', 'DONE', 'ABORTED');

-- CreateTable
CREATE TABLE "tenant_moves" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "source_datasource_id" UUID NOT NULL,
    "target_datasource_id" UUID NOT NULL,
    "created_database" TEXT,
    "phase" "TenantMovePhase" NOT NULL DEFAULT 'COPYING',
    "previous_status" "TenantStatus" NOT NULL,
    "purge_source" BOOLEAN NOT NULL DEFAULT false,
    "last_error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "tenant_moves_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tenant_move_tables" (
    "move_id" UUID NOT NULL,
    "table_name" TEXT NOT NULL,
    "position" TEXT,
    "copied_rows" INTEGER NOT NULL DEFAULT 0,
    "copied" BOOLEAN NOT NULL DEFAULT false,
    "source_rows" INTEGER,
    "target_rows" INTEGER,
    "source_checksum" TEXT,
    "target_checksum" TEXT,

    CONSTRAINT "tenant_move_tables_pkey" PRIMARY KEY ("move_id","table_name")
);

-- CreateIndex
CREATE INDEX "tenant_moves_tenant_id_started_at_idx" ON "tenant_moves"("tenant_id", "started_at");

-- AddForeignKey
ALTER TABLE "tenant_move_tables" ADD CONSTRAINT "tenant_move_tables_move_id_fkey" FOREIGN KEY ("move_id") REFERENCES "tenant_moves"("id") ON DELETE CASCADE ON UPDATE CASCADE;

