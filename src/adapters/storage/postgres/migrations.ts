/** One step of the PostgreSQL schema; applied once, in order, each in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The conversation an outbox record goes to (messages queued before version 2 carry none). */
export const OUTBOX_CONVERSATION =
  "(coalesce(data->>'conversation', (data->>'channel') || ':' || (data->>'personId')))";

const OPEN = "status IN ('sent', 'accepted', 'meeting_held')";

/** The schema's history; append only (a released step never changes). */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "handovers, meeting records, preferences and collections",
    sql: `
      CREATE TABLE handovers (
        id text PRIMARY KEY,
        cvr text NOT NULL,
        status text NOT NULL,
        direction text NOT NULL,
        referrer_id text NOT NULL,
        assignee_id text,
        assignee_house text,
        created_at text NOT NULL,
        assigned_at text NOT NULL,
        version integer NOT NULL DEFAULT 0,
        data jsonb NOT NULL
      );
      CREATE UNIQUE INDEX handovers_one_open_per_cvr ON handovers (cvr) WHERE ${OPEN};
      CREATE INDEX handovers_open_by_created ON handovers (created_at COLLATE "C", id COLLATE "C") WHERE ${OPEN};
      CREATE INDEX handovers_open_by_assignee ON handovers (assignee_id) WHERE ${OPEN};
      CREATE INDEX handovers_open_by_referrer ON handovers (referrer_id) WHERE ${OPEN};
      CREATE INDEX handovers_unclaimed_by_house ON handovers (assignee_house)
        WHERE status = 'sent' AND assignee_id IS NULL;
      CREATE INDEX handovers_assigned_at ON handovers (assignee_id, assigned_at);
      CREATE TABLE meeting_records (
        id text PRIMARY KEY,
        handover_id text NOT NULL REFERENCES handovers (id) ON DELETE CASCADE,
        seq bigserial NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX meeting_records_by_handover ON meeting_records (handover_id, seq);
      CREATE TABLE preferences (
        person_id text PRIMARY KEY,
        data jsonb NOT NULL
      );
      CREATE TABLE records (
        collection text NOT NULL,
        id text NOT NULL,
        seq bigserial NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX records_in_order ON records (collection, seq);
    `,
  },
  {
    version: 2,
    name: "outbox claims: conversation leases and paces, open messages by conversation",
    sql: `
      CREATE TABLE outbox_conversations (
        conversation text PRIMARY KEY,
        claim text,
        lease_until bigint,
        claimed_at bigint,
        sent_at bigint[] NOT NULL DEFAULT '{}',
        next_at bigint NOT NULL DEFAULT 0
      );
      CREATE INDEX records_outbox_open ON records (${OUTBOX_CONVERSATION}, seq)
        WHERE collection = 'outbox' AND data->>'state' IN ('pending', 'sending');
    `,
  },
  {
    version: 3,
    name: "pending outbox messages in order, so a claim does not walk past every sent one",
    sql: `
      CREATE INDEX records_outbox_pending ON records (seq)
        WHERE collection = 'outbox' AND data->>'state' = 'pending';
    `,
  },
  {
    version: 4,
    name: "retention and pruning by index: handovers' end, records' time, settled outbox messages",
    sql: `
      ALTER TABLE handovers ADD COLUMN ended_at text;
      CREATE FUNCTION handover_ended_at() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.ended_at := CASE
            WHEN NEW.status IN ('closed', 'declined')
              AND NEW.data->>'need' IS DISTINCT FROM '[slettet]'
            THEN (SELECT e->>'at'
                    FROM jsonb_array_elements(NEW.data->'history') WITH ORDINALITY AS h (e, n)
                    WHERE e->>'type' IN ('close', 'decline') ORDER BY n DESC LIMIT 1)
          END;
          RETURN NEW;
        END $$;
      CREATE TRIGGER handovers_ended_at BEFORE INSERT OR UPDATE ON handovers
        FOR EACH ROW EXECUTE FUNCTION handover_ended_at();
      UPDATE handovers SET ended_at = NULL WHERE status IN ('closed', 'declined');
      CREATE INDEX handovers_ended ON handovers (status, ended_at COLLATE "C")
        WHERE ended_at IS NOT NULL;
      CREATE INDEX records_by_at ON records (collection, (data->>'at') COLLATE "C")
        WHERE data ? 'at';
      CREATE INDEX records_outbox_settled
        ON records ((coalesce(data->>'sentAt', data->>'createdAt')) COLLATE "C")
        WHERE collection = 'outbox' AND data->>'state' NOT IN ('pending', 'sending');
    `,
  },
];

/** The newest schema version this code knows. */
export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
