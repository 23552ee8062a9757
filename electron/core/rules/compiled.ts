import { problemsFromSchema } from '../../../shared/rules/problems';
import { RulesPack } from '../../../shared/rules/schema';
import { checkPack } from '../../../shared/rules/validate';
import { RulesPackError } from './errors';
import { sealIsIntact } from './hash';

/**
 * Validates a compiled pack (parsed JSON) as strictly as its sources were: the same schema, the
 * same cross-file checks, and hashes that match the content. `file` names it in errors.
 */
export function parseCompiledPack(json: unknown, file: string): RulesPack {
  const result = RulesPack.safeParse(json);
  if (!result.success)
    throw new RulesPackError('invalid', { pack: file }, problemsFromSchema(result.error, json, file));
  const problems = checkPack(result.data).map((p) => ({ ...p, file }));
  if (problems.length > 0) throw new RulesPackError('invalid', { pack: file }, problems);
  if (!sealIsIntact(result.data)) throw new RulesPackError('tampered', { file });
  return result.data;
}
