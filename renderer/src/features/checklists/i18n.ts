import { registerBundle } from '../../i18n';

registerBundle('checklists', {
  'zh-CN': {
    title: '检查清单',
    filters: { area: '领域', all: '全部', result: '结果', unanswered: '仅未作答', hasFinding: '有发现项', search: '搜索要求或编号' },
    area: {
      'management-system': '管理制度', 'technical-protection': '技术防护', 'log-management': '日志管理', 'emergency-response': '应急处置', 'export-process': '出境流程',
    },
    result: {
      conforming: '符合', 'partially-conforming': '部分符合', nonconforming: '不符合', 'not-applicable': '不适用', 'not-assessed': '未评估', none: '未作答',
    },
    verify: { interview: '访谈', 'document-review': '文件审查', 'technical-test': '技术测试', observation: '现场观察' },
    detail: {
      requirement: '要求', howToVerify: '核查方法', evidence: '应提供的证据', source: '依据与出处', provenance: '来源标签 / 可信度',
      notes: '审核记录', justification: '理由（“不符合”“不适用”必填）', justificationNeeded: '请填写理由后才会保存此结果',
      keys: '快捷键：↑/↓ 或 J/K 切换条目 · 1–5 设置结果 · N 记录 · R 理由 · Esc 返回列表',
      empty: '没有符合筛选条件的条目',
    },
    save: { saving: '保存中…', saved: '已保存 {{time}}', failed: '保存失败：{{error}}', pending: '待保存' },
    progress: '已完成 {{done}} / {{total}}',
  },
  en: {
    title: 'Checklists',
    filters: { area: 'Area', all: 'All', result: 'Result', unanswered: 'Unanswered only', hasFinding: 'Has a finding', search: 'Search requirement or id' },
    area: {
      'management-system': 'Management system', 'technical-protection': 'Technical protection', 'log-management': 'Log management', 'emergency-response': 'Emergency response', 'export-process': 'Export process',
    },
    result: {
      conforming: 'Conforming', 'partially-conforming': 'Partially conforming', nonconforming: 'Nonconforming', 'not-applicable': 'Not applicable', 'not-assessed': 'Not assessed', none: 'Unanswered',
    },
    verify: { interview: 'Interview', 'document-review': 'Document review', 'technical-test': 'Technical test', observation: 'On-site observation' },
    detail: {
      requirement: 'Requirement', howToVerify: 'How to verify', evidence: 'Evidence expected', source: 'Source', provenance: 'Provenance / confidence',
      notes: 'Audit notes', justification: 'Justification (required for “nonconforming” and “not applicable”)', justificationNeeded: 'Write a justification and the result will be saved',
      keys: 'Keys: ↑/↓ or J/K move · 1–5 set the result · N notes · R justification · Esc back to the list',
      empty: 'No item matches the filters',
    },
    save: { saving: 'Saving…', saved: 'Saved {{time}}', failed: 'Not saved: {{error}}', pending: 'Pending' },
    progress: '{{done}} of {{total}} done',
  },
});
