import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/canonical-json';
import { sameSignerName, type DossierCheck, type DossierProblemCode, type VerifyNote } from '../../../shared/domain/signing';
import { extractEmbeddedFiles, verifyPdf, type PdfVerification, type SignatureReport } from '../signing';
import { SigningError } from '../signing/errors';
import { escapeUnsafeText } from '../../../shared/domain/text';

const Assessment = z.object({
  format: z.literal('adsg-assessment/1'),
  projectId: z.string(),
  revision: z.number().int(),
  snapshotHash: z.string(),
  snapshot: z.unknown(),
});
/** What the verifier shows of the snapshot; the rest is the project's business. */
const SnapshotNames = z.object({ project: z.object({ name: z.string(), auditor: z.string().optional(), reviewer: z.string().optional() }) });

/**
 * Text taken from the PDF (names, reasons) with control characters and bidirectional overrides
 * shown as visible escapes (the shared text rule): a hostile certificate name must not rewrite a terminal line or reorder what the UI shows.
 */
const printable = (text: string | undefined): string | undefined => (text === undefined ? undefined : escapeUnsafeText(text.slice(0, 512)));

export interface VerifyDossierOptions {
  /** Accept signers outside the trusted set for `ok` (their trust is still reported). */
  readonly allowUntrusted?: boolean;
}

/** The report on a file that could not be checked at all: it is not a PDF, or not one we can read safely. */
export function uncheckable(file: string, code: DossierProblemCode, options: VerifyDossierOptions = {}, detail?: string): DossierCheck {
  return {
    ok: false,
    file,
    allowUntrusted: options.allowUntrusted === true,
    untrustedOnly: false,
    revisions: 0,
    signatures: [],
    changes: [],
    problems: [{ code, ...(detail ? { detail } : {}) }],
    notes: [],
    bytesAfterLastSignature: 0,
    assessment: { present: false, matches: false },
  };
}

/**
 * Checks a dossier from its bytes alone: every signature, the revisions after each (via the
 * signing core, which trusts nothing the PDF claims), whether bytes follow the last revision,
 * and whether the embedded assessment is intact — its snapshot must hash to the snapshot hash it
 * carries (which the signatures cover, so a valid signature vouches for both). A file that is
 * not a PDF, or cannot be read safely, is a failed check naming that, not an error.
 */
export async function verifyDossier(pdf: Buffer, file: string, trusted: readonly Buffer[], options: VerifyDossierOptions = {}): Promise<DossierCheck> {
  const allowUntrusted = options.allowUntrusted === true;
  const refused = (code: DossierProblemCode, detail?: string): DossierCheck => uncheckable(file, code, options, detail);
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0) return refused('not-a-pdf');
  let report: PdfVerification;
  try {
    report = await verifyPdf(pdf, { trusted, allowUntrusted });
  } catch (error) {
    if (!(error instanceof SigningError)) throw error;
    return refused(error.code === 'unsupported' ? 'unsupported-pdf' : 'malformed-pdf', error.message);
  }
  const signatures = report.signatures.map(signatureCheck);
  if (signatures.length === 0) return { ...refused('no-signatures'), revisions: report.revisions };

  const assessment = readAssessment(pdf);
  const problems: DossierCheck['problems'] = [];
  if (report.trailingBytes > 0) problems.push({ code: 'trailing-bytes', detail: String(report.trailingBytes) });
  if (!assessment.present) problems.push({ code: 'assessment-missing' });
  else if (!assessment.matches) problems.push({ code: 'assessment-mismatch' });
  const intactIgnoringTrust = report.signatures.every((s) => s.valid && s.revision !== undefined && s.certificateProblems.length === 0 && s.changesAfter.length === 0);
  const ok = report.ok && problems.length === 0;
  return {
    ok,
    file,
    allowUntrusted,
    untrustedOnly: !ok && problems.length === 0 && report.trailingBytes === 0 && intactIgnoringTrust,
    revisions: report.revisions,
    signatures,
    changes: [...report.changes],
    problems,
    notes: reviewerNotes(signatures, assessment.reviewer),
    bytesAfterLastSignature: report.bytesAfterLastSignature,
    assessment,
  };
}

/** Each countersignature (every signature after the auditor's) by someone other than the project's reviewer. */
function reviewerNotes(signatures: DossierCheck['signatures'], reviewer: string | undefined): VerifyNote[] {
  if (!reviewer?.trim()) return [];
  return signatures.flatMap((s, index) => {
    const name = s.signer?.commonName;
    if (index === 0 || name === undefined || sameSignerName(name, reviewer)) return [];
    return [{ code: 'reviewer-name-differs' as const, signature: index + 1, certificateName: name, projectReviewer: reviewer }];
  });
}

function signatureCheck(s: SignatureReport): DossierCheck['signatures'][number] {
  return {
    fieldName: printable(s.fieldName),
    ...(s.revision !== undefined ? { revision: s.revision } : {}),
    valid: s.valid,
    ...(s.problem ? { problem: s.problem.code } : {}),
    coversWholeFile: s.coversWholeFile,
    ...(s.signer
      ? {
          signer: {
            commonName: printable(s.signer.commonName),
            organisation: printable(s.signer.organisation),
            fingerprint: s.signer.fingerprint,
            notBefore: s.signer.notBefore.toISOString(),
            notAfter: s.signer.notAfter.toISOString(),
          },
        }
      : {}),
    ...(s.signingTime ? { signingTime: s.signingTime.toISOString() } : {}),
    certificateProblems: [...s.certificateProblems],
    trusted: s.trusted,
    ...(s.trustAnchor ? { trustAnchor: s.trustAnchor } : {}),
    changesAfter: [...s.changesAfter],
    ...(s.claims.reason ? { reason: printable(s.claims.reason) } : {}),
    ok: s.ok,
  };
}

/** The embedded assessment.json as the final revision shows it (the change rules vouch it is the signed one). */
function readAssessment(pdf: Buffer): DossierCheck['assessment'] {
  try {
    const attached = extractEmbeddedFiles(pdf).find((f) => f.name === 'assessment.json');
    if (!attached) return { present: false, matches: false };
    const parsed = Assessment.safeParse(JSON.parse(attached.data.toString('utf8')));
    if (!parsed.success) return { present: true, matches: false };
    const names = SnapshotNames.safeParse(parsed.data.snapshot);
    return {
      present: true,
      matches: createHash('sha256').update(canonicalJson(parsed.data.snapshot)).digest('hex') === parsed.data.snapshotHash,
      projectId: parsed.data.projectId,
      ...(names.success
        ? {
            projectName: printable(names.data.project.name),
            ...(names.data.project.auditor ? { auditor: printable(names.data.project.auditor) } : {}),
            ...(names.data.project.reviewer ? { reviewer: printable(names.data.project.reviewer) } : {}),
          }
        : {}),
      revision: parsed.data.revision,
      snapshotHash: parsed.data.snapshotHash,
    };
  } catch {
    return { present: true, matches: false };
  }
}
