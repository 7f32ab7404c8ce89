-- A vote's record holds up in the database itself, not only in the app:
-- * ballots change only while their vote is open and before its closing time (SQLSTATE LV001);
-- * the electorate and the options change only while the vote is a draft (LV002);
-- * an open vote keeps its rule, electorate, scope, method and secrecy; a closed or cancelled vote never
--   changes again, and only a draft can be deleted (LV002).
-- The ballot check takes FOR KEY SHARE on the vote row, which closing (SELECT … FOR UPDATE) waits for and
-- then blocks: a ballot either commits before the count or is refused.
-- A whole-database restore (`linshe restore`, inserts only) sets linshe.restore = 'on' for its transaction;
-- updates and deletes are refused even then.
CREATE FUNCTION deliberation_ballots_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v record;
BEGIN
  IF TG_OP = 'INSERT' AND current_setting('linshe.restore', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT status, closes_at INTO v FROM deliberation_votes WHERE id = OLD.vote_id FOR KEY SHARE;
    IF v.status IS DISTINCT FROM 'open' OR now() >= v.closes_at THEN
      RAISE EXCEPTION 'vote % is not open', OLD.vote_id USING ERRCODE = 'LV001';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  SELECT status, closes_at INTO v FROM deliberation_votes WHERE id = NEW.vote_id FOR KEY SHARE;
  IF v.status IS DISTINCT FROM 'open' OR now() >= v.closes_at THEN
    RAISE EXCEPTION 'vote % is not open', NEW.vote_id USING ERRCODE = 'LV001';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER deliberation_ballots_guard BEFORE INSERT OR UPDATE OR DELETE ON deliberation_ballots
  FOR EACH ROW EXECUTE FUNCTION deliberation_ballots_guard();--> statement-breakpoint

CREATE FUNCTION deliberation_draft_only_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s deliberation_vote_status;
BEGIN
  IF TG_OP = 'INSERT' AND current_setting('linshe.restore', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT status INTO s FROM deliberation_votes WHERE id = OLD.vote_id;
    IF s IS DISTINCT FROM 'draft' THEN
      RAISE EXCEPTION 'vote % is no longer a draft', OLD.vote_id USING ERRCODE = 'LV002';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  SELECT status INTO s FROM deliberation_votes WHERE id = NEW.vote_id;
  IF s IS DISTINCT FROM 'draft' THEN
    RAISE EXCEPTION 'vote % is no longer a draft', NEW.vote_id USING ERRCODE = 'LV002';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER deliberation_electors_guard BEFORE INSERT OR UPDATE OR DELETE ON deliberation_electors
  FOR EACH ROW EXECUTE FUNCTION deliberation_draft_only_guard();--> statement-breakpoint
CREATE TRIGGER deliberation_vote_options_guard BEFORE INSERT OR UPDATE OR DELETE ON deliberation_vote_options
  FOR EACH ROW EXECUTE FUNCTION deliberation_draft_only_guard();--> statement-breakpoint

CREATE FUNCTION deliberation_votes_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'vote % is no longer a draft', OLD.id USING ERRCODE = 'LV002';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status IN ('closed', 'cancelled') THEN
    RAISE EXCEPTION 'vote % is %', OLD.id, OLD.status USING ERRCODE = 'LV002';
  END IF;
  IF OLD.status = 'open' AND (
    NEW.status = 'draft'
    OR (NEW.station_id, NEW.topic_id, NEW.scope, NEW.scope_ids, NEW.electorate, NEW.method, NEW.max_choices,
        NEW.rule, NEW.custom_thresholds, NEW.ballots_final, NEW.secret, NEW.interim_results, NEW.opened_at,
        NEW.created_by)
       IS DISTINCT FROM
       (OLD.station_id, OLD.topic_id, OLD.scope, OLD.scope_ids, OLD.electorate, OLD.method, OLD.max_choices,
        OLD.rule, OLD.custom_thresholds, OLD.ballots_final, OLD.secret, OLD.interim_results, OLD.opened_at,
        OLD.created_by)
  ) THEN
    RAISE EXCEPTION 'vote % is open: its rules cannot change', OLD.id USING ERRCODE = 'LV002';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER deliberation_votes_guard BEFORE UPDATE OR DELETE ON deliberation_votes
  FOR EACH ROW EXECUTE FUNCTION deliberation_votes_guard();
