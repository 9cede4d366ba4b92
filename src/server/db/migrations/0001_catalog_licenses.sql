CREATE TABLE "articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"product_code" text NOT NULL,
	"version" text NOT NULL,
	"subscription_type" text NOT NULL,
	"agreement" text NOT NULL,
	"license_type" text NOT NULL,
	"period" text NOT NULL,
	"delivery_form" text NOT NULL,
	"support" text NOT NULL,
	"article_year" integer NOT NULL,
	"name" text NOT NULL,
	"price_kopecks" bigint NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "articles_price_check" CHECK ("articles"."price_kopecks" >= 0)
);
--> statement-breakpoint
CREATE TABLE "catalog_codes" (
	"table_key" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_codes_table_key_code_pk" PRIMARY KEY("table_key","code")
);
--> statement-breakpoint
CREATE TABLE "product_api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_code" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "products" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"website_url" text,
	"wiki_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "license_shipments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"serials_count" integer NOT NULL,
	"reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" bigint NOT NULL,
	"article_id" uuid NOT NULL,
	"serial" text NOT NULL,
	"quantity" integer NOT NULL,
	"activated" integer DEFAULT 0 NOT NULL,
	"reference" text,
	"shipment_id" uuid,
	"source" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licenses_quantity_check" CHECK ("licenses"."quantity" >= 1),
	CONSTRAINT "licenses_activated_check" CHECK ("licenses"."activated" >= 0 and "licenses"."activated" <= "licenses"."quantity")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status_code" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
ALTER TABLE "license_shipments" ADD CONSTRAINT "license_shipments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_shipments" ADD CONSTRAINT "license_shipments_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_shipment_id_license_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."license_shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "articles_code_key" ON "articles" USING btree ("code");--> statement-breakpoint
CREATE INDEX "articles_product_idx" ON "articles" USING btree ("product_code");--> statement-breakpoint
CREATE UNIQUE INDEX "product_api_tokens_hash_key" ON "product_api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "product_api_tokens_product_idx" ON "product_api_tokens" USING btree ("product_code");--> statement-breakpoint
CREATE INDEX "license_shipments_org_idx" ON "license_shipments" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_serial_key" ON "licenses" USING btree ("serial");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_org_number_key" ON "licenses" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "licenses_article_idx" ON "licenses" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");