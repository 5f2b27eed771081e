ALTER TABLE "notifications"."notifications" ADD COLUMN "message_key" text;--> statement-breakpoint
ALTER TABLE "notifications"."notifications" ADD COLUMN "message_values" jsonb;