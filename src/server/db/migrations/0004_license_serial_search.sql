-- Trigrams for «поиск по серийному номеру» by any fragment (a trusted extension since PostgreSQL 13: the
-- database owner may create it; PGlite loads it in db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "licenses_serial_search_idx" ON "licenses" USING gin (replace("serial", '-', '') gin_trgm_ops);