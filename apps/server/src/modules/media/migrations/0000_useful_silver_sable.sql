CREATE SCHEMA "media";
--> statement-breakpoint
CREATE TABLE "media"."media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'uploading' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error_message" text,
	"declared_size" bigint NOT NULL,
	"declared_type" text NOT NULL,
	"filename" text,
	"source_key" text,
	"uploaded_at" timestamp with time zone,
	"source_duration_ms" integer,
	"latest_version" integer DEFAULT 0 NOT NULL,
	"ready_version" integer,
	"ready_prefix" text,
	"poster_key" text,
	"duration_ms" integer,
	"width" integer,
	"height" integer,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media"."media_versions" (
	"media_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'processing' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"edits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_code" text,
	"error_message" text,
	"prefix" text NOT NULL,
	"poster_key" text,
	"has_captions" boolean DEFAULT false NOT NULL,
	"duration_ms" integer,
	"width" integer,
	"height" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp with time zone,
	CONSTRAINT "media_versions_media_id_version_pk" PRIMARY KEY("media_id","version")
);
--> statement-breakpoint
ALTER TABLE "media"."media_versions" ADD CONSTRAINT "media_versions_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "media"."media"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_owner_idx" ON "media"."media" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "media_status_idx" ON "media"."media" USING btree ("status");--> statement-breakpoint
CREATE INDEX "media_versions_lease_idx" ON "media"."media_versions" USING btree ("status","lease_expires_at");