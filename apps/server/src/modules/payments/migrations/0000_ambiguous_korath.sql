CREATE SCHEMA "payments";
--> statement-breakpoint
CREATE TABLE "payments"."checkout_sessions" (
	"window_id" uuid PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"provider_session_id" text,
	"url" text,
	"story_id" uuid NOT NULL,
	"auction_id" uuid,
	"buyer_id" uuid NOT NULL,
	"maker_id" uuid NOT NULL,
	"item_title" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"fee_minor" bigint NOT NULL,
	"charge_mode" text NOT NULL,
	"destination_account_id" text,
	"window_expires_at" timestamp with time zone NOT NULL,
	"session_expires_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"last_failure_message" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments"."payment_accounts" (
	"maker_id" uuid PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"account_id" text NOT NULL,
	"payouts_enabled" boolean DEFAULT false NOT NULL,
	"charges_enabled" boolean DEFAULT false NOT NULL,
	"details_submitted" boolean DEFAULT false NOT NULL,
	"last_event_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments"."payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"window_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"provider_session_id" text NOT NULL,
	"payment_intent_id" text NOT NULL,
	"charge_id" text,
	"buyer_id" uuid NOT NULL,
	"maker_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"fee_minor" bigint NOT NULL,
	"charge_mode" text NOT NULL,
	"destination_account_id" text,
	"outcome" text NOT NULL,
	"order_id" uuid,
	"refund_reserved_minor" bigint DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"disputed_at" timestamp with time zone,
	"paid_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments"."payouts" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"payment_id" uuid NOT NULL,
	"maker_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"charge_mode" text NOT NULL,
	"status" text NOT NULL,
	"held_reason" text,
	"transfer_id" text,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments"."refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"order_id" uuid,
	"amount_minor" bigint NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid,
	"status" text NOT NULL,
	"provider_refund_id" text,
	"failure_message" text,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payments"."webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"sealed_body" text,
	"created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"waiting_for" text,
	"applied_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "payments"."payouts" ADD CONSTRAINT "payouts_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "payments"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments"."refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "payments"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkout_sessions_provider_session_key" ON "payments"."checkout_sessions" USING btree ("provider_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_accounts_account_key" ON "payments"."payment_accounts" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_window_key" ON "payments"."payments" USING btree ("window_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_payment_intent_key" ON "payments"."payments" USING btree ("payment_intent_id");--> statement-breakpoint
CREATE INDEX "payments_buyer_idx" ON "payments"."payments" USING btree ("buyer_id","paid_at");--> statement-breakpoint
CREATE INDEX "payouts_maker_idx" ON "payments"."payouts" USING btree ("maker_id","status");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "payments"."refunds" USING btree ("payment_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_events_received_idx" ON "payments"."webhook_events" USING btree ("received_at") WHERE "payments"."webhook_events"."status" = 'received';--> statement-breakpoint
CREATE INDEX "webhook_events_waiting_idx" ON "payments"."webhook_events" USING btree ("waiting_for") WHERE "payments"."webhook_events"."status" = 'deferred';