import { describe, expect, it } from 'vitest';
import { defaultRulesDir } from '../../../electron/core/rules/default-dir';

describe('defaultRulesDir', () => {
  it('honours ADSG_RULES_DIR', () => {
    expect(defaultRulesDir({ ADSG_RULES_DIR: '/opt/adsg/rules' })).toBe('/opt/adsg/rules');
  });

  it('is a rules folder beside the running bundle otherwise', () => {
    expect(defaultRulesDir({})).toMatch(/[/\\]rules$/);
  });
});
