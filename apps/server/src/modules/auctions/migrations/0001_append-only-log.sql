-- The auction event log is append-only: no row is ever changed or removed.
CREATE FUNCTION "auctions"."refuse_event_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'auctions.auction_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "auction_events_append_only" BEFORE UPDATE OR DELETE ON "auctions"."auction_events"
  FOR EACH ROW EXECUTE FUNCTION "auctions"."refuse_event_change"();
--> statement-breakpoint
CREATE TRIGGER "auction_events_no_truncate" BEFORE TRUNCATE ON "auctions"."auction_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "auctions"."refuse_event_change"();
--> statement-breakpoint
-- Bids are never removed, and once recorded only their void flags may change (an admin's void).
CREATE FUNCTION "auctions"."guard_bid_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'auctions.bids rows are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.auction_id, NEW.sequence, NEW.bidder_id, NEW.kind, NEW.amount_minor, NEW.max_amount_minor,
      NEW.request_id, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.auction_id, OLD.sequence, OLD.bidder_id, OLD.kind, OLD.amount_minor, OLD.max_amount_minor,
      OLD.request_id, OLD.created_at) THEN
    RAISE EXCEPTION 'auctions.bids: only the void flags of a bid may change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.voided AND NOT NEW.voided THEN
    RAISE EXCEPTION 'auctions.bids: a voided bid stays voided' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "bids_guard" BEFORE UPDATE OR DELETE ON "auctions"."bids"
  FOR EACH ROW EXECUTE FUNCTION "auctions"."guard_bid_change"();
