import type { Migration } from './types';

/**
 * Review and sign-off: each project moves through numbered revisions (draft → submitted →
 * accepted, or returned with comments). Accepting stores a snapshot of the project, so a dossier
 * is always made from exactly what the reviewer accepted. Existing projects start at revision 1, draft.
 */
export const revisions: Migration = {
  version: 3,
  name: 'revisions',
  up: `
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
    INSERT INTO revisions (project_id, number, state, comments) SELECT id, 1, 'draft', '' FROM projects;
  `,
};
