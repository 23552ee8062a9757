import { writeFile } from 'node:fs/promises';
import type { AuditChannel } from './audit-channels';
import { saveChecklistAnswer } from '../../answers/service';
import { clearOverride, setOverride } from '../../determination/overrides';
import { addEvidenceFiles, describeEvidence, previewEvidence, removeEvidence, setEvidenceLink, verifyProjectEvidence } from '../../evidence-records/service';
import { actionPlanRows, toCsv, toXlsx } from '../../findings/action-plan';
import { createFinding, removeFinding, updateFinding } from '../../findings/service';
import { answerQuestion, createFlow, removeFlow, updateFlow } from '../../flows/service';
import { listEvidence } from '../../db/repos/evidence';
import { listFindings } from '../../db/repos/findings';
import { getProject } from '../../projects/service';
import { packForProject } from '../../projects/rules-pack';
import { safeFileName } from '../../safe-file-name';
import { loadWorkspace } from '../../workspace/service';
import type { Handlers } from './types';

export const auditHandlers: Handlers<AuditChannel> = {
  'workspace:get': ({ projectId }, core) => loadWorkspace(core, projectId),
  'flows:create': ({ projectId, flow }, core) => createFlow(core, projectId, flow),
  'flows:update': ({ id, patch }, core) => updateFlow(core, id, patch),
  'flows:delete': ({ id }, core) => removeFlow(core, id),
  'questions:answer': (input, core) => answerQuestion(core, input),
  'answers:save': (input, core) => saveChecklistAnswer(core, input),
  'overrides:set': (input, core) => setOverride(core, input),
  'overrides:clear': ({ projectId, scope }, core) => clearOverride(core, projectId, scope),
  'findings:create': ({ projectId, finding }, core) => createFinding(core, projectId, finding),
  'findings:update': ({ id, patch }, core) => updateFinding(core, id, patch),
  'findings:delete': ({ id }, core) => removeFinding(core, id),
  'findings:export': async ({ projectId, format }, core, ports) => {
    const project = getProject(core, projectId);
    const zh = core.locale() === 'zh-CN';
    const path = await ports.saveFile(`${safeFileName(project.name)}-${zh ? '整改计划' : 'action-plan'}.${format}`, [format]);
    if (!path) return { saved: false, path: null };
    const names = new Map(listEvidence(core.db, projectId).map((e) => [e.id, e.fileName]));
    const pack = await packForProject(core, projectId);
    const refs = new Map(pack.checklists.flatMap((c) => c.items.map((i) => [i.id, i.ref ?? i.id.split(':')[1]!] as const)));
    const rows = actionPlanRows(listFindings(core.db, projectId), core.locale(), names, refs);
    await writeFile(path, format === 'csv' ? toCsv(rows) : await toXlsx(rows, core.locale() === 'zh-CN' ? '整改计划' : 'Action plan'));
    return { saved: true, path };
  },
  'evidence:pick': async ({ projectId, itemId, jobId }, core, ports) => {
    const paths = await ports.pickFiles();
    return paths.length ? addEvidenceFiles(core, ports, { projectId, paths, itemId, jobId }) : [];
  },
  'evidence:addPaths': (input, core, ports) => addEvidenceFiles(core, ports, input),
  'evidence:update': ({ id, description }, core) => describeEvidence(core, id, description),
  'evidence:link': ({ id, itemId, linked }, core) => setEvidenceLink(core, id, itemId, linked),
  'evidence:delete': ({ id }, core) => removeEvidence(core, id),
  'evidence:preview': ({ id }, core) => previewEvidence(core, id),
  'evidence:verify': ({ projectId, jobId }, core, ports) =>
    jobId
      ? core.jobs.run(jobId, (signal) =>
          verifyProjectEvidence(core, projectId, {
            signal,
            onProgress: (done, total) => ports.emit('job:progress', { jobId, kind: 'evidence', label: '', done, total }),
          }),
        )
      : verifyProjectEvidence(core, projectId),
  'jobs:cancel': ({ jobId }, core) => ({ cancelled: core.jobs.cancel(jobId) }),
};
