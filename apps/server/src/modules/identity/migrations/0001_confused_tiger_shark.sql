CREATE TABLE "identity"."federated_nonces" (
	"nonce_hash" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity"."signing_keys" ADD COLUMN "activates_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "federated_nonces_expires_idx" ON "identity"."federated_nonces" USING btree ("expires_at");