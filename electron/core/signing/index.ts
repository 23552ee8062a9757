// The signing core's public surface: identities, trust store, signing, verification, attachments.
export { SigningError, SIGNING_ERROR_CODES, isSigningErrorCode, type SigningErrorCode } from './errors';
export {
  createIdentity,
  importIdentity,
  listIdentities,
  getIdentity,
  exportCertificate,
  unlockIdentity,
  removeIdentity,
  MIN_PASSPHRASE_LENGTH,
  type Identity,
  type CreateIdentityInput,
  type ImportIdentityInput,
} from './identities';
export {
  importTrustedCertificates,
  listTrustedCertificates,
  readTrustedCertificates,
  removeTrustedCertificate,
  type TrustedCertificate,
} from './trust-store';
export { signPdf, type SignPdfOptions } from './sign-pdf';
export type { WidgetRect } from './placeholder';
export type { UnlockedSigner } from './unlocked-signer';
export {
  verifyPdf,
  type VerifyPdfOptions,
  type PdfVerification,
  type SignatureReport,
  type SignerIdentity,
} from './verify-pdf';
export type { SignatureProblem, SignatureProblemCode } from './verify-cms';
export { extractEmbeddedFiles, type EmbeddedFile } from './embedded-files';
