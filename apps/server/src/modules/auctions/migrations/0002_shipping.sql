CREATE TABLE "auctions"."ship_to" (
	"story_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"country" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ship_to_story_id_user_id_pk" PRIMARY KEY("story_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "auctions"."payment_windows" ADD COLUMN "shipping_country" text;--> statement-breakpoint
ALTER TABLE "auctions"."payment_windows" ADD COLUMN "shipping_minor" bigint DEFAULT 0 NOT NULL;