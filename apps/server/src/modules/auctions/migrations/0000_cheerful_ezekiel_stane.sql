CREATE SCHEMA "auctions";
--> statement-breakpoint
CREATE TABLE "auctions"."auction_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"auction_id" uuid,
	"story_id" uuid NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auctions"."auctions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"story_id" uuid NOT NULL,
	"maker_id" uuid NOT NULL,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"reserve_minor" bigint,
	"opening_minimum_minor" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"leader_id" uuid,
	"high_bid_minor" bigint,
	"last_sequence" integer NOT NULL,
	"bid_count" integer NOT NULL,
	"ended_at" timestamp with time zone,
	"maker_decision_deadline" timestamp with time zone,
	"winner_id" uuid,
	"winning_amount_minor" bigint,
	"winner_source" text,
	"payment_due_at" timestamp with time zone,
	"failed_winner_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"ending_soon_notified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auctions"."bidders" (
	"auction_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"alias_number" integer NOT NULL,
	CONSTRAINT "bidders_auction_id_user_id_pk" PRIMARY KEY("auction_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "auctions"."bids" (
	"id" text PRIMARY KEY NOT NULL,
	"auction_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"bidder_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"max_amount_minor" bigint NOT NULL,
	"request_id" text NOT NULL,
	"voided" boolean DEFAULT false NOT NULL,
	"void_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auctions"."maxima" (
	"auction_id" uuid NOT NULL,
	"bidder_id" uuid NOT NULL,
	"max_amount_minor" bigint NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"set_sequence" integer NOT NULL,
	CONSTRAINT "maxima_auction_id_bidder_id_pk" PRIMARY KEY("auction_id","bidder_id")
);
--> statement-breakpoint
CREATE TABLE "auctions"."offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"story_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"auction_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "auctions"."payment_windows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"auction_id" uuid,
	"story_id" uuid NOT NULL,
	"maker_id" uuid NOT NULL,
	"winner_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "auctions"."story_markets" (
	"story_id" uuid PRIMARY KEY NOT NULL,
	"current_auction_id" uuid,
	"reserved_window_id" uuid,
	"reserved_until" timestamp with time zone,
	"sold_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auctions"."strikes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"window_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auctions"."bidders" ADD CONSTRAINT "bidders_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auctions"."auctions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions"."bids" ADD CONSTRAINT "bids_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auctions"."auctions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions"."maxima" ADD CONSTRAINT "maxima_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auctions"."auctions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auction_events_auction_idx" ON "auctions"."auction_events" USING btree ("auction_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "auction_events_one_end" ON "auctions"."auction_events" USING btree ("auction_id") WHERE "auctions"."auction_events"."type" = 'ended';--> statement-breakpoint
CREATE UNIQUE INDEX "auctions_one_open_per_story" ON "auctions"."auctions" USING btree ("story_id") WHERE "auctions"."auctions"."status" in ('active', 'ended', 'awaiting_payment', 'payment_expired', 'paid');--> statement-breakpoint
CREATE INDEX "auctions_status_ends_idx" ON "auctions"."auctions" USING btree ("status","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bidders_alias_key" ON "auctions"."bidders" USING btree ("auction_id","alias_number");--> statement-breakpoint
CREATE UNIQUE INDEX "bids_auction_sequence_key" ON "auctions"."bids" USING btree ("auction_id","sequence");--> statement-breakpoint
CREATE INDEX "bids_bidder_idx" ON "auctions"."bids" USING btree ("bidder_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_one_pending_per_user" ON "auctions"."offers" USING btree ("story_id","user_id") WHERE "auctions"."offers"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "offers_story_idx" ON "auctions"."offers" USING btree ("story_id","status","created_at");--> statement-breakpoint
CREATE INDEX "offers_user_idx" ON "auctions"."offers" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_windows_one_open_per_story" ON "auctions"."payment_windows" USING btree ("story_id") WHERE "auctions"."payment_windows"."status" = 'open';--> statement-breakpoint
CREATE INDEX "payment_windows_auction_idx" ON "auctions"."payment_windows" USING btree ("auction_id","opens_at");--> statement-breakpoint
CREATE INDEX "payment_windows_winner_idx" ON "auctions"."payment_windows" USING btree ("winner_id","opens_at");--> statement-breakpoint
CREATE UNIQUE INDEX "strikes_window_key" ON "auctions"."strikes" USING btree ("window_id");--> statement-breakpoint
CREATE INDEX "strikes_user_idx" ON "auctions"."strikes" USING btree ("user_id");