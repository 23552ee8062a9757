import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderDossier } from '../../../electron/core/dossier/render';
import { readSignatureBoxes } from '../../../electron/core/dossier/signature-boxes';
import { dossierModel } from '../../fixtures/dossier-model';

describe('signature boxes recorded in the dossier', () => {
  test('are read back from the rendered PDF exactly as the renderer placed them', async () => {
    const { pdf, signatureBoxes } = await renderDossier(dossierModel({ checklistRows: 10, flows: 2, evidenceRows: 5, findings: 2 }));
    expect(signatureBoxes.map((b) => b.role)).toEqual(['auditor', 'reviewer']);
    expect(readSignatureBoxes(pdf)).toEqual(signatureBoxes);
  });

  test('garbage gives no boxes, never an error', () => {
    expect(readSignatureBoxes(Buffer.from('not a pdf'))).toEqual([]);
    expect(readSignatureBoxes(Buffer.from('%PDF-1.7\n/ADSGSignatureBoxes (x)\n%%EOF'))).toEqual([]);
    expect(readSignatureBoxes(readFileSync('package.json'))).toEqual([]);
  });
});
