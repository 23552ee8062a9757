import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import PDFDocument from 'pdfkit';
import { createSelfSignedCertificate } from '../../../electron/core/signing/certificate';
import type { UnlockedSigner } from '../../../electron/core/signing/unlocked-signer';

/** A new empty folder under the system temp dir. */
export const tempDir = (prefix = 'adsg-signing-'): string => mkdtempSync(path.join(tmpdir(), prefix));

/** The CJK font the dossier uses (the package's `exports` map hides it: go up from its entry point). */
export const CJK_FONT = path.join(
  path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('@embedpdf/fonts-sc')),
  '../fonts/NotoSansHans-Regular.otf',
);

export const ASSESSMENT = { project: 'Example Motors', plant: '示例汽车 上海工厂', result: 'compliant', items: 42 };
const FIXED = new Date('2026-11-23T08:00:00Z');

/**
 * A three-page PDF/A-3b like the dossier: a Chinese line in the embedded CJK font, and the
 * assessment JSON attached with `doc.file` (fixed dates, so the bytes are the same every run).
 */
export async function makeDossierPdf(assessment: unknown = ASSESSMENT): Promise<Buffer> {
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    lang: 'zh-CN',
    tagged: true,
    displayTitle: true,
    info: { Title: 'ADSG dossier', Author: 'ADSG Workbench', CreationDate: FIXED, ModDate: FIXED },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.registerFont('cjk', CJK_FONT);
  doc.font('cjk').fontSize(16).text('汽车数据出境安全指引 评估报告');
  doc.fontSize(11).text('Example Motors — assessment dossier');
  doc.addPage().text('检查结果 Findings');
  doc.addPage().text('签名页 Signature page');
  // pdfkit 0.20 reads `relationship` (PDF/A-3 /AFRelationship); @types/pdfkit does not know it yet.
  const attachment: PDFKit.Mixins.PDFAttachmentOptions & { relationship: string } = {
    name: 'assessment.json',
    type: 'application/json',
    description: 'Machine-readable assessment',
    creationDate: FIXED,
    modifiedDate: FIXED,
    relationship: 'Data',
  };
  doc.file(Buffer.from(JSON.stringify(assessment)), attachment);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** A fresh self-signed RSA signer (keygen happens here: call it once per file). */
export function makeSigner(name: string, organisation = '示例汽车有限公司', bits = 3072): UnlockedSigner {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const certificate = createSelfSignedCertificate({
    name,
    organisation,
    privateKey,
    publicKey,
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2031-01-01T00:00:00Z'),
  });
  return { privateKey, certificate, chain: [] };
}

export interface ToolResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs an outside tool (pdfsig, qpdf, certutil, openssl) and returns what it printed. */
export function run(command: string, args: readonly string[]): ToolResult {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes bytes to a new file in `dir` and returns its path. */
export function writeTemp(dir: string, name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** How many signatures pdfsig calls valid, and whether it says the last one covers the file. */
export function pdfsigSummary(output: string): { valid: number; total: number; lastCoversAll: boolean; trusted: number } {
  const blocks = output.split(/^Signature #\d+:/m).slice(1);
  return {
    total: blocks.length,
    valid: blocks.filter((b) => b.includes('Signature Validation: Signature is Valid.')).length,
    lastCoversAll: (blocks[blocks.length - 1] ?? '').includes('- Total document signed'),
    trusted: blocks.filter((b) => b.includes('Certificate Validation: Certificate is Trusted.')).length,
  };
}

/** A classic PDF built by hand from object bodies (object i+1 is `objects[i]`; object 1 is the catalog). */
export function buildPdf(objects: readonly string[]): Buffer {
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<</Size ${objects.length + 1} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** What a test certificate says, for certificates our own identities never have. */
export interface CertificateShape {
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** node-forge keyUsage flags, e.g. `{ keyEncipherment: true }`; absent: no key usage extension. */
  readonly keyUsage?: Record<string, boolean>;
  /** node-forge extKeyUsage flags, e.g. `{ serverAuth: true }`; absent: no extended key usage. */
  readonly extKeyUsage?: Record<string, boolean>;
}

/** A self-signed signer whose certificate is built by node-forge exactly as `shape` says (2048-bit RSA). */
export function makeShapedSigner(name: string, shape: CertificateShape): UnlockedSigner {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '4a01';
  cert.validity.notBefore = shape.notBefore;
  cert.validity.notAfter = shape.notAfter;
  const attributes = [{ shortName: 'CN', value: name, valueTagClass: forge.asn1.Type.UTF8 }] as unknown as forge.pki.CertificateField[];
  cert.setSubject(attributes);
  cert.setIssuer(attributes);
  cert.setExtensions([
    ...(shape.keyUsage ? [{ name: 'keyUsage', critical: true, ...shape.keyUsage }] : []),
    ...(shape.extKeyUsage ? [{ name: 'extKeyUsage', ...shape.extKeyUsage }] : []),
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()), forge.md.sha256.create());
  const certificate = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { privateKey, certificate, chain: [] };
}
