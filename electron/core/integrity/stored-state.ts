import type { Database } from 'better-sqlite3';
import { listAnswers } from '../db/repos/answers';
import { listEvidence } from '../db/repos/evidence';
import { listFindings } from '../db/repos/findings';
import { listFlows, listQuestionAnswers } from '../db/repos/flows';
import { listOverrides } from '../db/repos/overrides';
import { findProject } from '../db/repos/projects';
import { AppError } from '../errors';
import { problemOf, type IntegrityProblem } from './problems';
import { stateOfWorkspace, type ProjectState } from './state';

/**
 * Everything the database holds for a project, read through the same repositories the app uses
 * (so what is compared is what a dossier or a screen would show). Rows of a deleted project that
 * are still there count too: they are not in the trail. Call inside the check's read transaction.
 */
export function readStoredState(db: Database, projectId: string): { state: ProjectState } | { problem: IntegrityProblem } {
  try {
    return {
      state: stateOfWorkspace({
        project: findProject(db, projectId) ?? null,
        flows: listFlows(db, projectId),
        questions: listQuestionAnswers(db, projectId),
        answers: listAnswers(db, projectId),
        evidence: listEvidence(db, projectId),
        findings: listFindings(db, projectId),
        overrides: listOverrides(db, projectId),
      }),
    };
  } catch (e) {
    // A JSON column damaged outside the app: named by the repository that could not read it.
    if (e instanceof AppError && e.code === 'integrity') return { problem: problemOf('state-unreadable', { what: String(e.params.what ?? '-') }) };
    throw e;
  }
}
