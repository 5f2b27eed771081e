CREATE SCHEMA "conversations";
--> statement-breakpoint
CREATE TABLE "conversations"."blocks" (
	"blocker_id" uuid NOT NULL,
	"blocked_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "blocks_blocker_id_blocked_id_pk" PRIMARY KEY("blocker_id","blocked_id"),
	CONSTRAINT "blocks_not_self" CHECK ("conversations"."blocks"."blocker_id" <> "conversations"."blocks"."blocked_id")
);
--> statement-breakpoint
CREATE TABLE "conversations"."conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"story_id" uuid NOT NULL,
	"user_a" uuid NOT NULL,
	"user_b" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "conversations_pair_ordered" CHECK ("conversations"."conversations"."user_a" < "conversations"."conversations"."user_b"),
	CONSTRAINT "conversations_subject_known" CHECK ("conversations"."conversations"."subject_type" in ('story', 'order'))
);
--> statement-breakpoint
CREATE TABLE "conversations"."message_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"reporter_id" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversations"."messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"sender_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"erased_at" timestamp with time zone,
	CONSTRAINT "messages_text_length" CHECK ("conversations"."messages"."erased_at" is not null or char_length("conversations"."messages"."text") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "conversations"."participants" (
	"conversation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"other_user_id" uuid NOT NULL,
	"last_activity_at" timestamp (3) with time zone NOT NULL,
	"last_read_at" timestamp (3) with time zone,
	"unread_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "participants_conversation_id_user_id_pk" PRIMARY KEY("conversation_id","user_id"),
	CONSTRAINT "participants_unread_positive" CHECK ("conversations"."participants"."unread_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "conversations"."message_reports" ADD CONSTRAINT "message_reports_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "conversations"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations"."message_reports" ADD CONSTRAINT "message_reports_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "conversations"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations"."messages" ADD CONSTRAINT "messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "conversations"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations"."participants" ADD CONSTRAINT "participants_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "conversations"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blocks_blocked_idx" ON "conversations"."blocks" USING btree ("blocked_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_pair_subject_key" ON "conversations"."conversations" USING btree ("subject_type","subject_id","user_a","user_b");--> statement-breakpoint
CREATE UNIQUE INDEX "message_reports_reporter_key" ON "conversations"."message_reports" USING btree ("message_id","reporter_id");--> statement-breakpoint
CREATE INDEX "message_reports_created_idx" ON "conversations"."message_reports" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "message_reports_conversation_idx" ON "conversations"."message_reports" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "messages_thread_idx" ON "conversations"."messages" USING btree ("conversation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "messages_sender_idx" ON "conversations"."messages" USING btree ("sender_id");--> statement-breakpoint
CREATE INDEX "participants_user_activity_idx" ON "conversations"."participants" USING btree ("user_id","last_activity_at","conversation_id");