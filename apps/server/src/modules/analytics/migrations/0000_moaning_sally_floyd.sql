CREATE SCHEMA "analytics";
--> statement-breakpoint
CREATE TABLE "analytics"."daily_maker_revenue" (
	"day" date NOT NULL,
	"maker_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "daily_maker_revenue_day_maker_id_currency_pk" PRIMARY KEY("day","maker_id","currency")
);
--> statement-breakpoint
CREATE TABLE "analytics"."daily_maker_stats" (
	"day" date NOT NULL,
	"maker_id" uuid NOT NULL,
	"feed_impressions" integer NOT NULL,
	"views" integer NOT NULL,
	"unique_viewers" integer NOT NULL,
	"plays" integer NOT NULL,
	"watch_throughs" integer NOT NULL,
	"likes" integer NOT NULL,
	"offers" integer NOT NULL,
	"bids" integer NOT NULL,
	"payments" integer NOT NULL,
	CONSTRAINT "daily_maker_stats_day_maker_id_pk" PRIMARY KEY("day","maker_id")
);
--> statement-breakpoint
CREATE TABLE "analytics"."daily_story_revenue" (
	"day" date NOT NULL,
	"story_id" uuid NOT NULL,
	"maker_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "daily_story_revenue_day_story_id_currency_pk" PRIMARY KEY("day","story_id","currency")
);
--> statement-breakpoint
CREATE TABLE "analytics"."daily_story_stats" (
	"day" date NOT NULL,
	"story_id" uuid NOT NULL,
	"maker_id" uuid NOT NULL,
	"feed_impressions" integer NOT NULL,
	"views" integer NOT NULL,
	"unique_viewers" integer NOT NULL,
	"plays" integer NOT NULL,
	"watch_throughs" integer NOT NULL,
	"likes" integer NOT NULL,
	"offers" integer NOT NULL,
	"bids" integer NOT NULL,
	"payments" integer NOT NULL,
	CONSTRAINT "daily_story_stats_day_story_id_pk" PRIMARY KEY("day","story_id")
);
--> statement-breakpoint
CREATE TABLE "analytics"."events" (
	"id" bigserial NOT NULL,
	"type" text NOT NULL,
	"source" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"client_time" timestamp (3) with time zone,
	"user_id" uuid,
	"anonymous_id" uuid,
	"story_id" uuid,
	"maker_id" uuid,
	"media_id" uuid,
	"auction_id" uuid,
	"position_ms" integer,
	"duration_ms" integer,
	"feed_position" integer,
	"amount_minor" bigint,
	"currency" text,
	CONSTRAINT "events_pkey" PRIMARY KEY("occurred_at","id")
);
--> statement-breakpoint
CREATE TABLE "analytics"."rollups" (
	"day" date PRIMARY KEY NOT NULL,
	"rolled_up_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "daily_maker_revenue_maker_idx" ON "analytics"."daily_maker_revenue" USING btree ("maker_id","day");--> statement-breakpoint
CREATE INDEX "daily_maker_stats_maker_idx" ON "analytics"."daily_maker_stats" USING btree ("maker_id","day");--> statement-breakpoint
CREATE INDEX "daily_story_revenue_story_idx" ON "analytics"."daily_story_revenue" USING btree ("story_id","day");--> statement-breakpoint
CREATE INDEX "daily_story_stats_story_idx" ON "analytics"."daily_story_stats" USING btree ("story_id","day");--> statement-breakpoint
CREATE INDEX "events_story_idx" ON "analytics"."events" USING btree ("story_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_maker_idx" ON "analytics"."events" USING btree ("maker_id","occurred_at");