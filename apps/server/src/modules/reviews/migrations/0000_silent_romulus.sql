CREATE SCHEMA "reviews";
--> statement-breakpoint
CREATE TABLE "reviews"."maker_ratings" (
	"maker_id" uuid PRIMARY KEY NOT NULL,
	"rating_sum" integer NOT NULL,
	"rating_count" integer NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "maker_ratings_count_positive" CHECK ("reviews"."maker_ratings"."rating_count" >= 0),
	CONSTRAINT "maker_ratings_sum_in_range" CHECK ("reviews"."maker_ratings"."rating_sum" between "reviews"."maker_ratings"."rating_count" and 5 * "reviews"."maker_ratings"."rating_count")
);
--> statement-breakpoint
CREATE TABLE "reviews"."review_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"reporter_id" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"resolved_at" timestamp (3) with time zone,
	"resolved_by" uuid,
	"resolution" text,
	CONSTRAINT "review_reports_resolution_known" CHECK ("reviews"."review_reports"."resolution" is null or "reviews"."review_reports"."resolution" in ('removed', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "reviews"."reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"maker_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"story_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"text" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"reply_text" text,
	"replied_at" timestamp (3) with time zone,
	"removed_at" timestamp (3) with time zone,
	"removed_by" uuid,
	"removed_reason" text,
	"text_erased_at" timestamp (3) with time zone,
	"reply_erased_at" timestamp (3) with time zone,
	CONSTRAINT "reviews_rating_range" CHECK ("reviews"."reviews"."rating" between 1 and 5),
	CONSTRAINT "reviews_text_length" CHECK ("reviews"."reviews"."text" is null or char_length("reviews"."reviews"."text") between 1 and 1000),
	CONSTRAINT "reviews_reply_length" CHECK ("reviews"."reviews"."reply_text" is null or char_length("reviews"."reviews"."reply_text") between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "reviews"."review_reports" ADD CONSTRAINT "review_reports_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "reviews"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_reports_reporter_key" ON "reviews"."review_reports" USING btree ("review_id","reporter_id");--> statement-breakpoint
CREATE INDEX "review_reports_open_idx" ON "reviews"."review_reports" USING btree ("created_at","id") WHERE "reviews"."review_reports"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "review_reports_review_idx" ON "reviews"."review_reports" USING btree ("review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_order_key" ON "reviews"."reviews" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "reviews_maker_listed_idx" ON "reviews"."reviews" USING btree ("maker_id","created_at","id") WHERE "reviews"."reviews"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "reviews_buyer_idx" ON "reviews"."reviews" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "reviews_maker_idx" ON "reviews"."reviews" USING btree ("maker_id");