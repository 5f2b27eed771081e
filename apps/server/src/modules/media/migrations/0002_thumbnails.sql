ALTER TABLE "media"."media" ADD COLUMN "thumb_key" text;--> statement-breakpoint
ALTER TABLE "media"."media_versions" ADD COLUMN "thumb_key" text;