import { saveChecklistAnswer } from '../../../electron/core/answers/service';
import type { Core } from '../../../electron/core/core';
import { answerQuestion, createFlow } from '../../../electron/core/flows/service';
import { packForProject } from '../../../electron/core/projects/rules-pack';
import { createProject } from '../../../electron/core/projects/service';
import { importantDataItemsFor } from '../../../shared/domain/important-data';
import type { Flow, FlowFields } from '../../../shared/domain/flow';

export const EXAMPLE = 'adsg-2026@1.1.0-example';

const flow = (fields: Partial<FlowFields> & Pick<FlowFields, 'name' | 'scenario' | 'behaviour'>): FlowFields => ({
  dataCategories: [],
  recipient: '',
  country: '',
  purpose: '',
  channel: '',
  frequency: '',
  individuals: 0,
  sensitiveIndividuals: 0,
  exemptionClaims: [],
  ...fields,
});

/**
 * A project on adsg-2026@1.0.0 whose answers meet every kind of change the sample 1.1.0-example
 * version makes: a threshold that moves the telematics flow, a reworded checklist item and
 * questionnaire item, a withdrawn checklist item and questionnaire item, a re-sourced item, and a
 * new questionnaire item that leaves the plant-video flow undecided.
 */
export async function auditedProject(core: Core): Promise<{ projectId: string; telematics: Flow; rnd: Flow; plant: Flow }> {
  const project = createProject(core, { name: 'Upgrade', organization: 'Example Motors', creditCode: '91350100M000100Y43', role: 'vehicle-manufacturer', ciio: false, site: '', auditStart: null, auditEnd: null, auditor: '', reviewer: '' });
  const pack = await packForProject(core, project.id);
  // 150,000 individuals: the standard contract under 1.0.0 (floor 100,000), small volume under the example (floor 200,000).
  const telematics = createFlow(core, project.id, flow({ name: 'Telematics', scenario: 'connected-operation', behaviour: 'transfer-abroad', individuals: 150_000 }));
  const rnd = createFlow(core, project.id, flow({ name: 'R&D lake', scenario: 'driving-automation', behaviour: 'access-from-abroad' }));
  const plant = createFlow(core, project.id, flow({ name: 'Plant video', scenario: 'manufacturing', behaviour: 'transfer-abroad' }));
  for (const f of [telematics, rnd, plant]) {
    for (const item of importantDataItemsFor(pack, f.scenario)) {
      const yes = f === rnd && item.id === 'adsg-2026:idata-rd-annotation-scenes';
      answerQuestion(core, { flowId: f.id, itemId: item.id, answer: yes ? 'yes' : 'no', note: '' });
    }
  }
  const answer = (item: string, result: 'conforming' | 'nonconforming' | 'not-applicable', justification = '') =>
    saveChecklistAnswer(core, { projectId: project.id, itemId: `adsg-2026:${item}`, result, notes: `${item} notes`, justification });
  answer('ms-01', 'conforming');
  answer('tp-01', 'conforming');
  answer('log-05', 'nonconforming', 'Logs kept 90 days.');
  answer('ms-10', 'not-applicable', 'Not an important-data processor yet.');
  return { projectId: project.id, telematics, rnd, plant };
}
