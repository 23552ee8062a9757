import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/canonical-json';
import type { DossierCheck } from '../../../shared/domain/signing';
import { extractEmbeddedFiles, verifyPdf } from '../signing';

const Assessment = z.object({ format: z.literal('adsg-assessment/1'), projectId: z.string(), revision: z.number().int(), snapshotHash: z.string(), snapshot: z.unknown() });

/**
 * Checks a dossier from its bytes alone: every signature (via the signing core, which trusts
 * nothing the PDF claims), whether bytes follow the last signature, and whether the embedded
 * assessment is intact — its snapshot must hash to the snapshot hash it carries (which the
 * signatures cover, so a valid signature vouches for both).
 */
export async function verifyDossier(pdf: Buffer, file: string, trusted: readonly Buffer[]): Promise<DossierCheck> {
  const report = await verifyPdf(pdf, { trusted });
  let assessment: DossierCheck['assessment'] = { present: false, matches: false };
  try {
    const attached = extractEmbeddedFiles(pdf).find((f) => f.name === 'assessment.json');
    if (attached) {
      const parsed = Assessment.safeParse(JSON.parse(attached.data.toString('utf8')));
      assessment = parsed.success
        ? {
            present: true,
            matches: createHash('sha256').update(canonicalJson(parsed.data.snapshot)).digest('hex') === parsed.data.snapshotHash,
            projectId: parsed.data.projectId,
            revision: parsed.data.revision,
            snapshotHash: parsed.data.snapshotHash,
          }
        : { present: true, matches: false };
    }
  } catch {
    assessment = { present: true, matches: false };
  }
  return {
    ok: report.ok && assessment.matches,
    file,
    bytesAfterLastSignature: report.bytesAfterLastSignature,
    assessment,
    signatures: report.signatures.map((s) => ({
      valid: s.valid,
      ...(s.problem ? { problem: `${s.problem.code}: ${s.problem.message}` } : {}),
      coversWholeFile: s.coversWholeFile,
      ...(s.signer ? { signer: { commonName: s.signer.commonName, organisation: s.signer.organisation, fingerprint: s.signer.fingerprint } } : {}),
      ...(s.signingTime ? { signingTime: s.signingTime.toISOString() } : {}),
      trusted: s.trusted,
      ...(s.claims.reason ? { reason: s.claims.reason } : {}),
    })),
  };
}
