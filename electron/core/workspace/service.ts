import type { Workspace } from '../../../shared/ipc/channels/audit';
import type { Core } from '../core';
import { listAnswers } from '../db/repos/answers';
import { listEvidence } from '../db/repos/evidence';
import { listFindings } from '../db/repos/findings';
import { listFlows, listQuestionAnswers } from '../db/repos/flows';
import { listOverrides } from '../db/repos/overrides';
import { getProject } from '../projects/service';
import { readTransaction } from '../db/transaction';

/** An open project in one consistent read (a single read transaction). */
export function loadWorkspace(core: Core, projectId: string): Workspace {
  return readTransaction(core.db, () => ({
    project: getProject(core, projectId),
    flows: listFlows(core.db, projectId),
    questions: listQuestionAnswers(core.db, projectId),
    answers: listAnswers(core.db, projectId),
    evidence: listEvidence(core.db, projectId),
    findings: listFindings(core.db, projectId),
    overrides: listOverrides(core.db, projectId),
  }));
}
