-- Ballots no longer lock their vote's row. Under load, every ballot's KEY SHARE lock on the one vote row
-- (from the foreign key and from the guard) made concurrent ballots queue on that row's multixact.
-- Closing now takes SHARE on deliberation_ballots instead (it waits for ballots in flight and holds new
-- ones until it commits), and the guard reads the vote's status without a lock: a ballot held back by a
-- closing vote reads 'closed' once it goes on, and is refused.
-- The electors are looked up by vote and resident (or account) on every ballot.
ALTER TABLE "deliberation_ballots" DROP CONSTRAINT "deliberation_ballots_vote_id_deliberation_votes_id_fk";
--> statement-breakpoint
DROP INDEX "deliberation_electors_resident_idx";--> statement-breakpoint
DROP INDEX "deliberation_electors_user_idx";--> statement-breakpoint
CREATE INDEX "deliberation_electors_resident_idx" ON "deliberation_electors" USING btree ("vote_id","resident_id");--> statement-breakpoint
CREATE INDEX "deliberation_electors_user_idx" ON "deliberation_electors" USING btree ("vote_id","user_id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION deliberation_ballots_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v record;
BEGIN
  IF TG_OP = 'INSERT' AND current_setting('linshe.restore', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT status, closes_at INTO v FROM deliberation_votes WHERE id = OLD.vote_id;
    IF v.status IS DISTINCT FROM 'open' OR now() >= v.closes_at THEN
      RAISE EXCEPTION 'vote % is not open', OLD.vote_id USING ERRCODE = 'LV001';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  SELECT status, closes_at INTO v FROM deliberation_votes WHERE id = NEW.vote_id;
  IF v.status IS DISTINCT FROM 'open' OR now() >= v.closes_at THEN
    RAISE EXCEPTION 'vote % is not open', NEW.vote_id USING ERRCODE = 'LV001';
  END IF;
  RETURN NEW;
END;
$$;
