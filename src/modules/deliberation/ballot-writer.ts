import { type Db, poolOf } from '../../server/db/client.ts';

/**
 * Writes ballots to the database in batches, each batch one statement: the ballots and their audit rows
 * commit together, once. A vote's busiest moment is fsync-bound (every commit waits for the write-ahead
 * log to reach the disk; on the machines here that wait is most of a ballot's cost), so ballots arriving
 * while a batch is being written wait for the next batch instead of each paying for its own flush. An idle
 * writer sends a ballot at once: batching adds no delay, it only shares the wait under load.
 *
 * One counted ballot per head: the unique (vote, elector) row is replaced by a later ballot unless the
 * vote's ballots are final. A batch never holds two ballots of one head, and a head's next ballot waits
 * until its previous one is written, so a voter's ballots are applied in the order they arrived. If a
 * batch fails (a vote closed under it, say), each of its ballots is written alone, so each gets its own
 * answer. The database's guard (migration 0014) still refuses any ballot of a vote that is not open.
 */

export interface BallotWrite {
  stationId: number;
  voteId: number;
  electorId: number;
  choices: readonly string[];
  channel: 'online' | 'paper' | 'door';
  castBy: number;
  photoKey: string | null;
  proxyName: string | null;
  proxyAuthorisation: string | null;
  receiptHash: string;
  /** For the audit row: who acted for whom, from where, and the place. */
  onBehalfOf: number | null;
  ip: string;
  userAgent: string | null;
  path: string;
}
/** The written ballot, or null when the head had voted already and the vote's ballots are final. */
export type Written = { revision: number; castAt: Date } | null;

interface Pending {
  write: BallotWrite;
  resolve: (w: Written) => void;
  reject: (err: unknown) => void;
}

const MAX_BATCH = 250;
/** Batches in flight at once (the pool has 10 connections; the rest serve reads). */
const MAX_IN_FLIGHT = 4;

const headOf = (w: BallotWrite) => `${w.voteId}:${w.electorId}`;

class BallotWriter {
  private readonly queue: Pending[] = [];
  private readonly writing = new Set<string>();
  private inFlight = 0;
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  write(write: BallotWrite): Promise<Written> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < MAX_IN_FLIGHT) {
      const batch = this.take();
      if (batch.length === 0) return;
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        for (const p of batch) this.writing.delete(headOf(p.write));
        this.pump();
      });
    }
  }

  /** The oldest queued ballots, one per head, none of a head whose previous ballot is still being written. */
  private take(): Pending[] {
    const batch: Pending[] = [];
    for (let i = 0; i < this.queue.length && batch.length < MAX_BATCH; ) {
      const p = this.queue[i] as Pending;
      const head = headOf(p.write);
      if (this.writing.has(head)) {
        i++;
        continue;
      }
      this.writing.add(head);
      batch.push(p);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async flush(batch: Pending[]) {
    try {
      const written = await writeBatch(
        this.db,
        batch.map((p) => p.write),
      );
      for (const p of batch) p.resolve(written.get(headOf(p.write)) ?? null);
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      for (const p of batch) {
        try {
          p.resolve((await writeBatch(this.db, [p.write])).get(headOf(p.write)) ?? null);
        } catch (one) {
          p.reject(one);
        }
      }
    }
  }
}

/**
 * The statement: the batch as columns (one array parameter each), upserted, audited, in one commit. A
 * named prepared statement on the pool (no query building per batch).
 */
const WRITE_BATCH = {
  name: 'deliberation_write_ballots',
  text: `with input as (
      select * from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[],
        $5::deliberation_ballot_channel[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::text[],
        $11::bigint[], $12::text[], $13::text[], $14::text[])
        as i(station_id, vote_id, elector_id, choices, channel, cast_by, photo_key, proxy_name,
          proxy_authorisation, receipt_hash, on_behalf_of, ip, user_agent, path)
    ),
    b as (
      insert into deliberation_ballots as old (station_id, vote_id, elector_id, choices, channel, cast_by,
        photo_key, proxy_name, proxy_authorisation, receipt_hash)
      select station_id, vote_id, elector_id, string_to_array(choices, ','), channel, cast_by, photo_key,
        proxy_name, proxy_authorisation, receipt_hash from input
      on conflict (vote_id, elector_id) do update set
        choices = excluded.choices, channel = excluded.channel, cast_by = excluded.cast_by,
        photo_key = excluded.photo_key, proxy_name = excluded.proxy_name,
        proxy_authorisation = excluded.proxy_authorisation, receipt_hash = excluded.receipt_hash,
        replaced_receipts = array_append(old.replaced_receipts, old.receipt_hash),
        revision = old.revision + 1, cast_at = now()
      where not exists (select 1 from deliberation_votes v where v.id = old.vote_id and v.ballots_final)
      returning id, vote_id, elector_id, revision, cast_at
    ),
    a as (
      insert into audit_events (actor_user_id, on_behalf_of_resident_id, action, subject_type, subject_id,
        station_id, path, summary, ip, user_agent)
      select i.cast_by, i.on_behalf_of, 'vote.ballot', 'ballot', b.id::text, i.station_id, i.path,
        jsonb_build_object('voteId', i.vote_id, 'electorId', i.elector_id, 'channel', i.channel,
          'revision', b.revision, 'proxy', i.proxy_name is not null),
        i.ip, i.user_agent
      from b join input i on i.vote_id = b.vote_id and i.elector_id = b.elector_id
    )
    select vote_id, elector_id, revision, cast_at from b`,
};
// The audit summary never holds the choices: a secret ballot's must not reach the audit, and an open
// one's are in the ballot itself.

async function writeBatch(db: Db, rows: readonly BallotWrite[]): Promise<Map<string, Written>> {
  const col = <T>(f: (w: BallotWrite) => T) => rows.map(f);
  const result = await poolOf(db).query<{
    vote_id: string;
    elector_id: string;
    revision: number;
    cast_at: Date;
  }>({
    ...WRITE_BATCH,
    values: [
      col((w) => w.stationId),
      col((w) => w.voteId),
      col((w) => w.electorId),
      col((w) => w.choices.join(',')),
      col((w) => w.channel),
      col((w) => w.castBy),
      col((w) => w.photoKey),
      col((w) => w.proxyName),
      col((w) => w.proxyAuthorisation),
      col((w) => w.receiptHash),
      col((w) => w.onBehalfOf),
      col((w) => w.ip),
      col((w) => w.userAgent),
      col((w) => w.path),
    ],
  });
  return new Map(
    result.rows.map((r) => [
      `${r.vote_id}:${r.elector_id}`,
      { revision: r.revision, castAt: new Date(r.cast_at) },
    ]),
  );
}

const writers = new WeakMap<Db, BallotWriter>();

/** Queues a ballot for the next batch of this database and answers when it is committed. */
export function writeBallotBatched(db: Db, write: BallotWrite): Promise<Written> {
  let writer = writers.get(db);
  if (!writer) {
    writer = new BallotWriter(db);
    writers.set(db, writer);
  }
  return writer.write(write);
}
