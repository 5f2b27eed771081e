CREATE TABLE "platform"."job_workers" (
	"worker_id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "job_workers_seen_idx" ON "platform"."job_workers" USING btree ("seen_at");