CREATE TABLE "activation_items" (
	"activation_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"serial" text NOT NULL,
	"model_id" uuid NOT NULL,
	"model_name" text NOT NULL,
	"license_type_id" uuid NOT NULL,
	"license_type_name" text NOT NULL,
	"term_months" integer NOT NULL,
	"price_kopecks" bigint NOT NULL,
	"retail_price_kopecks" bigint NOT NULL,
	"vat_mode" text NOT NULL,
	"vat_rate_percent" integer,
	"previous_end" date,
	"new_end" date NOT NULL,
	"pending" boolean DEFAULT true NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"license_text" text,
	"kid" text,
	CONSTRAINT "activation_items_activation_id_device_id_pk" PRIMARY KEY("activation_id","device_id")
);
--> statement-breakpoint
CREATE TABLE "activations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"organization_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"comment" text,
	"error" text,
	"license_count" integer NOT NULL,
	"total_kopecks" bigint NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"request_id" uuid NOT NULL,
	"created_by" uuid,
	"created_by_email" text,
	"created_by_name" text,
	"created_ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "activations_status_check" CHECK ("activations"."status" in ('in_progress', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "device_licenses" (
	"device_id" uuid PRIMARY KEY NOT NULL,
	"activation_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"license_text" text NOT NULL,
	"kid" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "license_signing_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kid" text NOT NULL,
	"public_key_pem" text NOT NULL,
	"private_key_sealed" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "license_signing_keys_status_check" CHECK ("license_signing_keys"."status" in ('active', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "vendor_api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "order_documents" (
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"document_date" date NOT NULL,
	"storage_key" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_documents_order_id_kind_pk" PRIMARY KEY("order_id","kind"),
	CONSTRAINT "order_documents_kind_check" CHECK ("order_documents"."kind" in ('invoice', 'upd'))
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"license_type_id" uuid NOT NULL,
	"name" text NOT NULL,
	"price_kopecks" bigint NOT NULL,
	"quantity" integer NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"vat_mode" text NOT NULL,
	"vat_rate_percent" integer,
	"vat_kopecks" bigint NOT NULL,
	CONSTRAINT "order_lines_order_id_line_no_pk" PRIMARY KEY("order_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "order_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"reference" text NOT NULL,
	"recorded_by" uuid,
	"recorded_by_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_payments_amount_check" CHECK ("order_payments"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"activation_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"invoice_number" text NOT NULL,
	"invoice_year" integer NOT NULL,
	"invoice_seq" integer NOT NULL,
	"order_date" date NOT NULL,
	"status" text DEFAULT 'accepted' NOT NULL,
	"payment_status" text DEFAULT 'pending' NOT NULL,
	"payment_mode" text NOT NULL,
	"postpayment_days" integer,
	"due_date" date NOT NULL,
	"total_kopecks" bigint NOT NULL,
	"vat_kopecks" bigint NOT NULL,
	"contract_title" text NOT NULL,
	"contract_date" date NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"paid_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_status_check" CHECK ("orders"."status" in ('accepted', 'shipped')),
	CONSTRAINT "orders_payment_status_check" CHECK ("orders"."payment_status" in ('pending', 'paid'))
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_terms" ADD COLUMN "vendor_ids" uuid[];--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "integration_url" text;--> statement-breakpoint
ALTER TABLE "activation_items" ADD CONSTRAINT "activation_items_activation_id_activations_id_fk" FOREIGN KEY ("activation_id") REFERENCES "public"."activations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_items" ADD CONSTRAINT "activation_items_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_items" ADD CONSTRAINT "activation_items_model_id_device_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."device_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_items" ADD CONSTRAINT "activation_items_license_type_id_license_types_id_fk" FOREIGN KEY ("license_type_id") REFERENCES "public"."license_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activations" ADD CONSTRAINT "activations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activations" ADD CONSTRAINT "activations_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_licenses" ADD CONSTRAINT "device_licenses_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_licenses" ADD CONSTRAINT "device_licenses_activation_id_activations_id_fk" FOREIGN KEY ("activation_id") REFERENCES "public"."activations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_api_tokens" ADD CONSTRAINT "vendor_api_tokens_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_documents" ADD CONSTRAINT "order_documents_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_license_type_id_license_types_id_fk" FOREIGN KEY ("license_type_id") REFERENCES "public"."license_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_payments" ADD CONSTRAINT "order_payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_activation_id_activations_id_fk" FOREIGN KEY ("activation_id") REFERENCES "public"."activations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activation_items_pending_device_key" ON "activation_items" USING btree ("device_id") WHERE "activation_items"."pending";--> statement-breakpoint
CREATE INDEX "activation_items_device_idx" ON "activation_items" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "activation_items_serial_prefix_idx" ON "activation_items" USING btree ("serial" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "activations_number_key" ON "activations" USING btree ("number");--> statement-breakpoint
CREATE INDEX "activations_org_created_idx" ON "activations" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "activations_request_idx" ON "activations" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "activations_status_idx" ON "activations" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "license_signing_keys_kid_key" ON "license_signing_keys" USING btree ("kid");--> statement-breakpoint
CREATE UNIQUE INDEX "license_signing_keys_one_active_key" ON "license_signing_keys" USING btree ("status") WHERE "license_signing_keys"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_api_tokens_hash_key" ON "vendor_api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "vendor_api_tokens_vendor_idx" ON "vendor_api_tokens" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "order_payments_order_idx" ON "order_payments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_key" ON "orders" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_activation_key" ON "orders" USING btree ("activation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_invoice_key" ON "orders" USING btree ("invoice_year","invoice_seq");--> statement-breakpoint
CREATE INDEX "orders_org_date_idx" ON "orders" USING btree ("organization_id","order_date");--> statement-breakpoint
CREATE INDEX "orders_unpaid_due_idx" ON "orders" USING btree ("due_date") WHERE "orders"."payment_status" = 'pending';