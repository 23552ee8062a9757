import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RulesFile } from '../../../shared/rules/schema';

describe('rules-pack JSON Schema for authors', () => {
  // Regenerate after a schema change with: npx vitest run -u test/shared/rules/json-schema.test.ts
  it('is the committed rules/schema/rules-pack.schema.json', async () => {
    const generated = `${JSON.stringify(z.toJSONSchema(RulesFile, { io: 'input' }), null, 2)}\n`;
    await expect(generated).toMatchFileSnapshot('../../../rules/schema/rules-pack.schema.json');
  });
});
