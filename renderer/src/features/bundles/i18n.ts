import { registerBundle } from '../../i18n';

registerBundle('bundles', {
  'zh-CN': {
    export: '导出项目包',
    exportHint: '项目数据、证据文件和清单打包为一个 .adsg 文件，用于移交客户或其他审核员；导入时会逐字节校验。',
    exported: '项目包已保存：{{path}}',
    exporting: '正在导出项目包…',
    import: '导入项目包',
    importCopy: '作为副本导入',
    imported: '已导入项目“{{name}}”',
    importing: '正在校验并导入项目包…',
    signer: '清单签名人：{{who}}（{{trusted}}）',
    trusted: '受信任',
    untrusted: '未受信任',
  },
  en: {
    export: 'Export bundle',
    exportHint:
      'The project data, evidence files and a manifest in one .adsg file, for handover to a client or another auditor; import checks every byte.',
    exported: 'Bundle saved: {{path}}',
    exporting: 'Exporting the bundle…',
    import: 'Import bundle',
    importCopy: 'Import as a copy',
    imported: 'Project “{{name}}” imported',
    importing: 'Checking and importing the bundle…',
    signer: 'Manifest signed by {{who}} ({{trusted}})',
    trusted: 'trusted',
    untrusted: 'not trusted',
  },
});
