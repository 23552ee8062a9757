import type { Migration } from './types';

/**
 * The auditor's day: export flows, the important-data questionnaire, determination overrides,
 * checklist answers, evidence, findings; and each project pinned to a rules pack. Existing
 * projects are pinned to adsg-2026 with no hash yet: the hash is recorded the first time the
 * project is opened with the pack installed (a data step, tested in migrations.test.ts).
 */
export const auditWork: Migration = {
  version: 2,
  name: 'audit-work',
  up: `
    ALTER TABLE projects ADD COLUMN rules_pack_id TEXT NOT NULL DEFAULT 'adsg-2026';
    ALTER TABLE projects ADD COLUMN rules_pack_version TEXT;
    ALTER TABLE projects ADD COLUMN rules_pack_hash TEXT;

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
    CREATE INDEX flows_project ON flows (project_id, position);

    CREATE TABLE question_answers (
      flow_id    TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
      item_id    TEXT NOT NULL,
      answer     TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'unsure')),
      note       TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (flow_id, item_id)
    ) STRICT;

    -- scope is 'organization' or a flow id.
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

    CREATE TABLE evidence_links (
      evidence_id TEXT NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
      item_id     TEXT NOT NULL,
      PRIMARY KEY (evidence_id, item_id)
    ) STRICT;
    CREATE INDEX evidence_links_item ON evidence_links (item_id);

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
  `,
};
