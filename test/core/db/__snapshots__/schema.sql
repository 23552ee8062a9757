-- index audit_trail_chain
CREATE INDEX audit_trail_chain ON audit_trail (chain_key, seq);

-- index audit_trail_entity
CREATE INDEX audit_trail_entity ON audit_trail (chain_key, entity_id, seq);

-- table audit_trail
CREATE TABLE audit_trail (
      seq        INTEGER PRIMARY KEY,
      chain_key  TEXT NOT NULL,
      entity     TEXT NOT NULL,
      entity_id  TEXT NOT NULL,
      action     TEXT NOT NULL,
      actor      TEXT NOT NULL,
      at         TEXT NOT NULL,
      before     TEXT,
      after      TEXT,
      prev_hash  TEXT NOT NULL,
      hash       TEXT NOT NULL UNIQUE
    ) STRICT;

-- table projects
CREATE TABLE projects (
      id           TEXT PRIMARY KEY,
      name         TEXT NOT NULL,
      organization TEXT NOT NULL,
      credit_code  TEXT NOT NULL,
      role         TEXT NOT NULL,
      ciio         INTEGER NOT NULL CHECK (ciio IN (0, 1)),
      site         TEXT NOT NULL,
      audit_start  TEXT,
      audit_end    TEXT,
      auditor      TEXT NOT NULL,
      reviewer     TEXT NOT NULL,
      status       TEXT NOT NULL CHECK (status IN ('active', 'archived')),
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;

-- table settings
CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

-- trigger audit_trail_no_delete
CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit_trail
      BEGIN SELECT RAISE(ABORT, 'audit_trail is append-only'); END;

-- trigger audit_trail_no_update
CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit_trail
      BEGIN SELECT RAISE(ABORT, 'audit_trail is append-only'); END;
