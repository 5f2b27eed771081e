CREATE SCHEMA "orders";
--> statement-breakpoint
CREATE TABLE "orders"."order_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"window_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"auction_id" uuid,
	"story_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"maker_id" uuid NOT NULL,
	"item_title" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"fee_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"shipping_address_encrypted" text,
	"erase_address_on_close" boolean DEFAULT false NOT NULL,
	"carrier" text,
	"tracking_number" text,
	"paid_at" timestamp with time zone NOT NULL,
	"shipping_reminder_at" timestamp with time zone NOT NULL,
	"shipping_due_at" timestamp with time zone NOT NULL,
	"shipping_reminder_sent_at" timestamp with time zone,
	"overdue_flagged_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"auto_deliver_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"delivered_by" text,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"disputed_at" timestamp with time zone,
	"dispute_reason" text,
	"payout_held_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders"."order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "orders"."order_events" USING btree ("order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_window_key" ON "orders"."orders" USING btree ("window_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_payment_key" ON "orders"."orders" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "orders_buyer_idx" ON "orders"."orders" USING btree ("buyer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_maker_idx" ON "orders"."orders" USING btree ("maker_id","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_open_idx" ON "orders"."orders" USING btree ("status","shipping_due_at") WHERE "orders"."orders"."status" in ('paid', 'shipped', 'delivered');