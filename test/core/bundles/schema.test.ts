import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BundleProject } from '../../../electron/core/bundles/project-file';

describe('project.json JSON Schema', () => {
  // Regenerate after a schema change with: npx vitest run -u test/core/bundles/schema.test.ts
  it('is the committed docs/schemas/bundle-project.schema.json', async () => {
    const generated = `${JSON.stringify(z.toJSONSchema(BundleProject, { io: 'input' }), null, 2)}\n`;
    await expect(generated).toMatchFileSnapshot('../../../docs/schemas/bundle-project.schema.json');
  });
});
