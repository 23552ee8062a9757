-- index audit_trail_chain
CREATE INDEX audit_trail_chain ON audit_trail (chain_key, seq);

-- index audit_trail_entity
CREATE INDEX audit_trail_entity ON audit_trail (chain_key, entity_id, seq);

-- index evidence_links_item
CREATE INDEX evidence_links_item ON evidence_links (item_id);

-- index flows_project
CREATE INDEX flows_project ON flows (project_id, position);

-- table answers
CREATE TABLE answers (
      project_id    TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      item_id       TEXT NOT NULL,
      result        TEXT NOT NULL CHECK (result IN ('conforming', 'partially-conforming', 'nonconforming', 'not-applicable', 'not-assessed')),
      notes         TEXT NOT NULL,
      justification TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      actor         TEXT NOT NULL,
      PRIMARY KEY (project_id, item_id)
    ) STRICT;

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

-- table determination_overrides
CREATE TABLE determination_overrides (
      project_id    TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      scope         TEXT NOT NULL,
      outcome       TEXT NOT NULL,
      exemption     TEXT,
      justification TEXT NOT NULL,
      actor         TEXT NOT NULL,
      at            TEXT NOT NULL,
      PRIMARY KEY (project_id, scope)
    ) STRICT;

-- table evidence
CREATE TABLE evidence (
      id          TEXT PRIMARY KEY,
      project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
      file_name   TEXT NOT NULL,
      size        INTEGER NOT NULL,
      media_type  TEXT NOT NULL,
      description TEXT NOT NULL,
      captured_by TEXT NOT NULL,
      captured_at TEXT NOT NULL,
      UNIQUE (project_id, sha256)
    ) STRICT;

-- table evidence_links
CREATE TABLE evidence_links (
      evidence_id TEXT NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
      item_id     TEXT NOT NULL,
      PRIMARY KEY (evidence_id, item_id)
    ) STRICT;

-- table findings
CREATE TABLE findings (
      id             TEXT PRIMARY KEY,
      project_id     TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      number         INTEGER NOT NULL,
      severity       TEXT NOT NULL CHECK (severity IN ('major', 'minor', 'observation')),
      title          TEXT NOT NULL,
      description    TEXT NOT NULL,
      recommendation TEXT NOT NULL,
      owner          TEXT NOT NULL,
      due_date       TEXT,
      status         TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'closed')),
      item_ids       TEXT NOT NULL,
      evidence_ids   TEXT NOT NULL,
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL,
      UNIQUE (project_id, number)
    ) STRICT;

-- table flows
CREATE TABLE flows (
      id                    TEXT PRIMARY KEY,
      project_id            TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      position              INTEGER NOT NULL,
      name                  TEXT NOT NULL,
      scenario              TEXT NOT NULL,
      behaviour             TEXT NOT NULL,
      data_categories       TEXT NOT NULL,
      recipient             TEXT NOT NULL,
      country               TEXT NOT NULL,
      purpose               TEXT NOT NULL,
      channel               TEXT NOT NULL,
      frequency             TEXT NOT NULL,
      individuals           INTEGER,
      sensitive_individuals INTEGER,
      exemption_claims      TEXT NOT NULL,
      created_at            TEXT NOT NULL,
      updated_at            TEXT NOT NULL
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
    , rules_pack_id TEXT NOT NULL DEFAULT 'adsg-2026', rules_pack_version TEXT, rules_pack_hash TEXT) STRICT;

-- table question_answers
CREATE TABLE question_answers (
      flow_id    TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
      item_id    TEXT NOT NULL,
      answer     TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'unsure')),
      note       TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (flow_id, item_id)
    ) STRICT;

-- table revisions
CREATE TABLE revisions (
      project_id    TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      number        INTEGER NOT NULL CHECK (number >= 1),
      state         TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'accepted')),
      submitted_by  TEXT,
      submitted_at  TEXT,
      reviewed_by   TEXT,
      reviewed_at   TEXT,
      comments      TEXT NOT NULL,
      snapshot      TEXT,
      snapshot_hash TEXT,
      trail_head    TEXT,
      PRIMARY KEY (project_id, number)
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
