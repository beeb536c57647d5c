-- CreateTable
CREATE TABLE "datasource_schema_status" (
    "datasource_id" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "latest" TEXT,
    "applied" INTEGER NOT NULL DEFAULT 0,
    "pending" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "failed" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "modified" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "error" TEXT,
    "target_version" TEXT,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "datasource_schema_status_pkey" PRIMARY KEY ("datasource_id")
);

-- AddForeignKey
ALTER TABLE "datasource_schema_status" ADD CONSTRAINT "datasource_schema_status_datasource_id_fkey" FOREIGN KEY ("datasource_id") REFERENCES "datasources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
