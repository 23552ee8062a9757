import { runInContext, createContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { determine } from '../../../shared/rules/engine';
import { parseFacts } from '../../../shared/rules/facts';
import { REPO_ROOT, sourcePack } from './source-pack';

const FACTS = {
  organization: { ciio: false },
  flows: [
    {
      id: 'telematics',
      scenario: 'connected-operation',
      behaviour: 'transfer-abroad',
      individuals: 600_000,
      sensitiveIndividuals: 0,
      importantData: false,
    },
    {
      id: 'diagnostics',
      scenario: 'sales-aftersales',
      behaviour: 'access-from-abroad',
      individuals: 450_000,
      sensitiveIndividuals: 30,
    },
    {
      id: 'hr',
      scenario: 'other',
      behaviour: 'transfer-abroad',
      individuals: 2_000,
      sensitiveIndividuals: 0,
      importantData: false,
      exemptionClaims: [{ id: 'hr-management', conditionsMet: true }],
    },
  ],
};

describe('the determination engine is pure', () => {
  it('gives the same result bundled for a browser and run with no Node globals at all', async () => {
    const bundle = await build({
      stdin: {
        contents:
          "export { determine } from './shared/rules/engine';\nexport { parseFacts } from './shared/rules/facts';",
        resolveDir: REPO_ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'rules',
      write: false,
      logLevel: 'silent',
    });
    const pack = await sourcePack();
    // A bare context: no require, process, Buffer, console or DOM. Only the language itself.
    const sandbox = createContext({ packJson: JSON.stringify(pack), factsJson: JSON.stringify(FACTS) });
    runInContext(bundle.outputFiles[0]?.text ?? '', sandbox);
    const inSandbox = runInContext(
      `const pack = JSON.parse(packJson);
       JSON.stringify(rules.determine(pack, rules.parseFacts(pack, JSON.parse(factsJson), 'en').facts));`,
      sandbox,
    ) as string;

    const parsed = parseFacts(pack, FACTS, 'en');
    if (!parsed.ok) throw new Error('invalid facts');
    const inNode = determine(pack, parsed.facts);
    expect(JSON.parse(inSandbox)).toEqual(inNode);
    expect(inNode.organization.outcome).toBe('security-assessment');
  });
});
