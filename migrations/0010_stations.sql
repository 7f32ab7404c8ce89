CREATE TYPE "public"."request_origin" AS ENUM('dutyLog', 'patrolFinding');--> statement-breakpoint
CREATE TYPE "public"."council_affiliation" AS ENUM('communityCommittee', 'ownersCommittee', 'propertyManager', 'socialOrg', 'residentActivist', 'localUnit', 'partyMember', 'buildingLeader');--> statement-breakpoint
CREATE TYPE "public"."council_position" AS ENUM('chair', 'viceChair', 'secretaryGeneral', 'standingDirector', 'director', 'activeResident');--> statement-breakpoint
CREATE TYPE "public"."station_rule_kind" AS ENUM('charter', 'duty', 'reporting', 'fund', 'meeting');--> statement-breakpoint
CREATE TYPE "public"."station_setup_step" AS ENUM('site', 'council', 'rules', 'fitOut');--> statement-breakpoint
CREATE TYPE "public"."duty_log_outcome" AS ENUM('answered', 'request', 'referred');--> statement-breakpoint
CREATE TYPE "public"."duty_swap_state" AS ENUM('requested', 'accepted', 'declined', 'cancelled');--> statement-breakpoint
CREATE TABLE "stations_composition_policies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_composition_policies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"area_id" bigint,
	"station_id" bigint,
	"path" text NOT NULL,
	"overrides" jsonb NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stations_policies_one_owner" CHECK (("stations_composition_policies"."area_id" is null) <> ("stations_composition_policies"."station_id" is null))
);
--> statement-breakpoint
CREATE TABLE "stations_council_members" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_council_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"term_id" bigint NOT NULL,
	"resident_id" bigint,
	"user_id" bigint,
	"name" text NOT NULL,
	"position" "council_position" NOT NULL,
	"affiliations" "council_affiliation"[] DEFAULT '{}' NOT NULL,
	"nominated_by" text,
	"nominated_on" date,
	"joined_on" date NOT NULL,
	"left_on" date,
	"left_reason" text,
	"previous_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations_council_terms" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_council_terms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stations_council_terms_dates" CHECK ("stations_council_terms"."starts_on" <= "stations_council_terms"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "stations_portfolios" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_portfolios_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"category_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations_rule_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_rule_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"kind" "station_rule_kind" NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"adopted_by" text NOT NULL,
	"adopted_on" date NOT NULL,
	"recorded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations_setup_steps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_setup_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"step" "station_setup_step" NOT NULL,
	"done_on" date NOT NULL,
	"note" text,
	"recorded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations_profiles" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"site" text,
	"phone" text,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stations_profiles_station_id_unique" UNIQUE("station_id")
);
--> statement-breakpoint
CREATE TABLE "stations_rooms" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_rooms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"name" text NOT NULL,
	"purpose" text,
	"capacity" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations_duty_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_duty_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"shift_id" bigint,
	"logged_by" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"household_id" bigint,
	"visitor_name" text,
	"matter" text NOT NULL,
	"category_id" bigint,
	"outcome" "duty_log_outcome" NOT NULL,
	"referred_to" text,
	"request_id" bigint,
	"path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations_duty_people" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_duty_people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations_duty_shifts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_duty_shifts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"slot_id" bigint NOT NULL,
	"on_date" date NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"user_id" bigint NOT NULL,
	"leave_reason" text,
	"on_leave_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations_duty_slots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_duty_slots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"seats" smallint DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stations_duty_slots_order" CHECK ("stations_duty_slots"."starts_at" < "stations_duty_slots"."ends_at"),
	CONSTRAINT "stations_duty_slots_seats" CHECK ("stations_duty_slots"."seats" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "stations_duty_swaps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_duty_swaps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"shift_id" bigint NOT NULL,
	"counterpart_user_id" bigint NOT NULL,
	"counterpart_shift_id" bigint,
	"state" "duty_swap_state" DEFAULT 'requested' NOT NULL,
	"requested_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stations_duty_unavailable" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_duty_unavailable_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"on_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations_opening_hours" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_opening_hours_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"weekday" smallint NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	CONSTRAINT "stations_opening_hours_weekday" CHECK ("stations_opening_hours"."weekday" between 1 and 7),
	CONSTRAINT "stations_opening_hours_order" CHECK ("stations_opening_hours"."opens_at" < "stations_opening_hours"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "stations_patrol_findings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_patrol_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"patrol_id" bigint NOT NULL,
	"item_key" text,
	"note" text NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"request_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations_patrol_templates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_patrol_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint,
	"area_id" bigint,
	"path" text NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stations_patrol_templates_one_owner" CHECK (("stations_patrol_templates"."area_id" is null) <> ("stations_patrol_templates"."station_id" is null))
);
--> statement-breakpoint
CREATE TABLE "stations_patrols" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_patrols_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"compound_id" bigint NOT NULL,
	"template_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"planned_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations_visit_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_visit_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"target_id" bigint NOT NULL,
	"visited_on" date NOT NULL,
	"visitor_user_id" bigint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations_visit_targets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_visit_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"every_days" integer NOT NULL,
	"since" date NOT NULL,
	"last_visited_on" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stations_visit_targets_every" CHECK ("stations_visit_targets"."every_days" between 1 and 366)
);
--> statement-breakpoint
CREATE TABLE "stations_worker_assignments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stations_worker_assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"compound_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"since" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "requests_requests" ADD COLUMN "origin_kind" "request_origin";--> statement-breakpoint
ALTER TABLE "requests_requests" ADD COLUMN "origin_id" bigint;--> statement-breakpoint
ALTER TABLE "stations_council_members" ADD CONSTRAINT "stations_council_members_term_id_stations_council_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."stations_council_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations_portfolios" ADD CONSTRAINT "stations_portfolios_member_id_stations_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."stations_council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations_duty_log" ADD CONSTRAINT "stations_duty_log_shift_id_stations_duty_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."stations_duty_shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations_duty_shifts" ADD CONSTRAINT "stations_duty_shifts_slot_id_stations_duty_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."stations_duty_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations_duty_swaps" ADD CONSTRAINT "stations_duty_swaps_shift_id_stations_duty_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."stations_duty_shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations_duty_swaps" ADD CONSTRAINT "stations_duty_swaps_counterpart_shift_id_stations_duty_shifts_id_fk" FOREIGN KEY ("counterpart_shift_id") REFERENCES "public"."stations_duty_shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations_patrol_findings" ADD CONSTRAINT "stations_patrol_findings_patrol_id_stations_patrols_id_fk" FOREIGN KEY ("patrol_id") REFERENCES "public"."stations_patrols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations_patrols" ADD CONSTRAINT "stations_patrols_template_id_stations_patrol_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."stations_patrol_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations_visit_records" ADD CONSTRAINT "stations_visit_records_target_id_stations_visit_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."stations_visit_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stations_policies_path_uq" ON "stations_composition_policies" USING btree ("path");--> statement-breakpoint
CREATE INDEX "stations_council_members_term_idx" ON "stations_council_members" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "stations_council_members_user_idx" ON "stations_council_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_council_terms_number_uq" ON "stations_council_terms" USING btree ("station_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_portfolios_category_uq" ON "stations_portfolios" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "stations_portfolios_member_idx" ON "stations_portfolios" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_rule_versions_uq" ON "stations_rule_versions" USING btree ("station_id","kind","version");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_setup_steps_uq" ON "stations_setup_steps" USING btree ("station_id","step");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_rooms_station_name_uq" ON "stations_rooms" USING btree ("station_id","name");--> statement-breakpoint
CREATE INDEX "stations_duty_log_station_idx" ON "stations_duty_log" USING btree ("station_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_duty_people_uq" ON "stations_duty_people" USING btree ("station_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_duty_shifts_person_uq" ON "stations_duty_shifts" USING btree ("user_id","on_date","slot_id");--> statement-breakpoint
CREATE INDEX "stations_duty_shifts_station_day_idx" ON "stations_duty_shifts" USING btree ("station_id","on_date");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_duty_slots_uq" ON "stations_duty_slots" USING btree ("station_id","starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "stations_duty_swaps_station_idx" ON "stations_duty_swaps" USING btree ("station_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_duty_unavailable_uq" ON "stations_duty_unavailable" USING btree ("station_id","user_id","on_date");--> statement-breakpoint
CREATE INDEX "stations_opening_hours_station_idx" ON "stations_opening_hours" USING btree ("station_id","weekday");--> statement-breakpoint
CREATE INDEX "stations_patrol_findings_patrol_idx" ON "stations_patrol_findings" USING btree ("patrol_id");--> statement-breakpoint
CREATE INDEX "stations_patrol_templates_path_idx" ON "stations_patrol_templates" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "stations_patrols_station_day_idx" ON "stations_patrols" USING btree ("station_id","planned_on");--> statement-breakpoint
CREATE INDEX "stations_visit_records_target_idx" ON "stations_visit_records" USING btree ("target_id","visited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_visit_targets_household_uq" ON "stations_visit_targets" USING btree ("household_id") WHERE "stations_visit_targets"."active";--> statement-breakpoint
CREATE INDEX "stations_visit_targets_station_idx" ON "stations_visit_targets" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_worker_assignments_uq" ON "stations_worker_assignments" USING btree ("compound_id","user_id");--> statement-breakpoint
CREATE INDEX "stations_worker_assignments_user_idx" ON "stations_worker_assignments" USING btree ("user_id");