CREATE TABLE "device_import_rows" (
	"import_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"row" integer NOT NULL,
	"serial" text NOT NULL,
	"model_id" uuid NOT NULL,
	"subscription_end" date,
	CONSTRAINT "device_import_rows_import_id_attempt_row_pk" PRIMARY KEY("import_id","attempt","row")
);
--> statement-breakpoint
CREATE TABLE "device_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"storage_key" text,
	"size_bytes" bigint NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"total_rows" integer,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text,
	"created_by" uuid,
	"created_by_email" text,
	"created_ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "device_imports_status_check" CHECK ("device_imports"."status" in ('queued', 'reading', 'applying', 'completed', 'failed')),
	CONSTRAINT "device_imports_format_check" CHECK ("device_imports"."format" in ('csv', 'xlsx'))
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial" text NOT NULL,
	"model_id" uuid NOT NULL,
	"subscription_end" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_version_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid,
	"user_email" text,
	"ip" text,
	"user_agent" text,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"text" text,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_versions_content_check" CHECK ("offer_versions"."url" is not null or "offer_versions"."text" is not null)
);
--> statement-breakpoint
CREATE TABLE "partner_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_terms" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"may_activate" boolean DEFAULT false NOT NULL,
	"payment_mode" text DEFAULT 'prepayment' NOT NULL,
	"postpayment_days" integer,
	"account_id" uuid,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_terms_payment_check" CHECK (("partner_terms"."payment_mode" = 'prepayment' and "partner_terms"."postpayment_days" is null) or ("partner_terms"."payment_mode" = 'postpayment' and "partner_terms"."postpayment_days" between 1 and 365))
);
--> statement-breakpoint
CREATE TABLE "device_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"install_method" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_models_install_method_check" CHECK ("device_models"."install_method" is null or "device_models"."install_method" in ('automatic', 'file'))
);
--> statement-breakpoint
CREATE TABLE "license_type_models" (
	"license_type_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	CONSTRAINT "license_type_models_license_type_id_model_id_pk" PRIMARY KEY("license_type_id","model_id")
);
--> statement-breakpoint
CREATE TABLE "license_type_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"license_type_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"partner_price_kopecks" bigint NOT NULL,
	"retail_price_kopecks" bigint NOT NULL,
	"created_by" uuid,
	"created_by_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "license_type_prices_amounts_check" CHECK ("license_type_prices"."partner_price_kopecks" >= 0 and "license_type_prices"."retail_price_kopecks" >= 0)
);
--> statement-breakpoint
CREATE TABLE "license_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"term_months" integer NOT NULL,
	"vat_mode" text NOT NULL,
	"vat_rate_percent" integer,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "license_types_term_check" CHECK ("license_types"."term_months" between 1 and 120),
	CONSTRAINT "license_types_vat_check" CHECK (("license_types"."vat_mode" = 'exempt' and "license_types"."vat_rate_percent" is null) or ("license_types"."vat_mode" = 'rate' and "license_types"."vat_rate_percent" between 0 and 100))
);
--> statement-breakpoint
CREATE TABLE "vendors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"inn" text,
	"kpp" text,
	"ogrn" text NOT NULL,
	"install_method" text NOT NULL,
	"install_note" text DEFAULT '' NOT NULL,
	"instruction_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendors_install_method_check" CHECK ("vendors"."install_method" in ('automatic', 'file'))
);
--> statement-breakpoint
ALTER TABLE "device_import_rows" ADD CONSTRAINT "device_import_rows_import_id_device_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."device_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_model_id_device_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."device_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_acceptances" ADD CONSTRAINT "offer_acceptances_offer_version_id_offer_versions_id_fk" FOREIGN KEY ("offer_version_id") REFERENCES "public"."offer_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_acceptances" ADD CONSTRAINT "offer_acceptances_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_terms" ADD CONSTRAINT "partner_terms_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_terms" ADD CONSTRAINT "partner_terms_account_id_partner_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."partner_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_models" ADD CONSTRAINT "device_models_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_type_models" ADD CONSTRAINT "license_type_models_license_type_id_license_types_id_fk" FOREIGN KEY ("license_type_id") REFERENCES "public"."license_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_type_models" ADD CONSTRAINT "license_type_models_model_id_device_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."device_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_type_prices" ADD CONSTRAINT "license_type_prices_license_type_id_license_types_id_fk" FOREIGN KEY ("license_type_id") REFERENCES "public"."license_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_types" ADD CONSTRAINT "license_types_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_imports_created_idx" ON "device_imports" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_serial_key" ON "devices" USING btree ("serial");--> statement-breakpoint
CREATE INDEX "devices_serial_prefix_idx" ON "devices" USING btree ("serial" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "devices_model_idx" ON "devices" USING btree ("model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_acceptances_version_org_key" ON "offer_acceptances" USING btree ("offer_version_id","organization_id");--> statement-breakpoint
CREATE INDEX "offer_acceptances_org_idx" ON "offer_acceptances" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "offer_versions_published_idx" ON "offer_versions" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "partner_terms_account_idx" ON "partner_terms" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "device_models_vendor_name_key" ON "device_models" USING btree ("vendor_id",lower("name"));--> statement-breakpoint
CREATE INDEX "license_type_models_model_idx" ON "license_type_models" USING btree ("model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "license_type_prices_type_from_key" ON "license_type_prices" USING btree ("license_type_id","valid_from");--> statement-breakpoint
CREATE INDEX "license_types_vendor_idx" ON "license_types" USING btree ("vendor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vendors_name_key" ON "vendors" USING btree (lower("name"));