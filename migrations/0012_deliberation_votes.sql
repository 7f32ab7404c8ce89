CREATE TYPE "public"."deliberation_topic_outcome" AS ENUM('project', 'convention', 'reply');--> statement-breakpoint
CREATE TYPE "public"."deliberation_topic_source" AS ENUM('resident', 'council', 'partyBranch', 'community', 'requests');--> statement-breakpoint
CREATE TYPE "public"."deliberation_topic_status" AS ENUM('proposed', 'onAgenda', 'inDeliberation', 'decided', 'declined');--> statement-breakpoint
CREATE TYPE "public"."deliberation_ballot_channel" AS ENUM('online', 'paper', 'door');--> statement-breakpoint
CREATE TYPE "public"."deliberation_electorate" AS ENUM('households', 'owners', 'adults', 'council');--> statement-breakpoint
CREATE TYPE "public"."deliberation_vote_method" AS ENUM('yesNo', 'single', 'multi');--> statement-breakpoint
CREATE TYPE "public"."deliberation_vote_rule" AS ENUM('simpleMajority', 'residentsMeeting', 'civilCode278Ordinary', 'civilCode278Major', 'custom');--> statement-breakpoint
CREATE TYPE "public"."deliberation_vote_scope" AS ENUM('compounds', 'buildings', 'units', 'households');--> statement-breakpoint
CREATE TYPE "public"."deliberation_vote_status" AS ENUM('draft', 'open', 'closed', 'cancelled');--> statement-breakpoint
CREATE TABLE "deliberation_settings" (
	"station_id" bigint PRIMARY KEY NOT NULL,
	"support_threshold" integer DEFAULT 10 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_topic_requests" (
	"station_id" bigint NOT NULL,
	"topic_id" bigint NOT NULL,
	"request_id" bigint NOT NULL,
	CONSTRAINT "deliberation_topic_requests_topic_id_request_id_pk" PRIMARY KEY("topic_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "deliberation_topic_supports" (
	"station_id" bigint NOT NULL,
	"topic_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliberation_topic_supports_topic_id_user_id_pk" PRIMARY KEY("topic_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "deliberation_topics" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_topics_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"source" "deliberation_topic_source" NOT NULL,
	"raised_by" bigint NOT NULL,
	"status" "deliberation_topic_status" DEFAULT 'proposed' NOT NULL,
	"support_count" integer DEFAULT 0 NOT NULL,
	"declined_reason" text,
	"outcome" "deliberation_topic_outcome",
	"outcome_id" bigint,
	"outcome_note" text,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_ballots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_ballots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"vote_id" bigint NOT NULL,
	"elector_id" bigint NOT NULL,
	"choices" text[] NOT NULL,
	"channel" "deliberation_ballot_channel" NOT NULL,
	"cast_by" bigint NOT NULL,
	"photo_key" text,
	"proxy_name" text,
	"proxy_authorisation" text,
	"receipt_hash" text NOT NULL,
	"replaced_receipts" text[] DEFAULT '{}' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_electors" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_electors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"vote_id" bigint NOT NULL,
	"key" text NOT NULL,
	"resident_id" bigint,
	"user_id" bigint,
	"household_ids" bigint[] NOT NULL,
	"building_ids" bigint[] NOT NULL,
	"label" text NOT NULL,
	"area_cm2" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_vote_options" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_vote_options_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"vote_id" bigint NOT NULL,
	"position" smallint NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_votes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_votes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"topic_id" bigint,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"scope" "deliberation_vote_scope" NOT NULL,
	"scope_ids" bigint[] NOT NULL,
	"electorate" "deliberation_electorate" NOT NULL,
	"method" "deliberation_vote_method" NOT NULL,
	"max_choices" smallint DEFAULT 1 NOT NULL,
	"rule" "deliberation_vote_rule" NOT NULL,
	"custom_thresholds" jsonb,
	"ballots_final" boolean DEFAULT false NOT NULL,
	"secret" boolean DEFAULT false NOT NULL,
	"interim_results" boolean DEFAULT false NOT NULL,
	"status" "deliberation_vote_status" DEFAULT 'draft' NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" bigint,
	"result" jsonb,
	"digest" text,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliberation_votes_max_choices" CHECK ("deliberation_votes"."max_choices" >= 1)
);
--> statement-breakpoint
ALTER TABLE "deliberation_topic_requests" ADD CONSTRAINT "deliberation_topic_requests_topic_id_deliberation_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."deliberation_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_topic_supports" ADD CONSTRAINT "deliberation_topic_supports_topic_id_deliberation_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."deliberation_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_ballots" ADD CONSTRAINT "deliberation_ballots_vote_id_deliberation_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."deliberation_votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_ballots" ADD CONSTRAINT "deliberation_ballots_elector_id_deliberation_electors_id_fk" FOREIGN KEY ("elector_id") REFERENCES "public"."deliberation_electors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_electors" ADD CONSTRAINT "deliberation_electors_vote_id_deliberation_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."deliberation_votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_vote_options" ADD CONSTRAINT "deliberation_vote_options_vote_id_deliberation_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."deliberation_votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_votes" ADD CONSTRAINT "deliberation_votes_topic_id_deliberation_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."deliberation_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliberation_topics_station_idx" ON "deliberation_topics" USING btree ("station_id","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_ballots_vote_elector_uq" ON "deliberation_ballots" USING btree ("vote_id","elector_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_ballots_receipt_uq" ON "deliberation_ballots" USING btree ("vote_id","receipt_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_electors_vote_key_uq" ON "deliberation_electors" USING btree ("vote_id","key");--> statement-breakpoint
CREATE INDEX "deliberation_electors_resident_idx" ON "deliberation_electors" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "deliberation_electors_user_idx" ON "deliberation_electors" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_vote_options_position_uq" ON "deliberation_vote_options" USING btree ("vote_id","position");--> statement-breakpoint
CREATE INDEX "deliberation_votes_station_idx" ON "deliberation_votes" USING btree ("station_id","id");--> statement-breakpoint
CREATE INDEX "deliberation_votes_open_idx" ON "deliberation_votes" USING btree ("closes_at") WHERE "deliberation_votes"."status" = 'open';