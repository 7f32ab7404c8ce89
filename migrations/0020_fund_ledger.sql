CREATE TYPE "public"."fund_donor_shown" AS ENUM('masked', 'full', 'anonymous');--> statement-breakpoint
CREATE TYPE "public"."fund_drive_status" AS ENUM('open', 'closed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."fund_payment_method" AS ENUM('cash', 'transfer', 'desk');--> statement-breakpoint
CREATE TYPE "public"."fund_account_kind" AS ENUM('general', 'earmarked', 'income', 'expense');--> statement-breakpoint
CREATE TYPE "public"."fund_income_source" AS ENUM('government', 'street', 'communityBuilding', 'venture', 'sponsor', 'donation', 'crowdfunding', 'other');--> statement-breakpoint
CREATE TYPE "public"."fund_posting_kind" AS ENUM('income', 'expense', 'transfer', 'reversal');--> statement-breakpoint
CREATE TYPE "public"."fund_project_origin" AS ENUM('topic', 'vote', 'meeting');--> statement-breakpoint
CREATE TYPE "public"."fund_project_role" AS ENUM('team', 'supervisor', 'partner');--> statement-breakpoint
CREATE TYPE "public"."fund_project_stage" AS ENUM('application', 'approval', 'implementation', 'acceptance', 'settlement', 'disclosure', 'evaluation', 'closed', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."fund_update_kind" AS ENUM('progress', 'before', 'after');--> statement-breakpoint
CREATE TYPE "public"."fund_approval_level" AS ENUM('chair', 'council', 'community');--> statement-breakpoint
CREATE TYPE "public"."fund_approval_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."fund_approval_subject" AS ENUM('projectBudget', 'overBudget');--> statement-breakpoint
CREATE TABLE "fund_drives" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_drives_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"target_fen" bigint NOT NULL,
	"suggested_fen" bigint NOT NULL,
	"deadline" date NOT NULL,
	"building_ids" bigint[] DEFAULT '{}' NOT NULL,
	"vote_id" bigint,
	"project_id" bigint,
	"status" "fund_drive_status" DEFAULT 'open' NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "fund_drives_amounts" CHECK ("fund_drives"."target_fen" > 0 and "fund_drives"."suggested_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_handovers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_handovers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"drive_id" bigint NOT NULL,
	"collector_id" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"payments" bigint NOT NULL,
	"received_by" bigint NOT NULL,
	"posting_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_payments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"drive_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"method" "fund_payment_method" NOT NULL,
	"receipt_no" text NOT NULL,
	"payer_name" text NOT NULL,
	"shown" "fund_donor_shown" DEFAULT 'masked' NOT NULL,
	"collected_by" bigint NOT NULL,
	"collected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handover_id" bigint,
	"posting_id" bigint,
	CONSTRAINT "fund_payments_amount" CHECK ("fund_payments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_pledges" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_pledges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"drive_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"donor_name" text NOT NULL,
	"shown" "fund_donor_shown" DEFAULT 'masked' NOT NULL,
	"entered_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_pledges_amount" CHECK ("fund_pledges"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"kind" "fund_account_kind" NOT NULL,
	"name" text NOT NULL,
	"source" "fund_income_source",
	"purpose" text DEFAULT '' NOT NULL,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_accounts_source" CHECK (("fund_accounts"."kind" = 'income') = ("fund_accounts"."source" is not null))
);
--> statement-breakpoint
CREATE TABLE "fund_chains" (
	"station_id" bigint PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"head" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"posting_id" bigint NOT NULL,
	"seq" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "fund_entries_nonzero" CHECK ("fund_entries"."amount_fen" <> 0)
);
--> statement-breakpoint
CREATE TABLE "fund_postings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_postings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"kind" "fund_posting_kind" NOT NULL,
	"source" "fund_income_source",
	"counterparty" text DEFAULT '' NOT NULL,
	"memo" text NOT NULL,
	"occurred_on" date NOT NULL,
	"project_id" bigint,
	"budget_line_id" bigint,
	"reverses_id" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_acceptances" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_acceptances_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"verdict" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_budget_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_budget_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"extra_fen" bigint DEFAULT 0 NOT NULL,
	"source_account_id" bigint NOT NULL,
	CONSTRAINT "fund_budget_lines_amount" CHECK ("fund_budget_lines"."amount_fen" > 0 and "fund_budget_lines"."extra_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fund_evaluations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"rating" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_evaluations_rating" CHECK ("fund_evaluations"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "fund_inspections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"inspector_id" bigint NOT NULL,
	"result" text NOT NULL,
	"findings" text NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"response" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_milestones" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_milestones_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "fund_objections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_objections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"text" text NOT NULL,
	"answer" text,
	"answered_by" bigint,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_project_members" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_project_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"role" "fund_project_role" NOT NULL,
	"user_id" bigint,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_project_updates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_project_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"project_id" bigint NOT NULL,
	"kind" "fund_update_kind" NOT NULL,
	"text" text NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_projects" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"origin_kind" "fund_project_origin",
	"origin_id" bigint,
	"lead_user_id" bigint,
	"lead_name" text NOT NULL,
	"stage" "fund_project_stage" DEFAULT 'application' NOT NULL,
	"account_id" bigint,
	"objections_until" date,
	"settlement_note" text DEFAULT '' NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_projects_origin" CHECK (("fund_projects"."origin_kind" is null) = ("fund_projects"."origin_id" is null))
);
--> statement-breakpoint
CREATE TABLE "fund_receipts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_receipts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"posting_id" bigint,
	"blob_key" text NOT NULL,
	"mime" text NOT NULL,
	"name" text NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_approval_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_approval_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"subject" "fund_approval_subject" NOT NULL,
	"project_id" bigint NOT NULL,
	"budget_line_id" bigint,
	"amount_fen" bigint NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"level" "fund_approval_level" NOT NULL,
	"status" "fund_approval_status" DEFAULT 'pending' NOT NULL,
	"requested_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "fund_approval_requests_amount" CHECK ("fund_approval_requests"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_approvals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_approvals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"station_id" bigint NOT NULL,
	"request_id" bigint NOT NULL,
	"level" "fund_approval_level" NOT NULL,
	"approver_id" bigint NOT NULL,
	"decision" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"meeting_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_rules" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"area_path" text,
	"station_id" bigint,
	"chair_max_fen" bigint NOT NULL,
	"council_max_fen" bigint NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_rules_scope" CHECK (("fund_rules"."area_path" is null) <> ("fund_rules"."station_id" is null)),
	CONSTRAINT "fund_rules_bands" CHECK (0 <= "fund_rules"."chair_max_fen" and "fund_rules"."chair_max_fen" <= "fund_rules"."council_max_fen")
);
--> statement-breakpoint
ALTER TABLE "fund_handovers" ADD CONSTRAINT "fund_handovers_drive_id_fund_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."fund_drives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_payments" ADD CONSTRAINT "fund_payments_drive_id_fund_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."fund_drives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_payments" ADD CONSTRAINT "fund_payments_handover_id_fund_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."fund_handovers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_pledges" ADD CONSTRAINT "fund_pledges_drive_id_fund_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."fund_drives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_posting_id_fund_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."fund_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_account_id_fund_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."fund_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_acceptances" ADD CONSTRAINT "fund_acceptances_project_id_fund_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."fund_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_budget_lines" ADD CONSTRAINT "fund_budget_lines_project_id_fund_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."fund_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_evaluations" ADD CONSTRAINT "fund_evaluations_project_id_fund_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."fund_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_inspections" ADD CONSTRAINT "fund_inspections_project_id_fund_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."fund_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_milestones" ADD CONSTRAINT "fund_milestones_project_id_fund_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."fund_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_objections" ADD CONSTRAINT "fund_objections_project_id_fund_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."fund_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_project_members" ADD CONSTRAINT "fund_project_members_project_id_fund_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."fund_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_project_updates" ADD CONSTRAINT "fund_project_updates_project_id_fund_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."fund_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_approvals" ADD CONSTRAINT "fund_approvals_request_id_fund_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."fund_approval_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_drives_station_idx" ON "fund_drives" USING btree ("station_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_payments_receipt_uq" ON "fund_payments" USING btree ("drive_id","receipt_no");--> statement-breakpoint
CREATE INDEX "fund_payments_drive_idx" ON "fund_payments" USING btree ("drive_id","household_id");--> statement-breakpoint
CREATE INDEX "fund_payments_collector_idx" ON "fund_payments" USING btree ("drive_id","collected_by") WHERE "fund_payments"."posting_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_pledges_household_uq" ON "fund_pledges" USING btree ("drive_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_accounts_name_uq" ON "fund_accounts" USING btree ("station_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_accounts_source_uq" ON "fund_accounts" USING btree ("station_id","source") WHERE "fund_accounts"."kind" = 'income';--> statement-breakpoint
CREATE UNIQUE INDEX "fund_accounts_general_uq" ON "fund_accounts" USING btree ("station_id") WHERE "fund_accounts"."kind" = 'general';--> statement-breakpoint
CREATE UNIQUE INDEX "fund_entries_seq_uq" ON "fund_entries" USING btree ("station_id","seq");--> statement-breakpoint
CREATE INDEX "fund_entries_posting_idx" ON "fund_entries" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "fund_entries_account_idx" ON "fund_entries" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "fund_postings_station_idx" ON "fund_postings" USING btree ("station_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_postings_reverses_uq" ON "fund_postings" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "fund_postings_line_idx" ON "fund_postings" USING btree ("budget_line_id") WHERE "fund_postings"."budget_line_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_acceptances_user_uq" ON "fund_acceptances" USING btree ("project_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_budget_lines_position_uq" ON "fund_budget_lines" USING btree ("project_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_evaluations_user_uq" ON "fund_evaluations" USING btree ("project_id","user_id");--> statement-breakpoint
CREATE INDEX "fund_inspections_project_idx" ON "fund_inspections" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "fund_milestones_project_idx" ON "fund_milestones" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "fund_objections_project_idx" ON "fund_objections" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "fund_project_members_project_idx" ON "fund_project_members" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "fund_project_updates_project_idx" ON "fund_project_updates" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "fund_projects_station_idx" ON "fund_projects" USING btree ("station_id","stage","id");--> statement-breakpoint
CREATE INDEX "fund_receipts_posting_idx" ON "fund_receipts" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "fund_approval_requests_station_idx" ON "fund_approval_requests" USING btree ("station_id","status","id");--> statement-breakpoint
CREATE INDEX "fund_approval_requests_project_idx" ON "fund_approval_requests" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_approvals_level_uq" ON "fund_approvals" USING btree ("request_id","level");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_rules_area_uq" ON "fund_rules" USING btree ("area_path") WHERE "fund_rules"."area_path" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_rules_station_uq" ON "fund_rules" USING btree ("station_id") WHERE "fund_rules"."station_id" is not null;--> statement-breakpoint
-- The fund's ledger holds up in the database itself (docs/fund.md):
-- * postings and entries are append-only: no update, no delete, no truncate (SQLSTATE LF001); a mistake
--   is corrected by a reversal. A whole-database restore (`linshe restore`) truncates every table in its
--   transaction with linshe.restore = 'on': only then is a truncate let through;
-- * a holding account (general, earmarked) never goes below zero (LF002), whatever the writer.
CREATE FUNCTION fund_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND current_setting('linshe.restore', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'the fund ledger is append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'LF001';
END;
$$;--> statement-breakpoint
CREATE TRIGGER fund_postings_append_only BEFORE UPDATE OR DELETE ON fund_postings
  FOR EACH ROW EXECUTE FUNCTION fund_append_only();--> statement-breakpoint
CREATE TRIGGER fund_entries_append_only BEFORE UPDATE OR DELETE ON fund_entries
  FOR EACH ROW EXECUTE FUNCTION fund_append_only();--> statement-breakpoint
CREATE TRIGGER fund_postings_no_truncate BEFORE TRUNCATE ON fund_postings
  FOR EACH STATEMENT EXECUTE FUNCTION fund_append_only();--> statement-breakpoint
CREATE TRIGGER fund_entries_no_truncate BEFORE TRUNCATE ON fund_entries
  FOR EACH STATEMENT EXECUTE FUNCTION fund_append_only();--> statement-breakpoint
CREATE FUNCTION fund_accounts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind IN ('general', 'earmarked') AND NEW.balance_fen < 0 THEN
    RAISE EXCEPTION 'fund account % would go below zero', NEW.id USING ERRCODE = 'LF002';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.kind <> OLD.kind OR NEW.station_id <> OLD.station_id) THEN
    RAISE EXCEPTION 'fund account % keeps its kind and station', NEW.id USING ERRCODE = 'LF001';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER fund_accounts_guard BEFORE INSERT OR UPDATE ON fund_accounts
  FOR EACH ROW EXECUTE FUNCTION fund_accounts_guard();
