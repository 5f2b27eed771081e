ALTER TABLE "payments"."checkout_sessions" ADD COLUMN "shipping_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments"."checkout_sessions" ADD COLUMN "shipping_country" text;--> statement-breakpoint
ALTER TABLE "payments"."payments" ADD COLUMN "shipping_minor" bigint DEFAULT 0 NOT NULL;