import type { PackProblem } from './problems';
import type { PackContent, RulesFile } from './schema';

/** A validated source file and where it came from. */
export interface ParsedFile {
  file: string;
  data: RulesFile;
}

export interface Assembly {
  /** Present when the files make one pack (exactly one `pack` file and one decision order). */
  content?: PackContent;
  /** Item and container id → the file that defines it, so later problems can name the file. */
  origins: Map<string, string>;
  problems: PackProblem[];
}

type ListField =
  | 'sources'
  | 'roles'
  | 'behaviours'
  | 'scenarios'
  | 'thresholds'
  | 'rules'
  | 'methods'
  | 'exemptions'
  | 'importantData'
  | 'checklists';

/** Merges the files of one pack folder into a pack. Lists of the same kind concatenate in file order. */
export function assemblePack(files: readonly ParsedFile[]): Assembly {
  const origins = new Map<string, string>();
  const problems: PackProblem[] = [];
  const note = (file: string, ids: readonly { id: string }[]) => {
    for (const { id } of ids) if (!origins.has(id)) origins.set(id, file);
  };

  const packFiles = files.filter((f) => f.data.kind === 'pack');
  const decisions = files.flatMap((f) => (f.data.kind === 'determination' && f.data.decision ? [f] : []));
  if (packFiles.length !== 1) {
    problems.push({
      file: packFiles[1]?.file,
      message: `a pack needs exactly one file with kind: pack (found ${packFiles.length})`,
    });
  }
  if (decisions.length !== 1) {
    problems.push({
      file: decisions[1]?.file,
      message: `a pack needs exactly one decision order (determination file with decision:), found ${decisions.length}`,
    });
  }

  const content: Pick<PackContent, ListField> = {
    sources: [],
    roles: [],
    behaviours: [],
    scenarios: [],
    thresholds: [],
    rules: [],
    methods: [],
    exemptions: [],
    importantData: [],
    checklists: [],
  };
  for (const { file, data } of files) {
    switch (data.kind) {
      case 'pack':
        note(file, data.notes);
        break;
      case 'sources':
        content.sources.push(...data.sources);
        break;
      case 'scope':
        note(file, [...data.roles, ...data.behaviours, ...data.scenarios]);
        content.roles.push(...data.roles);
        content.behaviours.push(...data.behaviours);
        content.scenarios.push(...data.scenarios);
        break;
      case 'determination':
        note(file, [...data.thresholds, ...data.rules, ...data.methods, ...(data.decision ? [data.decision] : [])]);
        content.thresholds.push(...data.thresholds);
        content.rules.push(...data.rules);
        content.methods.push(...data.methods);
        break;
      case 'exemptions':
        note(file, data.exemptions);
        content.exemptions.push(...data.exemptions);
        break;
      case 'important-data':
        note(file, data.items);
        content.importantData.push(...data.items);
        break;
      case 'checklist':
        note(file, [data.checklist, ...data.checklist.sections, ...data.items]);
        content.checklists.push({ ...data.checklist, items: data.items });
        break;
    }
  }

  const packFile = packFiles[0]?.data;
  const decision = decisions[0]?.data;
  if (problems.length > 0 || packFile?.kind !== 'pack' || decision?.kind !== 'determination' || !decision.decision) {
    return { origins, problems };
  }
  const { kind: _kind, ...meta } = packFile;
  return { content: { format: 1, ...meta, ...content, decision: decision.decision }, origins, problems };
}
