CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"permissions" text[],
	"product_code" text,
	"vendor_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_kind_check" CHECK ("api_tokens"."kind" in ('integration', 'product', 'vendor')),
	CONSTRAINT "api_tokens_subject_check" CHECK (("api_tokens"."permissions" is not null) = ("api_tokens"."kind" = 'integration') and ("api_tokens"."product_code" is not null) = ("api_tokens"."kind" = 'product') and ("api_tokens"."vendor_id" is not null) = ("api_tokens"."kind" = 'vendor')),
	CONSTRAINT "api_tokens_integration_creator_check" CHECK ("api_tokens"."kind" <> 'integration' or "api_tokens"."created_by" is not null)
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_product_idx" ON "api_tokens" USING btree ("product_code");--> statement-breakpoint
CREATE INDEX "api_tokens_vendor_idx" ON "api_tokens" USING btree ("vendor_id");--> statement-breakpoint
-- Every token issued so far keeps working: same id, hash, prefix and times, its kind from the table it was in.
INSERT INTO "api_tokens" ("id", "kind", "name", "token_hash", "prefix", "permissions", "created_by", "created_at", "last_used_at", "revoked_at")
SELECT "id", 'integration', "name", "token_hash", "prefix", "permissions", "created_by", "created_at", "last_used_at", "revoked_at" FROM "integration_tokens";--> statement-breakpoint
-- The product and vendor tables had no foreign key on created_by: a creator who is not a user is forgotten.
INSERT INTO "api_tokens" ("id", "kind", "name", "token_hash", "prefix", "product_code", "created_by", "created_at", "last_used_at", "revoked_at")
SELECT t."id", 'product', t."name", t."token_hash", t."prefix", t."product_code", u."id", t."created_at", t."last_used_at", t."revoked_at"
FROM "product_api_tokens" t LEFT JOIN "users" u ON u."id" = t."created_by";--> statement-breakpoint
INSERT INTO "api_tokens" ("id", "kind", "name", "token_hash", "prefix", "vendor_id", "created_by", "created_at", "last_used_at", "revoked_at")
SELECT t."id", 'vendor', t."name", t."token_hash", t."prefix", t."vendor_id", u."id", t."created_at", t."last_used_at", t."revoked_at"
FROM "vendor_api_tokens" t LEFT JOIN "users" u ON u."id" = t."created_by";--> statement-breakpoint
DROP TABLE "vendor_api_tokens" CASCADE;--> statement-breakpoint
DROP TABLE "product_api_tokens" CASCADE;--> statement-breakpoint
DROP TABLE "integration_tokens" CASCADE;