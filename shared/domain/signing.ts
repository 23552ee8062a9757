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

/** What the verifier says about one signature. */
export const SignatureCheck = z.object({
  valid: z.boolean(),
  problem: z.string().optional(),
  coversWholeFile: z.boolean(),
  signer: z.object({ commonName: z.string().optional(), organisation: z.string().optional(), fingerprint: z.string() }).optional(),
  signingTime: z.string().optional(),
  trusted: z.boolean(),
  reason: z.string().optional(),
});

/** The verifier's report on a dossier, in a form the UI and `adsg verify --json` share. */
export const DossierCheck = z.object({
  ok: z.boolean(),
  file: z.string(),
  signatures: z.array(SignatureCheck),
  bytesAfterLastSignature: z.number().int(),
  assessment: z.object({ present: z.boolean(), matches: z.boolean(), projectId: z.string().optional(), revision: z.number().int().optional(), snapshotHash: z.string().optional() }),
});
export type DossierCheck = z.infer<typeof DossierCheck>;
