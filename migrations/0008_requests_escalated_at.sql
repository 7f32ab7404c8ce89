ALTER TABLE "requests_requests" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
UPDATE "requests_requests" SET "escalated_at" = coalesce("held_since", "created_at") WHERE "level" <> 'station';
