/** How much a bundle may hold before import refuses it. Callers (tests) may lower any of them. */
export interface BundleLimits {
  /** Zip entries in all (evidence files + project.json + manifest + signature + dossiers). */
  maxEntries: number;
  /** Bytes of one entry once unpacked (an evidence file may be a multi-GB log or video). */
  maxEntryBytes: number;
  /** Bytes of all entries once unpacked. */
  maxTotalBytes: number;
  /** Bytes of manifest.json: it is parsed in memory. */
  maxManifestBytes: number;
  /** Bytes of project.json: it is parsed in memory. */
  maxProjectBytes: number;
  /** Bytes of manifest.p7s. */
  maxSignatureBytes: number;
  /** Unpacked ÷ packed size above which a deflated entry is taken for a zip bomb… */
  maxCompressionRatio: number;
  /** …once it has unpacked to more than this many bytes (small JSON may compress very well). */
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * Defaults sized for real audits: tens of thousands of evidence files, single files of tens of GB,
 * a project's JSON far below what a laptop parses comfortably. Our own exporter stores evidence
 * uncompressed and deflates only JSON (ratio ~10:1), so a ratio of 100:1 never refuses a real bundle.
 */
export const DEFAULT_LIMITS: Readonly<BundleLimits> = {
  maxEntries: 50_000,
  maxEntryBytes: 64 * GiB,
  maxTotalBytes: 256 * GiB,
  maxManifestBytes: 16 * MiB,
  maxProjectBytes: 256 * MiB,
  maxSignatureBytes: 256 * 1024,
  maxCompressionRatio: 100,
  ratioFloorBytes: MiB,
};
