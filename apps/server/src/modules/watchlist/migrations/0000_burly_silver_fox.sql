CREATE SCHEMA "watchlist";
--> statement-breakpoint
CREATE TABLE "watchlist"."watches" (
	"user_id" uuid NOT NULL,
	"story_id" uuid NOT NULL,
	"watched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "watches_user_id_story_id_pk" PRIMARY KEY("user_id","story_id")
);
--> statement-breakpoint
CREATE INDEX "watches_user_idx" ON "watchlist"."watches" USING btree ("user_id","watched_at","story_id");--> statement-breakpoint
CREATE INDEX "watches_story_idx" ON "watchlist"."watches" USING btree ("story_id","watched_at");