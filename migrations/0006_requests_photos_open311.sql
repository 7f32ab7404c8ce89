CREATE TABLE "requests_photos" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "requests_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"uploader_user_id" bigint NOT NULL,
	"request_id" bigint,
	"event_id" bigint,
	"hash" text NOT NULL,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests_settings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "requests_settings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"auto_close_days" smallint DEFAULT 7 NOT NULL,
	CONSTRAINT "requests_settings_station_id_unique" UNIQUE("station_id")
);
--> statement-breakpoint
CREATE TABLE "requests_supporters" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "requests_supporters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"station_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_keys" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "open311_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_tail" text NOT NULL,
	"created_by_user_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "requests_categories" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "requests_categories" ADD COLUMN "questions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "requests_requests" ADD COLUMN "attributes" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "requests_requests" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "requests_requests" ADD COLUMN "lng" double precision;--> statement-breakpoint
ALTER TABLE "requests_requests" ADD COLUMN "contact" jsonb;--> statement-breakpoint
ALTER TABLE "requests_requests" ADD COLUMN "client_key_id" bigint;--> statement-breakpoint
ALTER TABLE "requests_requests" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "requests_photos" ADD CONSTRAINT "requests_photos_request_id_requests_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests_supporters" ADD CONSTRAINT "requests_supporters_request_id_requests_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "requests_photos_request_idx" ON "requests_photos" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "requests_photos_uploader_idx" ON "requests_photos" USING btree ("uploader_user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_supporters_uq" ON "requests_supporters" USING btree ("request_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_keys_hash_uq" ON "open311_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "open311_keys_station_idx" ON "open311_keys" USING btree ("station_id","id");--> statement-breakpoint
CREATE INDEX "requests_station_public_idx" ON "requests_requests" USING btree ("station_id","id") WHERE is_public;--> statement-breakpoint
CREATE INDEX "requests_station_updated_idx" ON "requests_requests" USING btree ("station_id","updated_at");