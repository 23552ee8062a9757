import { z } from 'zod';
import { ProjectId } from '../../domain/ids';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const jobId = z.string().max(64);

/** Who signed a bundle's manifest, as the import reports it. */
export const BundleSigner = z.object({
  fingerprint: z.string(),
  commonName: z.string().nullable(),
  organisation: z.string().nullable(),
  signingTime: z.string().nullable(),
  trusted: z.boolean(),
});
export type BundleSigner = z.infer<typeof BundleSigner>;

/** What an import did: the project's id here, where it came from, and whether its history carried over. */
export const BundleImportSummary = z.object({
  projectId: z.string(),
  name: z.string(),
  asCopy: z.boolean(),
  originalProjectId: z.string(),
  originalTrailHead: z.string().nullable(),
  trailHead: z.string().nullable(),
  evidence: z.number().int(),
  newEvidenceFiles: z.number().int(),
  signer: BundleSigner.nullable(),
});
export type BundleImportSummary = z.infer<typeof BundleImportSummary>;

/** Project bundles (.adsg) for handover and second auditors. Progress goes out as `job:progress` of kind `bundle`. */
export const bundleChannels = {
  'bundle:export': {
    input: z
      .strictObject({
        projectId: ProjectId,
        jobId,
        // Signing is optional; when asked for, both the identity and its passphrase are needed.
        identityId: Sha256.optional(),
        passphrase: z.string().min(1, 'v.required').max(1024).optional(),
      })
      .refine((i) => (i.identityId === undefined) === (i.passphrase === undefined), { message: 'v.required', path: ['passphrase'] }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable(), sha256: z.string().nullable(), bytes: z.number().int().nullable(), signed: z.boolean() }),
  },
  'bundle:import': {
    input: z.strictObject({ asCopy: z.boolean().default(false), jobId }),
    output: z.object({ imported: z.boolean(), result: BundleImportSummary.nullable() }),
  },
} as const;
