import { registerBundle } from '../../i18n';

registerBundle('dashboard', {
  'zh-CN': {
    progress: '检查进度',
    answered: '已评估 {{done}} / {{total}} 项',
    conformity: '各领域符合情况',
    determination: '管理方式判定',
    organization: '组织整体结论',
    organizationLabel: '组织整体结论：',
    flows: '出境活动判定分布',
    findings: '未关闭的发现项',
    evidence: '证据',
    evidenceCount: '{{n}} 个文件，共 {{size}}',
    severity: { major: '严重', minor: '一般', observation: '观察项' },
    flowsCount: '{{n}} 项出境活动',
  },
  en: {
    progress: 'Progress',
    answered: '{{done}} of {{total}} items assessed',
    conformity: 'Conformity by area',
    determination: 'Management method',
    organization: 'Organisation',
    organizationLabel: 'Organisation:',
    flows: 'Outcomes of export activities',
    findings: 'Open findings',
    evidence: 'Evidence',
    evidenceCount: '{{n}} file(s), {{size}} in all',
    severity: { major: 'Major', minor: 'Minor', observation: 'Observation' },
    flowsCount: '{{n}} export activities',
  },
});
