-- Search runs in PostgreSQL: trigram similarity (pg_trgm) for misspelt words and maker names,
-- accent folding (unaccent) behind an immutable wrapper so that it may feed stored vectors.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
--> statement-breakpoint
CREATE FUNCTION "stories"."vw_unaccent"(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
CREATE TABLE "stories"."search_documents" (
	"story_id" uuid PRIMARY KEY NOT NULL,
	"maker_id" uuid NOT NULL,
	"visible" boolean NOT NULL,
	"category" text NOT NULL,
	"maker_country" text,
	"document" "tsvector" NOT NULL,
	"buy_now_minor" bigint,
	"min_offer_minor" bigint,
	"auction_live" boolean DEFAULT false NOT NULL,
	"auction_ends_at" timestamp (3) with time zone,
	"high_bid_minor" bigint,
	"price_minor" bigint GENERATED ALWAYS AS (coalesce(case when auction_live then high_bid_minor end, buy_now_minor, min_offer_minor, 0)) STORED NOT NULL,
	"published_at" timestamp (3) with time zone,
	"ending_group" integer GENERATED ALWAYS AS (case when auction_live then 0 else 1 end) STORED NOT NULL,
	"ending_key" double precision GENERATED ALWAYS AS (case when auction_live then extract(epoch from (auction_ends_at at time zone 'UTC')) else -coalesce(extract(epoch from (published_at at time zone 'UTC')), 0) end) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stories"."search_makers" (
	"maker_id" uuid PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"city" text,
	"country" text,
	"visible" boolean NOT NULL,
	"name_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stories"."search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stories"."search_documents" ADD CONSTRAINT "search_documents_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "stories"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_text_idx" ON "stories"."search_documents" USING gin ("document") WHERE "stories"."search_documents"."visible";--> statement-breakpoint
CREATE INDEX "search_documents_newest_idx" ON "stories"."search_documents" USING btree ("published_at" DESC NULLS LAST,"story_id" DESC NULLS LAST) WHERE "stories"."search_documents"."visible";--> statement-breakpoint
CREATE INDEX "search_documents_price_idx" ON "stories"."search_documents" USING btree ("price_minor","story_id") WHERE "stories"."search_documents"."visible";--> statement-breakpoint
CREATE INDEX "search_documents_ending_idx" ON "stories"."search_documents" USING btree ("ending_group","ending_key","story_id") WHERE "stories"."search_documents"."visible";--> statement-breakpoint
CREATE INDEX "search_documents_category_idx" ON "stories"."search_documents" USING btree ("category") WHERE "stories"."search_documents"."visible";--> statement-breakpoint
CREATE INDEX "search_documents_maker_idx" ON "stories"."search_documents" USING btree ("maker_id");--> statement-breakpoint
CREATE INDEX "search_makers_trgm_idx" ON "stories"."search_makers" USING gin ("name_key" gin_trgm_ops) WHERE "stories"."search_makers"."visible";--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "stories"."search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- The text of a story below its title: description, the sections of how it was made, materials.
CREATE FUNCTION "stories"."search_body"(description text, steps jsonb, materials text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT concat_ws(' ', description,
    (SELECT string_agg(concat_ws(' ', s->>'title', s->>'body'), ' ') FROM jsonb_array_elements(coalesce(steps, '[]'::jsonb)) s),
    array_to_string(materials, ' ')) $$;
--> statement-breakpoint
-- The weighted vector: title A, maker's display name B, category C, the rest D; unaccented, English stems.
CREATE FUNCTION "stories"."search_vector"(title text, maker_name text, category text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('english'::regconfig, "stories"."vw_unaccent"(coalesce(title, ''))), 'A')
    || setweight(to_tsvector('english'::regconfig, "stories"."vw_unaccent"(coalesce(maker_name, ''))), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(category, '')), 'C')
    || setweight(to_tsvector('english'::regconfig, "stories"."vw_unaccent"(coalesce(body, ''))), 'D') $$;
--> statement-breakpoint
-- Adds the words of five letters or more of a text to the vocabulary misspellings are matched against.
CREATE FUNCTION "stories"."add_search_words"(content text) RETURNS void LANGUAGE sql
  AS $$ INSERT INTO "stories"."search_words" (word)
    SELECT DISTINCT w FROM regexp_split_to_table(lower("stories"."vw_unaccent"(coalesce(content, ''))), '[^[:alnum:]]+') w
     WHERE char_length(w) BETWEEN 5 AND 40 ORDER BY w
    ON CONFLICT DO NOTHING $$;
--> statement-breakpoint
-- Rewrites a story's search document from the story row and its maker's current profile and account.
CREATE FUNCTION "stories"."sync_search_document"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  maker_name text;
  maker_country text;
  maker_active boolean;
  body text := "stories"."search_body"(NEW.description, NEW.process_steps, NEW.materials);
BEGIN
  SELECT p.display_name, p.country INTO maker_name, maker_country FROM identity.maker_profiles p WHERE p.user_id = NEW.maker_id;
  SELECT u.status = 'active' INTO maker_active FROM identity.users u WHERE u.id = NEW.maker_id;
  INSERT INTO "stories"."search_documents" AS d
    (story_id, maker_id, visible, category, maker_country, document, buy_now_minor, min_offer_minor, published_at)
  VALUES (NEW.id, NEW.maker_id, NEW.status = 'published' AND NEW.moderated_at IS NULL AND coalesce(maker_active, false),
    NEW.category, maker_country, "stories"."search_vector"(NEW.title, maker_name, NEW.category, body),
    NEW.buy_now_minor, NEW.min_offer_minor, NEW.published_at)
  ON CONFLICT (story_id) DO UPDATE SET maker_id = excluded.maker_id, visible = excluded.visible,
    category = excluded.category, maker_country = excluded.maker_country, document = excluded.document,
    buy_now_minor = excluded.buy_now_minor, min_offer_minor = excluded.min_offer_minor, published_at = excluded.published_at;
  PERFORM "stories"."add_search_words"(concat_ws(' ', NEW.title, body));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "stories_search_document" AFTER INSERT OR UPDATE OF
  maker_id, title, description, category, process_steps, materials, status, moderated_at, buy_now_minor, min_offer_minor, published_at
  ON "stories"."stories" FOR EACH ROW EXECUTE FUNCTION "stories"."sync_search_document"();
--> statement-breakpoint
-- A maker's profile or account changed: their search entry and every document of theirs follow.
CREATE FUNCTION "stories"."refresh_search_maker"(maker uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  profile record;
  active boolean;
BEGIN
  SELECT p.display_name, p.city, p.country INTO profile FROM identity.maker_profiles p WHERE p.user_id = maker;
  IF NOT FOUND THEN
    DELETE FROM "stories"."search_makers" WHERE maker_id = maker;
    RETURN;
  END IF;
  SELECT u.status = 'active' INTO active FROM identity.users u WHERE u.id = maker;
  active := coalesce(active, false);
  INSERT INTO "stories"."search_makers" AS m (maker_id, display_name, city, country, visible, name_key)
  VALUES (maker, profile.display_name, profile.city, profile.country, active,
    lower("stories"."vw_unaccent"(concat_ws(' ', profile.display_name, profile.city))))
  ON CONFLICT (maker_id) DO UPDATE SET display_name = excluded.display_name, city = excluded.city,
    country = excluded.country, visible = excluded.visible, name_key = excluded.name_key;
  PERFORM "stories"."add_search_words"(profile.display_name);
  UPDATE "stories"."search_documents" d
     SET maker_country = profile.country,
         visible = s.status = 'published' AND s.moderated_at IS NULL AND active,
         document = "stories"."search_vector"(s.title, profile.display_name, s.category,
           "stories"."search_body"(s.description, s.process_steps, s.materials))
    FROM "stories"."stories" s
   WHERE s.id = d.story_id AND d.maker_id = maker;
END $$;
--> statement-breakpoint
CREATE FUNCTION "stories"."sync_search_maker_profile"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "stories"."refresh_search_maker"(CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "maker_profiles_search" AFTER INSERT OR DELETE OR UPDATE OF display_name, city, country
  ON identity.maker_profiles FOR EACH ROW EXECUTE FUNCTION "stories"."sync_search_maker_profile"();
--> statement-breakpoint
CREATE FUNCTION "stories"."sync_search_account"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    PERFORM "stories"."refresh_search_maker"(NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "users_search" AFTER UPDATE OF status
  ON identity.users FOR EACH ROW EXECUTE FUNCTION "stories"."sync_search_account"();
--> statement-breakpoint
-- The documents and maker entries of what exists already.
SELECT "stories"."refresh_search_maker"(p.user_id) FROM identity.maker_profiles p;
--> statement-breakpoint
UPDATE "stories"."stories" SET title = title;
--> statement-breakpoint
DO $$
BEGIN
  IF to_regclass('auctions.story_markets') IS NOT NULL THEN
    UPDATE "stories"."search_documents" d
       SET auction_live = a.status = 'active', auction_ends_at = a.ends_at, high_bid_minor = a.high_bid_minor
      FROM auctions.story_markets m JOIN auctions.auctions a ON a.id = m.current_auction_id
     WHERE m.story_id = d.story_id;
  END IF;
END $$;
