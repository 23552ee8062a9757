// Compiles rules/<pack>/ (YAML) into dist/rules/<id>@<version>.json, run by scripts/build.mjs.
import { buildRulePacks } from '../electron/core/rules/build';
import { RulesPackError } from '../electron/core/rules/errors';

buildRulePacks('rules', 'dist/rules').then(
  (built) => built.forEach((b) => console.log(`rules: ${b.id}@${b.version} ${b.contentHash.slice(0, 12)}`)),
  (error: unknown) => {
    console.error(error instanceof RulesPackError ? error.describe('en') : error);
    process.exit(1);
  },
);
