CREATE SCHEMA "stories";
--> statement-breakpoint
CREATE TABLE "stories"."daily_views" (
	"story_id" uuid NOT NULL,
	"viewer_key" text NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "daily_views_story_id_viewer_key_day_pk" PRIMARY KEY("story_id","viewer_key","day")
);
--> statement-breakpoint
CREATE TABLE "stories"."likes" (
	"story_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "likes_story_id_user_id_pk" PRIMARY KEY("story_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "stories"."reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reporter_id" uuid,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution_note" text,
	CONSTRAINT "reports_target_known" CHECK ("stories"."reports"."target_type" in ('story', 'user')),
	CONSTRAINT "reports_status_known" CHECK ("stories"."reports"."status" in ('open', 'actioned', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "stories"."stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"maker_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text DEFAULT 'other' NOT NULL,
	"hero_media_id" uuid,
	"gallery_media_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"process_steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"materials" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"location_city" text,
	"location_country" text,
	"location_lat" double precision,
	"location_lng" double precision,
	"min_offer_minor" bigint,
	"currency" text,
	"auto_reject_below_min" boolean,
	"reserve_minor" bigint,
	"buy_now_minor" bigint,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp (3) with time zone,
	"moderated_at" timestamp with time zone,
	"moderation_reason" text,
	"like_count" integer DEFAULT 0 NOT NULL,
	"view_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stories_title_length" CHECK (char_length("stories"."stories"."title") between 1 and 200),
	CONSTRAINT "stories_category_known" CHECK ("stories"."stories"."category" in ('ceramics', 'woodwork', 'textiles', 'jewelry', 'glass', 'leather', 'metalwork', 'paper', 'other')),
	CONSTRAINT "stories_status_known" CHECK ("stories"."stories"."status" in ('draft', 'published', 'archived')),
	CONSTRAINT "stories_published_has_time" CHECK ("stories"."stories"."status" <> 'published' or "stories"."stories"."published_at" is not null),
	CONSTRAINT "stories_offer_policy_whole" CHECK (("stories"."stories"."min_offer_minor" is null) = ("stories"."stories"."currency" is null) and ("stories"."stories"."currency" is null) = ("stories"."stories"."auto_reject_below_min" is null)),
	CONSTRAINT "stories_money_positive" CHECK (coalesce("stories"."stories"."min_offer_minor", 1) > 0 and coalesce("stories"."stories"."reserve_minor", 1) > 0 and coalesce("stories"."stories"."buy_now_minor", 1) > 0),
	CONSTRAINT "stories_counters_positive" CHECK ("stories"."stories"."like_count" >= 0 and "stories"."stories"."view_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "stories"."daily_views" ADD CONSTRAINT "daily_views_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "stories"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories"."likes" ADD CONSTRAINT "likes_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "stories"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "daily_views_viewer_idx" ON "stories"."daily_views" USING btree ("viewer_key");--> statement-breakpoint
CREATE INDEX "likes_user_idx" ON "stories"."likes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_open_once_key" ON "stories"."reports" USING btree ("reporter_id","target_type","target_id") WHERE "stories"."reports"."status" = 'open';--> statement-breakpoint
CREATE INDEX "reports_queue_idx" ON "stories"."reports" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reports_target_idx" ON "stories"."reports" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "stories_feed_idx" ON "stories"."stories" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "stories"."stories"."status" = 'published';--> statement-breakpoint
CREATE INDEX "stories_feed_category_idx" ON "stories"."stories" USING btree ("category","published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "stories"."stories"."status" = 'published';--> statement-breakpoint
CREATE INDEX "stories_maker_idx" ON "stories"."stories" USING btree ("maker_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);