import { z } from 'zod';
import { singleLine } from './text';

/** What a person enters for a new signing identity: the certificate's CN, O and e-mail address. */
export const IdentityFields = {
  name: singleLine(64).min(1, 'v.required'),
  organisation: singleLine(64).min(1, 'v.required'),
  email: z.email('v.invalid').max(128).optional(),
};

/**
 * A signing identity as listed (the key itself never leaves its encrypted PKCS#12). Names come
 * from certificates, which may be foreign (an imported .p12): they are escaped where shown.
 */
export const IdentityInfo = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  email: z.string().optional(),
  subject: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  createdAt: z.string(),
  source: z.enum(['created', 'imported']),
});
export type IdentityInfo = z.infer<typeof IdentityInfo>;

export const TrustedCert = z.object({
  fingerprint: z.string(),
  commonName: z.string().optional(),
  organisation: z.string().optional(),
  subject: z.string(),
  issuer: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  isCA: z.boolean(),
});

/**
 * Why a signature itself is not valid: its byte range is not sane, the CMS cannot be read or uses
 * what we do not accept, the signed bytes or the signature value differ, or what it signs is not
 * a whole revision of the file (so what follows cannot be judged).
 */
export const SIGNATURE_PROBLEM_CODES = ['byte-range', 'cms-malformed', 'unsupported', 'digest-mismatch', 'signature-mismatch', 'not-a-revision'] as const;
export type SignatureProblemCode = (typeof SIGNATURE_PROBLEM_CODES)[number];

/** Why the signer's certificate did not allow this signature (checked at the signing time). */
export const CERTIFICATE_PROBLEM_CODES = ['not-yet-valid', 'expired', 'no-signing-time', 'key-usage', 'extended-key-usage', 'unreadable'] as const;
export type CertificateProblemCode = (typeof CERTIFICATE_PROBLEM_CODES)[number];

/**
 * What a later revision changed that a signature workflow never changes: the page's content,
 * resources or other entries, annotations other than a new signature's widget, the form beyond a
 * new signature field, an earlier signature, attachments, the names tree, the catalogue, metadata,
 * the trailer, a deleted object, an added object nothing legitimate uses, or any other object.
 */
export const CHANGE_KINDS = [
  'page-content',
  'page-resources',
  'page',
  'annotations',
  'form',
  'signature',
  'embedded-files',
  'names',
  'catalog',
  'metadata',
  'trailer',
  'deleted-object',
  'added-object',
  'object',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A change the verifier does not allow after a signature: in which revision, of what kind, which objects. */
export const DisallowedChange = z.object({ revision: z.number().int().positive(), kind: z.enum(CHANGE_KINDS), objects: z.array(z.number().int().nonnegative()) });
export type DisallowedChange = z.infer<typeof DisallowedChange>;

/** Why a file as a whole does not verify as a dossier. */
export const DOSSIER_PROBLEM_CODES = [
  'not-a-pdf',
  'malformed-pdf',
  'unsupported-pdf',
  'no-signatures',
  'trailing-bytes',
  'assessment-missing',
  'assessment-mismatch',
] as const;
export type DossierProblemCode = (typeof DOSSIER_PROBLEM_CODES)[number];

/** What the verifier says about one signature. */
export const SignatureCheck = z.object({
  /** The form field's full name. */
  fieldName: z.string().optional(),
  /** The revision the signature covers (1 = the original document), when its range is one. */
  revision: z.number().int().positive().optional(),
  /** The signature itself: sane byte range, readable CMS, digest and signature value match. */
  valid: z.boolean(),
  problem: z.enum(SIGNATURE_PROBLEM_CODES).optional(),
  coversWholeFile: z.boolean(),
  signer: z
    .object({ commonName: z.string().optional(), organisation: z.string().optional(), fingerprint: z.string(), notBefore: z.string(), notAfter: z.string() })
    .optional(),
  signingTime: z.string().optional(),
  /** Empty when the certificate was valid at the signing time and allowed for signing. */
  certificateProblems: z.array(z.enum(CERTIFICATE_PROBLEM_CODES)),
  trusted: z.boolean(),
  /** Fingerprint of the trusted certificate the signer rests on. */
  trustAnchor: z.string().optional(),
  /** Changes after this signature that a signature workflow does not make. */
  changesAfter: z.array(DisallowedChange),
  reason: z.string().optional(),
  /** Valid, certificate fine, nothing disallowed after it, and trusted (unless untrusted signers were allowed). */
  ok: z.boolean(),
});
export type SignatureCheck = z.infer<typeof SignatureCheck>;

/**
 * Whether two names are the same person's name as written on a certificate and in a project:
 * equal after Unicode compatibility normalisation, collapsing white space and ignoring Latin case.
 */
export function sameSignerName(a: string, b: string): boolean {
  const norm = (name: string): string => name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

/** Something the verifier points out that does not make the dossier fail. */
export const VerifyNote = z.object({
  /** A countersignature whose certificate names someone other than the project's reviewer. */
  code: z.enum(['reviewer-name-differs']),
  /** 1-based, as the report numbers signatures. */
  signature: z.number().int().positive(),
  certificateName: z.string(),
  projectReviewer: z.string(),
});
export type VerifyNote = z.infer<typeof VerifyNote>;

/** The verifier's report on a dossier, in a form the UI and `adsg verify --json` share. */
export const DossierCheck = z.object({
  ok: z.boolean(),
  file: z.string(),
  /** Whether signers outside the trust store were accepted for `ok`. */
  allowUntrusted: z.boolean(),
  /** Whether `ok` fails only because some signer is not trusted. */
  untrustedOnly: z.boolean(),
  revisions: z.number().int().nonnegative(),
  signatures: z.array(SignatureCheck),
  /** Every disallowed change after the first signature, once. */
  changes: z.array(DisallowedChange),
  problems: z.array(z.object({ code: z.enum(DOSSIER_PROBLEM_CODES), detail: z.string().optional() })),
  notes: z.array(VerifyNote),
  bytesAfterLastSignature: z.number().int(),
  assessment: z.object({
    present: z.boolean(),
    matches: z.boolean(),
    projectId: z.string().optional(),
    projectName: z.string().optional(),
    /** The auditor and the reviewer the project names (as the snapshot has them). */
    auditor: z.string().optional(),
    reviewer: z.string().optional(),
    revision: z.number().int().optional(),
    snapshotHash: z.string().optional(),
  }),
});
export type DossierCheck = z.infer<typeof DossierCheck>;

/**
 * Why a dossier may not be countersigned: it does not verify (trust of the auditor aside), its
 * embedded snapshot is not an accepted revision of its project in this data folder, the chosen
 * certificate is the auditor's own, or it already countersigned this dossier.
 */
export const COUNTERSIGN_BLOCKERS = ['does-not-verify', 'not-an-accepted-revision', 'signer-is-auditor', 'already-countersigned'] as const;
export type CountersignBlocker = (typeof COUNTERSIGN_BLOCKERS)[number];

/** What the reviewer is about to countersign, checked before the passphrase is asked for. */
export const CountersignPreview = z.object({
  /** The verifier's report, with untrusted signers accepted (their trust is shown, not required). */
  check: DossierCheck,
  /** The dossier's project exists in this data folder, so its revision was checked against it. */
  projectInThisFolder: z.boolean(),
  blockers: z.array(z.enum(COUNTERSIGN_BLOCKERS)),
  /** The identity that would countersign, once one is chosen. */
  identity: z.object({ fingerprint: z.string(), name: z.string() }).optional(),
  /** The chosen identity's name is not the project's reviewer: shown, not refused. */
  warnings: z.array(z.enum(['reviewer-name-differs'])),
});
export type CountersignPreview = z.infer<typeof CountersignPreview>;

/**
 * What stands against the identity `identity` countersigning the dossier `check` describes: a
 * certificate that already signed it (the auditor's own, or an earlier countersignature) may not,
 * and a name other than the project's reviewer is a warning. Shared by the countersign check and
 * the form that offers it, so the reviewer sees it before entering a passphrase.
 */
export function countersignIdentityChecks(
  check: DossierCheck,
  identity: { readonly fingerprint: string; readonly name: string },
): Pick<CountersignPreview, 'blockers' | 'warnings'> {
  const signedBefore = check.signatures.findIndex((s) => s.signer?.fingerprint === identity.fingerprint);
  const blockers: CountersignBlocker[] = signedBefore === 0 ? ['signer-is-auditor'] : signedBefore > 0 ? ['already-countersigned'] : [];
  const reviewer = check.assessment.reviewer;
  return { blockers, warnings: reviewer && !sameSignerName(identity.name, reviewer) ? ['reviewer-name-differs'] : [] };
}
