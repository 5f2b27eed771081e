ALTER TABLE "identity"."otp_codes" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "identity"."users" ADD COLUMN "locale" text;