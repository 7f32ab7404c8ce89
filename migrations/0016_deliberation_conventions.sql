CREATE TYPE "public"."deliberation_breach_status" AS ENUM('recorded', 'referred', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."deliberation_convention_version_status" AS ENUM('draft', 'published', 'superseded');--> statement-breakpoint
CREATE TABLE "deliberation_breaches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_breaches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"convention_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"place" text NOT NULL,
	"description" text NOT NULL,
	"reported_by" bigint NOT NULL,
	"status" "deliberation_breach_status" DEFAULT 'recorded' NOT NULL,
	"referred_to" text,
	"referred_at" timestamp with time zone,
	"note" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_convention_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_convention_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"convention_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"status" "deliberation_convention_version_status" DEFAULT 'draft' NOT NULL,
	"vote_id" bigint,
	"published_at" timestamp with time zone,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_conventions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliberation_conventions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"title" text NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliberation_breaches" ADD CONSTRAINT "deliberation_breaches_convention_id_deliberation_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."deliberation_conventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberation_convention_versions" ADD CONSTRAINT "deliberation_convention_versions_convention_id_deliberation_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."deliberation_conventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliberation_breaches_station_idx" ON "deliberation_breaches" USING btree ("station_id","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_convention_versions_uq" ON "deliberation_convention_versions" USING btree ("convention_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_conventions_title_uq" ON "deliberation_conventions" USING btree ("station_id","title");