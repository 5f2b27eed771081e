CREATE SCHEMA "social";
--> statement-breakpoint
CREATE TABLE "social"."follower_counts" (
	"maker_id" uuid PRIMARY KEY NOT NULL,
	"follower_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social"."follows" (
	"maker_id" uuid NOT NULL,
	"follower_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_maker_id_follower_id_pk" PRIMARY KEY("maker_id","follower_id")
);
--> statement-breakpoint
CREATE INDEX "follows_follower_idx" ON "social"."follows" USING btree ("follower_id","created_at" DESC NULLS LAST,"maker_id" DESC NULLS LAST);