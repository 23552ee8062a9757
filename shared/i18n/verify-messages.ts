import type {
  CertificateProblemCode,
  ChangeKind,
  DisallowedChange,
  DossierProblemCode,
  SignatureProblemCode,
} from '../domain/signing';
import { formatText, type TextParams } from './format';
import type { Bilingual, Locale } from './locale';

/**
 * What the dossier verifier and the countersign check say, in both languages: every problem code
 * of `shared/domain/signing.ts` has its own message, and the labels the CLI and the verify page
 * share. The verifier's English details never reach a user; these do.
 */
export const VERIFY_MESSAGES = {
  'label.file': { 'zh-CN': '文件', en: 'File' },
  'label.summary': { 'zh-CN': '{revisions} 个修订版，{signatures} 个签名', en: '{revisions} revision(s), {signatures} signature(s)' },
  'label.signature': { 'zh-CN': '签名 {n}', en: 'Signature {n}' },
  'label.field': { 'zh-CN': '（签名域 {name}）', en: '  (field {name})' },
  'label.covers': { 'zh-CN': '签署范围', en: 'Signs' },
  'label.coversRevision': { 'zh-CN': '第 {revision} 版（共 {revisions} 版）', en: 'revision {revision} of {revisions}' },
  'label.coversNothing': { 'zh-CN': '不是文件的某一修订版', en: 'not a revision of the file' },
  'label.status': { 'zh-CN': '签名本身', en: 'Signature' },
  'label.valid': { 'zh-CN': '有效', en: 'valid' },
  'label.invalid': { 'zh-CN': '无效：{problem}', en: 'not valid: {problem}' },
  'label.signer': { 'zh-CN': '签名人', en: 'Signer' },
  'label.unknownSigner': { 'zh-CN': '（无法识别）', en: '(cannot be identified)' },
  'label.signedAt': { 'zh-CN': '签名时间', en: 'Signed at' },
  'label.certificate': { 'zh-CN': '证书', en: 'Certificate' },
  'label.certificateOk': { 'zh-CN': '签名时在有效期内，且允许用于签名', en: 'valid at the signing time and allowed for signing' },
  'label.trusted': { 'zh-CN': '受信任', en: 'Trusted' },
  'label.trustedYes': { 'zh-CN': '是（信任锚 {anchor}）', en: 'yes (trust anchor {anchor})' },
  'label.trustedNo': { 'zh-CN': '否：该证书不在本机信任列表中', en: 'no: the certificate is not in this machine’s trust store' },
  'label.trustedNoAllowed': {
    'zh-CN': '否：该证书不在本机信任列表中（已按要求接受不受信任的签名人）',
    en: 'no: the certificate is not in this machine’s trust store (untrusted signers accepted as asked)',
  },
  'label.changesAfter': { 'zh-CN': '签名后的改动', en: 'Changed after it' },
  'label.noChanges': { 'zh-CN': '无（之后只增加了签名）', en: 'nothing (later revisions only add signatures)' },
  'label.reason': { 'zh-CN': '签署说明', en: 'Reason' },
  'label.fingerprint': { 'zh-CN': '证书 SHA-256', en: 'Certificate SHA-256' },
  'label.assessment': { 'zh-CN': '内嵌评估数据', en: 'Embedded assessment' },
  'label.assessmentMatches': {
    'zh-CN': '完整（项目“{project}”，修订版 {revision}）',
    en: 'intact (project “{project}”, revision {revision})',
  },
  'label.result': { 'zh-CN': '结论', en: 'Result' },
  'label.yes': { 'zh-CN': '是', en: 'yes' },
  'label.no': { 'zh-CN': '否', en: 'no' },

  'result.ok': { 'zh-CN': '验证通过', en: 'OK' },
  'result.notOk': { 'zh-CN': '验证未通过', en: 'NOT OK' },
  'result.okSummary': {
    'zh-CN': '所有签名有效且受信任，签名时证书有效并允许签名，签名之后没有不允许的改动，内嵌评估数据完整。',
    en: 'Every signature is valid and trusted, each certificate was valid and allowed for signing when used, nothing disallowed changed after any signature, and the embedded assessment is intact.',
  },
  'result.untrustedOnly': {
    'zh-CN': '签名完好、文件未被改动，但有签名人不在本机信任列表中：导入其证书后再验证，才能确认是谁签的名。',
    en: 'The signatures are intact and nothing was changed, but a signer is not in this machine’s trust store: import their certificate and verify again to confirm who signed.',
  },
  'result.fileResult': { 'zh-CN': '{file}：{result}', en: '{file}: {result}' },
  'result.untrustedHintCli': {
    'zh-CN': '用 --trust 证书文件 指定信任的证书，或用 --allow-untrusted 接受不受信任的签名人。',
    en: 'Name the certificates to trust with --trust FILE, or accept untrusted signers with --allow-untrusted.',
  },

  'signature.byte-range': {
    'zh-CN': '签名的字节范围（/ByteRange）不合规：没有从文件开头开始、没有恰好留出签名值，或没有覆盖签名字典本身',
    en: 'its byte range (/ByteRange) is not sound: it does not start at the beginning, leave out exactly the signature value, or cover the signature dictionary',
  },
  'signature.cms-malformed': { 'zh-CN': '签名数据（CMS）无法读取或格式不对', en: 'the signature data (CMS) cannot be read or is malformed' },
  'signature.unsupported': { 'zh-CN': '签名使用了不支持的类型或算法', en: 'it uses a signature type or algorithm that is not accepted' },
  'signature.digest-mismatch': { 'zh-CN': '签名后被签署的内容发生了改变（摘要不一致）', en: 'the signed bytes were changed after signing (their digest differs)' },
  'signature.signature-mismatch': { 'zh-CN': '签名值与签名人的密钥不符', en: 'the signature value does not match the signer’s key' },
  'signature.not-a-revision': {
    'zh-CN': '签署的内容不是文件的完整修订版，无法判断其后的改动',
    en: 'what it signs is not a whole revision of the file, so what follows cannot be judged',
  },

  'certificate.not-yet-valid': { 'zh-CN': '签名时证书尚未生效（生效日期 {notBefore}）', en: 'the certificate was not yet valid at the signing time (valid from {notBefore})' },
  'certificate.expired': { 'zh-CN': '签名时证书已过期（有效期至 {notAfter}）', en: 'the certificate had expired at the signing time (valid until {notAfter})' },
  'certificate.no-signing-time': { 'zh-CN': '签名没有签名时间，无法判断证书当时是否有效', en: 'the signature has no signing time, so the certificate’s validity then cannot be checked' },
  'certificate.key-usage': {
    'zh-CN': '证书的密钥用途不允许数字签名（既无 digitalSignature 也无 nonRepudiation）',
    en: 'the certificate’s key usage does not allow signing (neither digitalSignature nor nonRepudiation)',
  },
  'certificate.extended-key-usage': {
    'zh-CN': '证书的扩展密钥用途不允许签署文档',
    en: 'the certificate’s extended key usage does not allow signing documents',
  },
  'certificate.unreadable': { 'zh-CN': '签名人证书无法读取', en: 'the signer’s certificate cannot be read' },

  'change.line': { 'zh-CN': '第 {revision} 版：{what}', en: 'revision {revision}: {what}' },
  'change.objects': { 'zh-CN': '（对象 {objects}）', en: ' (objects {objects})' },
  'change.page-content': { 'zh-CN': '页面内容被改动', en: 'page content changed' },
  'change.page-resources': { 'zh-CN': '页面资源（字体、图像等）被改动', en: 'page resources (fonts, images…) changed' },
  'change.page': { 'zh-CN': '页面或页面树被改动', en: 'a page or the page tree changed' },
  'change.annotations': { 'zh-CN': '注释被增加或改动（新签名的控件除外）', en: 'annotations added or changed (other than a new signature’s widget)' },
  'change.form': { 'zh-CN': '表单被改动（新签名域除外）', en: 'the form changed (other than a new signature field)' },
  'change.signature': { 'zh-CN': '先前的签名或其签名域被改动', en: 'an earlier signature or its field changed' },
  'change.embedded-files': { 'zh-CN': '附件（如 assessment.json）被增加、替换或删除', en: 'attachments (such as assessment.json) added, replaced or removed' },
  'change.names': { 'zh-CN': '文档名称树被改动', en: 'the document’s names tree changed' },
  'change.catalog': { 'zh-CN': '文档目录（Catalog）被改动', en: 'the document catalogue changed' },
  'change.metadata': { 'zh-CN': '文档信息或元数据被改动', en: 'document information or metadata changed' },
  'change.trailer': { 'zh-CN': '文件尾（trailer）被改动', en: 'the file trailer changed' },
  'change.deleted-object': { 'zh-CN': '已签署的对象被删除', en: 'an object of the signed revision was deleted' },
  'change.added-object': { 'zh-CN': '增加了与签名无关的对象', en: 'objects were added that no signature uses' },
  'change.object': { 'zh-CN': '已签署的对象被改动', en: 'an object of the signed revision changed' },

  'document.not-a-pdf': { 'zh-CN': '该文件不是 PDF。', en: 'The file is not a PDF.' },
  'document.malformed-pdf': { 'zh-CN': '该 PDF 结构损坏或含有恶意构造，无法安全检查。', en: 'The PDF’s structure is damaged or hostile and cannot be checked safely.' },
  'document.unsupported-pdf': {
    'zh-CN': '该 PDF 使用了本程序不支持的结构（如交叉引用流），无法检查。',
    en: 'The PDF uses a structure this program does not support (such as cross-reference streams) and cannot be checked.',
  },
  'document.no-signatures': { 'zh-CN': '这是一个没有签名的 PDF。', en: 'This is a PDF without signatures.' },
  'document.trailing-bytes': {
    'zh-CN': '最后一个修订版之后还有 {detail} 字节不属于任何修订版。',
    en: '{detail} bytes after the last revision belong to no revision.',
  },
  'document.assessment-missing': { 'zh-CN': '缺少内嵌评估数据 assessment.json。', en: 'The embedded assessment.json is missing.' },
  'document.assessment-mismatch': {
    'zh-CN': '内嵌评估数据与其快照哈希不符，或已损坏。',
    en: 'The embedded assessment does not match its snapshot hash, or is damaged.',
  },
  'document.signature-not-ok': { 'zh-CN': '签名 {n}（{signer}）：{why}', en: 'Signature {n} ({signer}): {why}' },
  'document.untrusted': { 'zh-CN': '签名人不受信任', en: 'the signer is not trusted' },

  'countersign.refused': { 'zh-CN': '拒绝会签：{why}', en: 'Countersigning refused: {why}' },
  'countersign.does-not-verify': { 'zh-CN': '该报告未通过验证（{reasons}）', en: 'the dossier does not verify ({reasons})' },
  'countersign.not-an-accepted-revision': {
    'zh-CN': '其内嵌快照（项目“{project}”，修订版 {revision}）不是本数据目录中该项目已通过复核的修订版',
    en: 'its embedded snapshot (project “{project}”, revision {revision}) is not an accepted revision of that project in this data folder',
  },
  'countersign.signer-is-auditor': {
    'zh-CN': '所选证书就是审核员签名所用的证书：会签必须使用另一张证书',
    en: 'the chosen certificate is the one the auditor signed with: a countersignature must come from another certificate',
  },
  'countersign.already-countersigned': {
    'zh-CN': '所选证书已经会签过本报告（签名 {n}），每张复核人证书只能会签一次',
    en: 'the chosen certificate already countersigned this dossier (signature {n}); each reviewer certificate countersigns once',
  },
  'countersign.reviewer-differs': {
    'zh-CN': '注意：证书上的姓名“{name}”与项目指定的复核人“{reviewer}”不一致。',
    en: 'Note: the certificate’s name “{name}” is not the project’s reviewer “{reviewer}”.',
  },
  'countersign.auditorTrusted': { 'zh-CN': '审核员受信任', en: 'the auditor is trusted' },
  'countersign.auditorUntrusted': { 'zh-CN': '审核员不在本机信任列表中', en: 'the auditor is not in this machine’s trust store' },
  'note.reviewer-name-differs': {
    'zh-CN': '签名 {n} 的证书姓名为“{name}”，而项目指定的复核人是“{reviewer}”。',
    en: 'Signature {n} is by “{name}”, but the project names “{reviewer}” as its reviewer.',
  },
  'label.notes': { 'zh-CN': '提示', en: 'Notes' },
  'countersign.preview-expired': { 'zh-CN': '要会签的文件已不在预览中，请重新选择。', en: 'The file to countersign is no longer previewed; choose it again.' },
  'countersign.about': {
    'zh-CN': '会签：项目“{project}”修订版 {revision}，审核员 {auditor} 于 {time} 签署（{trust}）',
    en: 'Countersigning: project “{project}” revision {revision}, signed by the auditor {auditor} at {time} ({trust})',
  },
  'countersign.notInFolder': { 'zh-CN': '该项目不在本数据目录中，未与本机的复核记录核对。', en: 'The project is not in this data folder; its revision was not checked against a review record here.' },
} as const satisfies Record<string, Bilingual>;

export type VerifyMessageKey = keyof typeof VERIFY_MESSAGES;

/** The verifier message in `locale`, placeholders filled from `params`. */
export function verifyMessage(locale: Locale, key: VerifyMessageKey, params: TextParams = {}): string {
  return formatText(VERIFY_MESSAGES[key], locale, params);
}

/** Why a signature is not valid. */
export const signatureProblemText = (locale: Locale, code: SignatureProblemCode): string => verifyMessage(locale, `signature.${code}`);

/** Why a certificate did not allow a signature; dates are shown as YYYY-MM-DD. */
export function certificateProblemText(
  locale: Locale,
  code: CertificateProblemCode,
  signer?: { readonly notBefore: string; readonly notAfter: string },
): string {
  return verifyMessage(locale, `certificate.${code}`, { notBefore: signer?.notBefore.slice(0, 10) ?? '?', notAfter: signer?.notAfter.slice(0, 10) ?? '?' });
}

/** The kind of a disallowed change, as a phrase. */
export const changeKindText = (locale: Locale, kind: ChangeKind): string => verifyMessage(locale, `change.${kind}`);

/** "revision 3: page content changed (objects 12, 40)". */
export function changeText(locale: Locale, change: DisallowedChange): string {
  const objects = change.objects.length ? verifyMessage(locale, 'change.objects', { objects: change.objects.slice(0, 8).join(', ') + (change.objects.length > 8 ? ', …' : '') }) : '';
  return verifyMessage(locale, 'change.line', { revision: change.revision, what: changeKindText(locale, change.kind) }) + objects;
}

/** A problem of the file as a whole. */
export const dossierProblemText = (locale: Locale, problem: { readonly code: DossierProblemCode; readonly detail?: string }): string =>
  verifyMessage(locale, `document.${problem.code}`, { detail: problem.detail ?? '' });
