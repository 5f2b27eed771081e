-- Why a video could not play, for `playback_error` events (a code, never text a browser wrote).
ALTER TABLE "analytics"."events" ADD COLUMN "cause" text;
