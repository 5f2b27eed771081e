ALTER TABLE "stories"."stories" ADD COLUMN "shipping" jsonb;--> statement-breakpoint
-- Stories listed before shipping prices existed were sold with shipping included: they keep
-- those terms (free, domestic and international) until their maker sets prices.
UPDATE "stories"."stories"
   SET "shipping" = jsonb_build_object(
         'fromCountry', coalesce("location_country", 'US'),
         'options', jsonb_build_array(
           jsonb_build_object('region', 'domestic', 'amountMinor', 0, 'dispatchDays', 5),
           jsonb_build_object('region', 'international', 'amountMinor', 0, 'dispatchDays', 10)))
 WHERE "status" <> 'draft';
