import { describe, expect, test } from 'vitest';
import { Answer, StoredAnswer } from '../../shared/domain/answer';
import { Evidence, StoredEvidence } from '../../shared/domain/evidence';
import { Finding, StoredFinding } from '../../shared/domain/finding';
import { Flow, QuestionAnswer, StoredFlow, StoredQuestionAnswer } from '../../shared/domain/flow';
import { Project, StoredProject } from '../../shared/domain/project';
import { Revision, StoredRevision } from '../../shared/domain/revision';
import { escapeUnsafeDeep, escapeUnsafeText, multiLine, singleLine, unsafeTextKind } from '../../shared/domain/text';
import { describeIssues, localiseIssues, safeParseIn } from '../../shared/i18n/issues';
import { Override, Workspace } from '../../shared/ipc/channels/audit';
import { contract, type Channel } from '../../shared/ipc/contract';

const ESC = '\x1b';
/** What a hostile or careless name holds: each must be refused in a one-line field. */
const HOSTILE = {
  'a line feed': ['Plant A\nforged row', 'lineBreak'],
  'a carriage return': ['Plant A\rforged', 'lineBreak'],
  'a line separator': ['Plant A\u2028forged', 'lineBreak'],
  'an ANSI colour': [`Plant ${ESC}[31mred`, 'control'],
  'an OSC 8 link': [`${ESC}]8;;https://evil.example/\x07click${ESC}]8;;\x07`, 'control'],
  'a tab': ['Plant\tA', 'control'],
  'DEL': ['Plant\x7fA', 'control'],
  'a C1 control (CSI)': ['Plant\u009b31mA', 'control'],
  'NUL': ['Plant\0A', 'control'],
  'a right-to-left override': ['invoice\u202efdp.exe', 'direction'],
  'a left-to-right embedding': ['a\u202ab', 'direction'],
  'a first-strong isolate': ['a\u2068b', 'direction'],
  'a pop directional isolate': ['a\u2069b', 'direction'],
  'an unpaired high surrogate': ['a\ud83db', 'broken'],
  'an unpaired low surrogate': ['a\ude00b', 'broken'],
} as const;

describe('the text rule', () => {
  test.each(Object.entries(HOSTILE))('a one-line field refuses %s', (_name, [text, kind]) => {
    expect(unsafeTextKind(text)).toBe(kind);
    const parsed = singleLine(200).safeParse(text);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain(`v.text.${kind}`);
  });

  test.each(['示例汽车 上海工厂', 'Chen Jing', 'Zoë & Co. (Ltd.) 50%', '😀 emoji pair', 'שלום\u200f עולם', 'مرحبا\u061c', 'a\u200eb', 'C:\\Evidence\\x1b.txt'])('plain text passes: %s', (text) => {
    expect(singleLine(200).parse(text)).toBe(text.trim());
  });

  test('a multi-line field keeps line feeds and tabs, turns CR LF into LF, and refuses the rest', () => {
    expect(multiLine(100).parse('one\r\ntwo\rthree\n\tfour')).toBe('one\ntwo\nthree\n\tfour');
    const allowedInNotes = new Set(['a line feed', 'a carriage return', 'a tab']);
    for (const [name, [text]] of Object.entries(HOSTILE)) {
      expect(multiLine(100).safeParse(text).success, name).toBe(allowedInNotes.has(name));
    }
  });

  test('the message names the field, in Chinese and in English', () => {
    const schema = contract['projects:create'].input;
    const input = { name: 'A\nB', organization: `O${ESC}[2J`, creditCode: '91350100M000100Y43' };
    const en = describeIssues(localiseIssues(safeParseIn(schema, input, 'en').error!, 'en'), 'en');
    expect(en).toContain('Project name (name): must be one line, without line breaks');
    expect(en).toContain('Organisation (organization): contains a control character');
    const zh = describeIssues(localiseIssues(safeParseIn(schema, { ...input, name: 'A\u202eB' }, 'zh-CN').error!, 'zh-CN'), 'zh-CN');
    expect(zh).toContain('项目名称 (name)：含有文字方向控制字符');
    expect(zh).toContain('被评估组织 (organization)：含有控制字符');
  });
});

const uuid = '3b241101-e2bb-4255-8caf-4136c566a962';
const project = { name: 'P', organization: 'O', creditCode: '91350100M000100Y43' };
const flow = { name: 'F', scenario: 'rd-design', behaviour: 'transfer-abroad' };
const finding = { severity: 'minor', title: 'T' };

/**
 * Every text field a person types, channel by channel: [channel, valid input, path to the field].
 * Injecting a bidi override at the path must be refused with the text rule's message.
 */
const ENTERED_FIELDS: [Channel, Record<string, unknown>, (string | number)[]][] = [
  ...(['name', 'organization', 'site', 'auditor', 'reviewer'] as const).map((f): [Channel, Record<string, unknown>, string[]] => ['projects:create', project, [f]]),
  ['projects:update', { id: uuid, patch: { name: 'P' } }, ['patch', 'name']],
  ['settings:update', { actorName: 'Li Wei' }, ['actorName']],
  ...(['name', 'recipient', 'country', 'purpose', 'channel', 'frequency'] as const).map((f): [Channel, Record<string, unknown>, string[]] => ['flows:create', { projectId: uuid, flow }, ['flow', f]]),
  ['flows:create', { projectId: uuid, flow: { ...flow, dataCategories: ['x'] } }, ['flow', 'dataCategories', 0]],
  ['flows:update', { id: uuid, patch: { recipient: 'R' } }, ['patch', 'recipient']],
  ...(['title', 'description', 'recommendation', 'owner'] as const).map((f): [Channel, Record<string, unknown>, string[]] => ['findings:create', { projectId: uuid, finding }, ['finding', f]]),
  ['findings:update', { id: uuid, patch: { title: 'T' } }, ['patch', 'title']],
  ['answers:save', { projectId: uuid, itemId: 'i', result: 'conforming' }, ['notes']],
  ['answers:save', { projectId: uuid, itemId: 'i', result: 'nonconforming', justification: 'j' }, ['justification']],
  ['questions:answer', { flowId: uuid, itemId: 'i', answer: 'yes' }, ['note']],
  ['overrides:set', { projectId: uuid, scope: 'organization', outcome: 'exempt', justification: 'j' }, ['justification']],
  ['evidence:update', { id: uuid, description: 'd' }, ['description']],
  ['review:submit', { projectId: uuid }, ['comments']],
  ['review:return', { projectId: uuid, comments: 'c' }, ['comments']],
  ['review:accept', { projectId: uuid }, ['comments']],
  ['identities:create', { name: 'N', organisation: 'O', passphrase: 'long enough' }, ['name']],
  ['identities:create', { name: 'N', organisation: 'O', passphrase: 'long enough' }, ['organisation']],
];

function withValue(input: Record<string, unknown>, path: (string | number)[], value: string): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

describe('every text field a person enters follows the rule', () => {
  test.each(ENTERED_FIELDS)('%s %j at %j', (channel, input, path) => {
    const schema = contract[channel].input;
    expect(schema.safeParse(withValue(input, path, 'plain 文本')).success).toBe(true);
    const refused = schema.safeParse(withValue(input, path, 'x\u202ey'));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues).toContainEqual(expect.objectContaining({ path, message: 'v.text.direction' }));
  });
});

describe('records from elsewhere are held to the rule; records this database holds are read as they are', () => {
  const at = '2026-01-01T00:00:00.000Z';
  const sha = 'a'.repeat(64);
  const records = {
    project: [Project, StoredProject, { id: uuid, ...project, role: 'dealer', ciio: false, site: '', auditStart: null, auditEnd: null, auditor: '', reviewer: '', rulesPack: { id: 'p', version: null, contentHash: null }, status: 'active', createdAt: at, updatedAt: at }, 'name'],
    flow: [Flow, StoredFlow, { id: uuid, projectId: uuid, position: 1, ...flow, dataCategories: [], recipient: '', country: '', purpose: '', channel: '', frequency: '', individuals: null, sensitiveIndividuals: null, exemptionClaims: [], createdAt: at, updatedAt: at }, 'recipient'],
    question: [QuestionAnswer, StoredQuestionAnswer, { flowId: uuid, itemId: 'i', answer: 'yes', note: '', updatedAt: at }, 'note'],
    answer: [Answer, StoredAnswer, { projectId: uuid, itemId: 'i', result: 'conforming', notes: '', justification: '', updatedAt: at, actor: 'Li' }, 'actor'],
    evidence: [Evidence, StoredEvidence, { id: uuid, projectId: uuid, sha256: sha, fileName: 'a.pdf', size: 1, mediaType: 'application/pdf', description: '', capturedBy: 'Li', capturedAt: at, itemIds: [] }, 'fileName'],
    finding: [Finding, StoredFinding, { id: uuid, projectId: uuid, number: 1, ...finding, description: '', recommendation: '', owner: '', dueDate: null, status: 'open', itemIds: [], evidenceIds: [], createdAt: at, updatedAt: at }, 'title'],
    revision: [Revision, StoredRevision, { projectId: uuid, number: 1, state: 'draft', submittedBy: null, submittedAt: null, reviewedBy: null, reviewedAt: null, comments: '', snapshotHash: null, trailHead: null }, 'comments'],
  } as const;

  test.each(Object.entries(records))('%s', (_name, [strict, stored, valid, field]) => {
    const hostile = { ...valid, [field]: `x${ESC}]8;;https://evil.example/${ESC}\\y` };
    expect(strict.safeParse(valid).success).toBe(true);
    expect(strict.safeParse(hostile).success).toBe(false);
    expect(stored.safeParse(hostile).success).toBe(true);
  });

  test('an override, and a whole workspace snapshot (what a bundle carries), too', () => {
    const override = { projectId: uuid, scope: 'organization', outcome: 'exempt', exemption: null, justification: 'j', actor: 'Li', at };
    expect(Override.safeParse(override).success).toBe(true);
    expect(Override.safeParse({ ...override, actor: 'Li\u202e' }).success).toBe(false);
    const ws = { project: records.project[2], flows: [], questions: [], answers: [], evidence: [], findings: [], overrides: [] };
    expect(Workspace.safeParse(ws).success).toBe(true);
    expect(Workspace.safeParse({ ...ws, project: { ...ws.project, name: 'A\nB' } }).success).toBe(false);
  });
});

describe('what remains is shown escaped', () => {
  test('each unsafe character becomes a visible escape; everything else is left alone', () => {
    expect(escapeUnsafeText(`a${ESC}[31mb\nc\u202ed\ud800e😀\u0085\u007f\t\u2066`)).toBe('a\\x1b[31mb\\nc\\u202ed\\ud800e😀\\x85\\x7f\\t\\u2066');
    expect(escapeUnsafeText('line\n\ttab', '\n\t')).toBe('line\n\ttab');
    expect(escapeUnsafeText(`${ESC}\u202e`, '', 'json')).toBe('\\u001b\\u202e');
    const plain = '示例汽车 C:\\x\\y';
    expect(escapeUnsafeText(plain)).toBe(plain);
  });

  test('deep: every string and key, and an untouched value is returned as it is', () => {
    const clean = { a: ['x', { b: 1, c: null }], d: true };
    expect(escapeUnsafeDeep(clean)).toBe(clean);
    expect(escapeUnsafeDeep({ [`k${ESC}`]: [`v\u202e`, 2], ok: 'ok' })).toEqual({ 'k\\x1b': ['v\\u202e', 2], ok: 'ok' });
  });
});
