import { trailHead } from '../audit-trail/trail';
import type { Core } from '../core';
import { loadWorkspace } from '../workspace/service';
import { BundleError, shown } from './errors';
import { firstIssue } from './manifest';
import { BundleProject, PROJECT_SCHEMA_VERSION } from './project-file';
import { listChainRows, listRevisionsWithSnapshots } from './project-rows';
import { readTransaction } from '../db/transaction';

/** What an export reads from the database, all in one read transaction. */
export interface ProjectForExport {
  project: BundleProject;
  trailHead: string | null;
}

/**
 * Reads a project for a bundle in one consistent transaction and checks it against the schema the
 * importer uses, so an export never produces a bundle our own import would refuse.
 * @throws AppError `not-found` for an unknown project; BundleError `project-invalid`.
 */
export function readProjectForExport(core: Core, projectId: string): ProjectForExport {
  const read = readTransaction(core.db, () => ({
    project: {
      schemaVersion: PROJECT_SCHEMA_VERSION,
      workspace: loadWorkspace(core, projectId),
      revisions: listRevisionsWithSnapshots(core.db, projectId),
      trail: listChainRows(core.db, projectId),
    },
    trailHead: trailHead(core.db, projectId),
  }));
  const checked = BundleProject.safeParse(read.project);
  if (!checked.success) throw new BundleError('project-invalid', { detail: shown(firstIssue(checked.error)) });
  // The data as read, not as parsed: parsing may normalise (trim) and the bytes must stay what was hashed.
  return read as ProjectForExport;
}
