CREATE TYPE "public"."deliberation_action_status" AS ENUM('open', 'done');--> statement-breakpoint
CREATE TYPE "public"."deliberation_meeting_kind" AS ENUM('council', 'residents', 'joint', 'openSpace', 'youth');--> statement-breakpoint
CREATE TYPE "public"."deliberation_meeting_status" AS ENUM('planned', 'held', 'cancelled');--> statement-breakpoint
CREATE TABLE "deliberation_action_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_action_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"meeting_id" bigint,
	"topic_id" bigint,
	"resolution_id" bigint,
	"space_topic_id" bigint,
	"title" text NOT NULL,
	"owner_user_id" bigint,
	"owner_name" text NOT NULL,
	"due_on" date NOT NULL,
	"status" "deliberation_action_status" DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_agenda_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_agenda_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"meeting_id" bigint NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"topic_id" bigint
);
--> statement-breakpoint
CREATE TABLE "deliberation_attendance" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_attendance_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"meeting_id" bigint NOT NULL,
	"user_id" bigint,
	"resident_id" bigint,
	"name" text NOT NULL,
	"organisation" text,
	"for_resident_id" bigint,
	"proxy_authorisation" text,
	"signed_in_by" bigint NOT NULL,
	"signed_in_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_meetings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"kind" "deliberation_meeting_kind" NOT NULL,
	"title" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"capacity" integer,
	"invite_groups" text[] DEFAULT '{}' NOT NULL,
	"invite_building_ids" bigint[] DEFAULT '{}' NOT NULL,
	"organisations" text[] DEFAULT '{}' NOT NULL,
	"observers" text[] DEFAULT '{}' NOT NULL,
	"status" "deliberation_meeting_status" DEFAULT 'planned' NOT NULL,
	"minutes" text,
	"minutes_by" bigint,
	"minutes_at" timestamp with time zone,
	"dots_per_person" smallint DEFAULT 3 NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_registrations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"meeting_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_resolutions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_resolutions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"meeting_id" bigint NOT NULL,
	"agenda_item_id" bigint,
	"text" text NOT NULL,
	"vote_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_space_dots" (
	"station_id" bigint NOT NULL,
	"meeting_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"space_topic_id" bigint NOT NULL,
	"dots" smallint NOT NULL,
	CONSTRAINT "deliberation_space_dots_meeting_id_user_id_space_topic_id_pk" PRIMARY KEY("meeting_id","user_id","space_topic_id")
);
--> statement-breakpoint
CREATE TABLE "deliberation_space_members" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_space_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"meeting_id" bigint NOT NULL,
	"space_topic_id" bigint NOT NULL,
	"slot_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deliberation_space_places" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_space_places_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"meeting_id" bigint NOT NULL,
	"name" text NOT NULL,
	"position" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_space_slots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_space_slots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"meeting_id" bigint NOT NULL,
	"label" text NOT NULL,
	"position" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_space_topics" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_space_topics_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"meeting_id" bigint NOT NULL,
	"title" text NOT NULL,
	"convener_user_id" bigint NOT NULL,
	"recorder_user_id" bigint,
	"slot_id" bigint,
	"place_id" bigint,
	"report" text,
	"reported_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliberation_action_items" ADD CONSTRAINT "deliberation_action_items_meeting_id_deliberation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."deliberation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_action_items" ADD CONSTRAINT "deliberation_action_items_topic_id_deliberation_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."deliberation_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_action_items" ADD CONSTRAINT "deliberation_action_items_resolution_id_deliberation_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."deliberation_resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_agenda_items" ADD CONSTRAINT "deliberation_agenda_items_meeting_id_deliberation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."deliberation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_agenda_items" ADD CONSTRAINT "deliberation_agenda_items_topic_id_deliberation_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."deliberation_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_attendance" ADD CONSTRAINT "deliberation_attendance_meeting_id_deliberation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."deliberation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_registrations" ADD CONSTRAINT "deliberation_registrations_meeting_id_deliberation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."deliberation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_resolutions" ADD CONSTRAINT "deliberation_resolutions_meeting_id_deliberation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."deliberation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_resolutions" ADD CONSTRAINT "deliberation_resolutions_agenda_item_id_deliberation_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."deliberation_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_space_dots" ADD CONSTRAINT "deliberation_space_dots_space_topic_id_deliberation_space_topics_id_fk" FOREIGN KEY ("space_topic_id") REFERENCES "public"."deliberation_space_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_space_members" ADD CONSTRAINT "deliberation_space_members_space_topic_id_deliberation_space_topics_id_fk" FOREIGN KEY ("space_topic_id") REFERENCES "public"."deliberation_space_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_space_places" ADD CONSTRAINT "deliberation_space_places_meeting_id_deliberation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."deliberation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_space_slots" ADD CONSTRAINT "deliberation_space_slots_meeting_id_deliberation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."deliberation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_space_topics" ADD CONSTRAINT "deliberation_space_topics_meeting_id_deliberation_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."deliberation_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_space_topics" ADD CONSTRAINT "deliberation_space_topics_slot_id_deliberation_space_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."deliberation_space_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_space_topics" ADD CONSTRAINT "deliberation_space_topics_place_id_deliberation_space_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."deliberation_space_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliberation_actions_station_idx" ON "deliberation_action_items" USING btree ("station_id","status","due_on");--> statement-breakpoint
CREATE INDEX "deliberation_actions_topic_idx" ON "deliberation_action_items" USING btree ("topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_agenda_position_uq" ON "deliberation_agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_attendance_resident_uq" ON "deliberation_attendance" USING btree ("meeting_id","resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_attendance_for_uq" ON "deliberation_attendance" USING btree ("meeting_id","for_resident_id");--> statement-breakpoint
CREATE INDEX "deliberation_attendance_meeting_idx" ON "deliberation_attendance" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "deliberation_meetings_station_idx" ON "deliberation_meetings" USING btree ("station_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_registrations_uq" ON "deliberation_registrations" USING btree ("meeting_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_space_members_one_uq" ON "deliberation_space_members" USING btree ("slot_id","user_id") WHERE "deliberation_space_members"."left_at" is null;--> statement-breakpoint
CREATE INDEX "deliberation_space_members_topic_idx" ON "deliberation_space_members" USING btree ("space_topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_space_places_uq" ON "deliberation_space_places" USING btree ("meeting_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_space_slots_uq" ON "deliberation_space_slots" USING btree ("meeting_id","label");--> statement-breakpoint
CREATE INDEX "deliberation_space_topics_meeting_idx" ON "deliberation_space_topics" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_space_topics_cell_uq" ON "deliberation_space_topics" USING btree ("slot_id","place_id") WHERE "deliberation_space_topics"."slot_id" is not null and "deliberation_space_topics"."place_id" is not null;