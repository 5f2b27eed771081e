-- The analytics event log is append-only: no event is ever changed or removed (rollups are
-- rebuilt from it, and exports to the warehouse must be repeatable).
CREATE FUNCTION "analytics"."refuse_event_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'analytics.events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "events_append_only" BEFORE UPDATE OR DELETE ON "analytics"."events"
  FOR EACH ROW EXECUTE FUNCTION "analytics"."refuse_event_change"();
--> statement-breakpoint
CREATE TRIGGER "events_no_truncate" BEFORE TRUNCATE ON "analytics"."events"
  FOR EACH STATEMENT EXECUTE FUNCTION "analytics"."refuse_event_change"();
