CREATE TYPE "public"."role" AS ENUM('resident', 'buildingLeader', 'councilMember', 'chair', 'secretaryGeneral', 'propertyStaff', 'ownersCommittee', 'socialWorker', 'gridWorker', 'streetOfficer', 'districtOfficer', 'cityOfficer', 'expert', 'platformAdmin');--> statement-breakpoint
CREATE TYPE "public"."claim_status" AS ENUM('pending', 'verified', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."household_relation" AS ENUM('owner', 'tenant', 'member');--> statement-breakpoint
CREATE TYPE "public"."verification_method" AS ENUM('roster', 'staff');--> statement-breakpoint
CREATE TYPE "public"."area_level" AS ENUM('city', 'district', 'street', 'community');--> statement-breakpoint
CREATE TYPE "public"."station_kind" AS ENUM('service', 'mutualAid', 'team');--> statement-breakpoint
CREATE TYPE "public"."station_stage" AS ENUM('preparing', 'operating', 'suspended');--> statement-breakpoint
CREATE TABLE "accounts_one_time_codes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts_one_time_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"phone" text NOT NULL,
	"purpose" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts_proxies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts_proxies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"resident_id" bigint NOT NULL,
	"proxy_user_id" bigint NOT NULL,
	"note" text,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "accounts_role_grants" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts_role_grants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" bigint NOT NULL,
	"role" "role" NOT NULL,
	"station_id" bigint,
	"path" text,
	"scope_name" text NOT NULL,
	"granted_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "accounts_users" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts_users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"phone" text NOT NULL,
	"password_hash" text,
	"display_name" text NOT NULL,
	"email" text,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"large_mode" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" bigint,
	"on_behalf_of_resident_id" bigint,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"station_id" bigint,
	"path" text NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "notifications_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"notification_id" bigint,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications_inbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_inbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" bigint NOT NULL,
	"station_id" bigint,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "people_household_members" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_household_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"resident_id" bigint NOT NULL,
	"relation" "household_relation" NOT NULL,
	"is_voter" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_residents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_residents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"id_number_enc" text,
	"id_number_tail" text,
	"birth_year" smallint,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"user_id" bigint,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_roster_imports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_roster_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"compound_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"row_count" integer NOT NULL,
	"households_created" integer NOT NULL,
	"residents_created" integer NOT NULL,
	"imported_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_verification_claims" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_verification_claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"claimed_name" text NOT NULL,
	"relation" "household_relation" NOT NULL,
	"status" "claim_status" DEFAULT 'pending' NOT NULL,
	"method" "verification_method",
	"resident_id" bigint,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places_areas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "places_areas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"parent_id" bigint,
	"level" "area_level" NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places_buildings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "places_buildings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"compound_id" bigint NOT NULL,
	"name" text NOT NULL,
	"sort_key" integer DEFAULT 0 NOT NULL,
	"path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places_compounds" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "places_compounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"area_id" bigint NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places_households" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "places_households_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"compound_id" bigint NOT NULL,
	"building_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"room" text NOT NULL,
	"area_cm2" integer DEFAULT 0 NOT NULL,
	"label" text NOT NULL,
	"sort_key" text NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places_stations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "places_stations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"area_id" bigint NOT NULL,
	"name" text NOT NULL,
	"kind" "station_kind" DEFAULT 'service' NOT NULL,
	"stage" "station_stage" DEFAULT 'preparing' NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places_units" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "places_units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"building_id" bigint NOT NULL,
	"name" text NOT NULL,
	"sort_key" integer DEFAULT 0 NOT NULL,
	"path" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts_proxies" ADD CONSTRAINT "accounts_proxies_proxy_user_id_accounts_users_id_fk" FOREIGN KEY ("proxy_user_id") REFERENCES "public"."accounts_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts_role_grants" ADD CONSTRAINT "accounts_role_grants_user_id_accounts_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."accounts_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts_sessions" ADD CONSTRAINT "accounts_sessions_user_id_accounts_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."accounts_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_household_members" ADD CONSTRAINT "people_household_members_household_id_places_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."places_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_household_members" ADD CONSTRAINT "people_household_members_resident_id_people_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."people_residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_verification_claims" ADD CONSTRAINT "people_verification_claims_household_id_places_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."places_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places_buildings" ADD CONSTRAINT "places_buildings_compound_id_places_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."places_compounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places_compounds" ADD CONSTRAINT "places_compounds_station_id_places_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."places_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places_compounds" ADD CONSTRAINT "places_compounds_area_id_places_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."places_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places_households" ADD CONSTRAINT "places_households_unit_id_places_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."places_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places_stations" ADD CONSTRAINT "places_stations_area_id_places_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."places_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places_units" ADD CONSTRAINT "places_units_building_id_places_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."places_buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_otp_phone_idx" ON "accounts_one_time_codes" USING btree ("phone","purpose");--> statement-breakpoint
CREATE INDEX "accounts_proxies_proxy_idx" ON "accounts_proxies" USING btree ("proxy_user_id");--> statement-breakpoint
CREATE INDEX "accounts_role_grants_user_idx" ON "accounts_role_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "accounts_sessions_user_idx" ON "accounts_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_users_phone_uq" ON "accounts_users" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "audit_events_path_idx" ON "audit_events" USING btree ("path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "audit_events_station_idx" ON "audit_events" USING btree ("station_id","id");--> statement-breakpoint
CREATE INDEX "notifications_deliveries_notification_idx" ON "notifications_deliveries" USING btree ("notification_id");--> statement-breakpoint
CREATE INDEX "notifications_inbox_user_idx" ON "notifications_inbox" USING btree ("user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_members_household_resident_uq" ON "people_household_members" USING btree ("household_id","resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_members_one_voter_uq" ON "people_household_members" USING btree ("household_id") WHERE "people_household_members"."is_voter";--> statement-breakpoint
CREATE INDEX "people_members_resident_idx" ON "people_household_members" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "people_residents_station_idx" ON "people_residents" USING btree ("station_id","id");--> statement-breakpoint
CREATE INDEX "people_residents_phone_idx" ON "people_residents" USING btree ("station_id","phone");--> statement-breakpoint
CREATE UNIQUE INDEX "people_residents_station_user_uq" ON "people_residents" USING btree ("station_id","user_id");--> statement-breakpoint
CREATE INDEX "people_claims_station_status_idx" ON "people_verification_claims" USING btree ("station_id","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_claims_one_pending_uq" ON "people_verification_claims" USING btree ("user_id","household_id") WHERE "people_verification_claims"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "places_areas_path_uq" ON "places_areas" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "places_areas_parent_name_uq" ON "places_areas" USING btree (coalesce("parent_id", 0),"name");--> statement-breakpoint
CREATE INDEX "places_areas_path_prefix_idx" ON "places_areas" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "places_buildings_compound_name_uq" ON "places_buildings" USING btree ("compound_id","name");--> statement-breakpoint
CREATE INDEX "places_buildings_station_idx" ON "places_buildings" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "places_compounds_area_name_uq" ON "places_compounds" USING btree ("area_id","name");--> statement-breakpoint
CREATE INDEX "places_compounds_station_idx" ON "places_compounds" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "places_households_unit_room_uq" ON "places_households" USING btree ("unit_id","room");--> statement-breakpoint
CREATE INDEX "places_households_compound_sort_idx" ON "places_households" USING btree ("compound_id","sort_key","id");--> statement-breakpoint
CREATE INDEX "places_households_station_sort_idx" ON "places_households" USING btree ("station_id","sort_key","id");--> statement-breakpoint
CREATE INDEX "places_households_building_idx" ON "places_households" USING btree ("building_id");--> statement-breakpoint
CREATE UNIQUE INDEX "places_stations_area_name_uq" ON "places_stations" USING btree ("area_id","name");--> statement-breakpoint
CREATE INDEX "places_stations_path_prefix_idx" ON "places_stations" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "places_units_building_name_uq" ON "places_units" USING btree ("building_id","name");--> statement-breakpoint
CREATE INDEX "places_units_station_idx" ON "places_units" USING btree ("station_id");