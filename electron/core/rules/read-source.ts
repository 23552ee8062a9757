import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { assemblePack, type ParsedFile } from '../../../shared/rules/assemble';
import { problemsFromSchema, type PackProblem } from '../../../shared/rules/problems';
import { PackContent, RulesFile, type RulesPack } from '../../../shared/rules/schema';
import { checkPack } from '../../../shared/rules/validate';
import { RulesPackError } from './errors';
import { sealPack } from './hash';

/**
 * Reads a pack folder of YAML files (rules/<pack-id>/), validates every file with the rules schema,
 * assembles them, runs the cross-file checks and seals the result. Throws `RulesPackError('invalid')`
 * listing every problem with its file and item, so an author fixes them all in one pass.
 */
export async function readPackSource(packDir: string): Promise<RulesPack> {
  const files = await yamlFiles(packDir);
  const parsed: ParsedFile[] = [];
  const problems: PackProblem[] = [];
  for (const path of files) {
    // Names relative to the rules folder (`adsg-2026/exemptions.yaml`) read the same on every machine.
    const file = relative(dirname(packDir), path).split(sep).join('/');
    const document = parseDocument(await readFile(path, 'utf8'), { uniqueKeys: true, prettyErrors: true });
    const [syntaxError] = document.errors;
    if (syntaxError) {
      // Later syntax errors are usually echoes of the first; one precise message is more useful.
      problems.push({ file, message: syntaxError.message });
      continue;
    }
    const data: unknown = document.toJS();
    const result = RulesFile.safeParse(data);
    if (result.success) parsed.push({ file, data: result.data });
    else problems.push(...problemsFromSchema(result.error, data, file));
  }
  const packName = basename(packDir);
  if (problems.length > 0) throw new RulesPackError('invalid', { pack: packName }, problems);

  const assembly = assemblePack(parsed);
  if (!assembly.content) throw new RulesPackError('invalid', { pack: packName }, assembly.problems);
  const content = PackContent.parse(assembly.content);
  const crossFile = checkPack(content).map((p) => ({ ...p, file: p.item ? assembly.origins.get(p.item) : undefined }));
  if (crossFile.length > 0) throw new RulesPackError('invalid', { pack: packName }, crossFile);
  return sealPack(content);
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
