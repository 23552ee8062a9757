import type { Facts } from '../rules/facts';
import type { RulesPack } from '../rules/schema';
import type { Flow, QuestionAnswer } from './flow';
import { importantDataItemsFor, importantDataResult } from './important-data';
import type { Project } from './project';

/**
 * The determination facts of a project: the organisation and each export flow, with "important
 * data" taken from the flow's questionnaire. Unknown counts stay unknown (never zero), so the
 * engine asks for them instead of guessing. Used by the live panel, the dossier and the CLI alike.
 */
export function workspaceFacts(
  pack: RulesPack,
  ws: { project: Pick<Project, 'organization' | 'ciio'>; flows: readonly Flow[]; questions: readonly QuestionAnswer[] },
): Facts {
  return {
    organization: { name: ws.project.organization, ciio: ws.project.ciio },
    flows: ws.flows.map((f) => {
      const important = importantDataResult(
        importantDataItemsFor(pack, f.scenario).map((i) => i.id),
        ws.questions.filter((q) => q.flowId === f.id),
      ).importantData;
      return {
        id: f.id,
        description: f.name,
        scenario: f.scenario,
        behaviour: f.behaviour,
        ...(f.individuals === null ? {} : { individuals: f.individuals }),
        ...(f.sensitiveIndividuals === null ? {} : { sensitiveIndividuals: f.sensitiveIndividuals }),
        ...(important === null ? {} : { importantData: important }),
        assessmentRequiredByOtherRule: false,
        exemptionClaims: f.exemptionClaims,
      };
    }),
  };
}
