CREATE TYPE "public"."escalation_level" AS ENUM('station', 'community', 'street', 'district');--> statement-breakpoint
CREATE TYPE "public"."request_handler_kind" AS ENUM('member', 'property', 'team', 'none');--> statement-breakpoint
CREATE TYPE "public"."request_channel" AS ENUM('web', 'desk', 'phone', 'wechat', 'patrol', 'open311');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('submitted', 'accepted', 'assigned', 'inProgress', 'resolved', 'closed', 'rejected', 'duplicate', 'withdrawn');--> statement-breakpoint
CREATE TABLE "requests_categories" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "requests_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"response_hours" integer NOT NULL,
	"resolution_hours" integer NOT NULL,
	"handler_kind" "request_handler_kind" DEFAULT 'none' NOT NULL,
	"handler_user_id" bigint,
	"sort_key" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "requests_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"request_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" bigint,
	"on_behalf_of_resident_id" bigint,
	"kind" text NOT NULL,
	"from_status" "request_status",
	"to_status" "request_status",
	"body" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "requests_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"category_id" bigint NOT NULL,
	"channel" "request_channel" NOT NULL,
	"status" "request_status" DEFAULT 'submitted' NOT NULL,
	"level" "escalation_level" DEFAULT 'station' NOT NULL,
	"holder" text,
	"held_since" timestamp with time zone,
	"reporter_user_id" bigint,
	"reporter_resident_id" bigint,
	"household_id" bigint,
	"path" text NOT NULL,
	"place_text" text,
	"description" text NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"is_anonymous" boolean DEFAULT true NOT NULL,
	"handler_user_id" bigint,
	"duplicate_of" bigint,
	"reopen_count" smallint DEFAULT 0 NOT NULL,
	"supporters" integer DEFAULT 0 NOT NULL,
	"rating" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"due_response_at" timestamp with time zone NOT NULL,
	"due_resolution_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "requests_events" ADD CONSTRAINT "requests_events_request_id_requests_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests_requests" ADD CONSTRAINT "requests_requests_category_id_requests_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."requests_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "requests_categories_station_code_uq" ON "requests_categories" USING btree ("station_id","code");--> statement-breakpoint
CREATE INDEX "requests_events_request_idx" ON "requests_events" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "requests_station_queue_idx" ON "requests_requests" USING btree ("station_id","id");--> statement-breakpoint
CREATE INDEX "requests_station_status_idx" ON "requests_requests" USING btree ("station_id","status","id");--> statement-breakpoint
CREATE INDEX "requests_reporter_idx" ON "requests_requests" USING btree ("reporter_user_id","id");