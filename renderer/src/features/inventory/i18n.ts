import { registerBundle } from '../../i18n';

registerBundle('inventory', {
  'zh-CN': {
    title: '数据出境清单',
    add: '新增出境活动',
    edit: '编辑出境活动',
    empty: '尚未登记数据出境活动。每一项向境外提供、境外访问或境外处理境内个人信息的活动，都应在此登记。',
    deleteTitle: '删除出境活动“{{name}}”？',
    deleted: '已删除',
    saved: '已保存',
    questionnaire: '重要数据识别',
    fields: {
      name: '活动名称', scenario: '业务场景', behaviour: '出境行为', dataCategories: '数据类别', recipient: '境外接收方', country: '国家或地区',
      purpose: '出境目的', channel: '传输方式', frequency: '频率', individuals: '个人信息涉及人数（非敏感，自 1 月 1 日累计）',
      sensitiveIndividuals: '敏感个人信息涉及人数（自 1 月 1 日累计）', unknown: '未知', individualsShort: '个人信息人数', sensitiveShort: '敏感个人信息人数', countsNote: '自 1 月 1 日累计', importantData: '重要数据', exemptions: '主张的豁免情形',
    },
    importantData: { yes: '涉及', no: '不涉及', unknown: '待识别' },
    categoriesHint: '输入后回车，可填写多项',
    countHint: '留空表示尚不清楚（判定结果将提示补充）',
    scenario: {
      'rd-design': '研发设计', 'product-testing': '产品测试', manufacturing: '生产制造', 'driving-automation': '驾驶自动化',
      'software-upgrade': '软件升级（OTA）', 'connected-operation': '联网运行', 'sales-aftersales': '销售与售后', other: '其他',
    },
    behaviour: {
      'transfer-abroad': '向境外传输', 'access-from-abroad': '境内存储、境外可访问', 'processing-abroad': '境外处理境内个人信息', 'domestic-only': '仅境内（不出境）',
    },
    q: {
      title: '重要数据识别问卷：{{name}}',
      intro: '按《指引》重要数据识别规则逐项判断本活动出境的数据是否符合。目录内容为根据公开资料重建，须与官方文本核对。',
      none: '规则包中没有适用于该场景的重要数据条目。',
      criterion: '识别规则：', threshold: '阈值：', unverified: '未经官方文本核对', yes: '是', no: '否', unsure: '不确定', note: '依据说明',
      result: '识别结果', found: '发现 {{n}} 项重要数据', notFound: '未发现重要数据', pending: '还有 {{n}} 项未作答',
    },
  },
  en: {
    title: 'Export inventory',
    add: 'Add export activity',
    edit: 'Edit export activity',
    empty: 'No data export activities yet. Register every activity that sends data abroad, lets it be reached from abroad, or processes domestic individuals’ data abroad.',
    deleteTitle: 'Delete export activity “{{name}}”?',
    deleted: 'Deleted',
    saved: 'Saved',
    questionnaire: 'Important data',
    fields: {
      name: 'Activity', scenario: 'Business scenario', behaviour: 'Export behaviour', dataCategories: 'Data categories', recipient: 'Overseas recipient',
      country: 'Country or region', purpose: 'Purpose', channel: 'Channel', frequency: 'Frequency',
      individuals: 'Individuals, non-sensitive PI (since 1 January)', sensitiveIndividuals: 'Individuals, sensitive PI (since 1 January)', unknown: 'unknown', individualsShort: 'Individuals (PI)', sensitiveShort: 'Individuals (sensitive PI)', countsNote: 'since 1 January',
      importantData: 'Important data', exemptions: 'Exemptions claimed',
    },
    importantData: { yes: 'Yes', no: 'No', unknown: 'To identify' },
    categoriesHint: 'Type and press Enter; several allowed',
    countHint: 'Leave empty when not known yet (the determination will ask for it)',
    scenario: {
      'rd-design': 'R&D and design', 'product-testing': 'Product testing', manufacturing: 'Production and manufacturing', 'driving-automation': 'Driving automation',
      'software-upgrade': 'Software upgrade (OTA)', 'connected-operation': 'Connected operation', 'sales-aftersales': 'Sales and after-sales', other: 'Other',
    },
    behaviour: {
      'transfer-abroad': 'Sent abroad', 'access-from-abroad': 'Stored in China, reachable from abroad', 'processing-abroad': 'Domestic individuals’ data processed abroad', 'domestic-only': 'Domestic only (no export)',
    },
    q: {
      title: 'Important-data questionnaire: {{name}}',
      intro: 'For each identification rule, decide whether the data this activity exports matches it. The catalogue is reconstructed from public material and must be checked against the official text.',
      none: 'The rules pack has no important-data items for this scenario.',
      criterion: 'Identification rule: ', threshold: 'Threshold: ', unverified: 'Not checked against the official text', yes: 'Yes', no: 'No', unsure: 'Unsure', note: 'Basis',
      result: 'Result', found: '{{n}} important-data item(s) found', notFound: 'No important data found', pending: '{{n}} item(s) not answered yet',
    },
  },
});
