DROP INDEX "places_households_compound_sort_idx";--> statement-breakpoint
-- Covering index for the household list page (written by hand: Drizzle cannot declare INCLUDE).
CREATE INDEX "places_households_list_idx" ON "places_households" USING btree ("compound_id","sort_key","id") INCLUDE ("label","area_cm2");
