import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Determination } from '../../shared/rules/engine';
import { runCli } from '../helpers/cli';
import { RULES_DIR, tempDir } from '../helpers/temp';

/** The example of the issue, as a user would write it. */
const EXAMPLE = {
  organization: { ciio: false },
  flows: [
    {
      id: 'f1',
      scenario: 'connected-operation',
      behaviour: 'transfer-abroad',
      individuals: 150000,
      sensitiveIndividuals: 0,
      importantData: false,
      exemptionClaims: [{ id: 'hr-management', conditionsMet: true }],
    },
  ],
};

function factsFile(content: unknown): string {
  const file = join(tempDir('adsg-facts-'), 'facts.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const determine = (facts: unknown, ...flags: string[]) =>
  runCli([...flags, 'determine', '--facts', factsFile(facts), '--rules-dir', RULES_DIR]);

const flowWith = (fields: Record<string, unknown>) => ({ ...EXAMPLE, flows: [{ ...EXAMPLE.flows[0], ...fields }] });

describe('adsg determine', () => {
  it('decides the example and prints JSON with the trace (--json)', () => {
    const r = determine(EXAMPLE, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as Determination;
    expect(result.organization).toMatchObject({ outcome: 'exempt', exemption: 'hr-management' });
    expect(result.flows).toHaveLength(1);
    expect(result.flows[0]).toMatchObject({
      id: 'f1',
      outcome: 'exempt',
      exemption: 'hr-management',
      rule: 'adsg-2026:ex-hr-management',
    });
    const step = result.flows[0]?.trace.find((s) => s.rule === 'adsg-2026:ex-hr-management');
    expect(step).toMatchObject({ result: 'met', inputs: { 'condition:employee-pi-only': true } });
    expect(step?.text['zh-CN']).toContain('跨境人力资源管理');
  });

  it('aggregates flows at organisation level and explains it in plain language', () => {
    const facts = {
      organization: { ciio: false },
      flows: [
        {
          id: 'telematics',
          scenario: 'connected-operation',
          behaviour: 'transfer-abroad',
          individuals: 700000,
          sensitiveIndividuals: 0,
          importantData: false,
        },
        {
          id: 'dashboards',
          scenario: 'rd-design',
          behaviour: 'access-from-abroad',
          individuals: 300000,
          sensitiveIndividuals: 0,
          importantData: false,
        },
      ],
    };
    const r = determine(facts);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Organisation: security assessment');
    expect(r.stdout).toContain('Flow dashboards: security assessment');
    expect(r.stdout).toContain('[adsg-2026:sa-pi-volume] SA-2');
    expect(r.stdout).toContain('1,000,000');

    const zh = determine(facts, '--lang', 'zh-CN');
    expect(zh.stdout).toContain('组织：申报数据出境安全评估');
    expect(zh.stdout).toContain('累计向境外提供100万人以上个人信息：满足');
  });

  it('names the missing facts when it cannot decide', () => {
    const r = determine(
      {
        organization: {},
        flows: [
          {
            id: 'f1',
            scenario: 'other',
            behaviour: 'transfer-abroad',
            individuals: 10,
            sensitiveIndividuals: 0,
            importantData: false,
          },
        ],
      },
      '--json',
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as Determination;
    expect(result.flows[0]).toMatchObject({ outcome: 'needs-information', missing: ['organization.ciio'] });
    expect(result.organization).toMatchObject({ outcome: 'needs-information', missing: ['organization.ciio'] });
  });

  it.each([
    ['a negative count', flowWith({ individuals: -5 }), 'flows[0].individuals'],
    ['a count of the wrong type', flowWith({ sensitiveIndividuals: 'many' }), 'flows[0].sensitiveIndividuals'],
    ['an unknown scenario', flowWith({ scenario: 'racing' }), 'flows[0].scenario'],
    ['an unknown field', flowWith({ volume: 3 }), 'flows[0].volume'],
    ['an unknown exemption', flowWith({ exemptionClaims: [{ id: 'research' }] }), 'flows[0].exemptionClaims[0].id'],
  ])('rejects %s with exit 2, naming the field', (_name, facts, field) => {
    const r = determine(facts);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(field);
  });

  it('rejects a file that is not JSON', () => {
    const r = determine('{ "organization": ');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not valid JSON');
  });

  it('rejects a missing file, naming it, in the chosen language', () => {
    const missing = join(tempDir(), 'nope.json');
    const r = runCli(['--lang', 'zh-CN', 'determine', '--facts', missing, '--rules-dir', RULES_DIR]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--facts：无法读取 ${missing}（ENOENT）`);
  });

  it('explains bad input in Chinese with --lang zh-CN', () => {
    const r = determine(flowWith({ volume: 3 }), '--lang', 'zh-CN');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('flows[0].volume');
    expect(r.stderr).toContain('不允许的字段');
  });

  it('requires --facts and an installed pack', () => {
    expect(runCli(['determine', '--rules-dir', RULES_DIR]).code).toBe(2);
    const r = runCli(['determine', '--facts', factsFile(EXAMPLE), '--pack', 'other-pack', '--rules-dir', RULES_DIR]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No installed rules pack other-pack');
  });
});
