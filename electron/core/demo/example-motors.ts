import type { Project } from '../../../shared/domain/project';
import type { RulesPack } from '../../../shared/rules/schema';
import { saveChecklistAnswer } from '../answers/service';
import type { Core } from '../core';
import { writeTransaction } from '../db/transaction';
import type { StagedFile } from '../evidence/place';
import { stageBytes } from '../evidence/stage';
import { openWorkFolder } from '../evidence/work-folder';
import { recordStagedEvidence, setEvidenceLink } from '../evidence-records/service';
import { createFinding } from '../findings/service';
import { answerQuestion, createFlow, updateFlow } from '../flows/service';
import { importantDataItemsFor } from '../../../shared/domain/important-data';
import { createProject, DEFAULT_PACK_ID, pinRulesPack } from '../projects/service';
import { loadInstalledPack } from '../rules/installed';
import { DEMO_FILES } from './example-motors-files';

export const DEMO_NAME = 'Example Motors';

const A = (id: string) => `adsg-2026:${id}`;

/** Checklist results of the sample, with notes in the auditor's words. */
const ANSWERS: [string, 'conforming' | 'partially-conforming' | 'nonconforming' | 'not-applicable', string, string?][] = [
  ['ms-01', 'conforming', '首席数据官为数据出境第一责任人，见制度第三条及任命文件。'],
  ['ms-02', 'conforming', '信息安全部为归口部门，岗位职责已发布。'],
  ['ms-03', 'conforming', '抽查 5 张出境审批单，审批链完整。'],
  ['ms-04', 'partially-conforming', '出境清单缺少 2 项经销商系统的数据流。'],
  ['ms-05', 'nonconforming', '尚未形成重要数据目录，也未备案。', '访谈确认目录仍在编制中，无备案回执。'],
  ['ms-06', 'conforming', '与欧洲总部签订的数据处理协议包含第九条所列条款。'],
  ['ms-07', 'partially-conforming', '对境外接收方的年度问卷仅覆盖 1 家。'],
  ['ms-08', 'conforming', '变更管理流程与出境清单联动。'],
  ['ms-09', 'conforming', '2026 年 6 月完成全员培训，签到表已核对。'],
  ['ms-10', 'not-applicable', '', '公司尚未被认定为重要数据处理者，年度报告义务暂不适用（待目录完成后复核）。'],
  ['tp-01', 'conforming', '出境网关启用双向 TLS，证书固定。'],
  ['tp-02', 'partially-conforming', '传输层有完整性校验，落地端未做哈希比对。'],
  ['tp-03', 'conforming', '车联网平台已完成等级保护三级测评。'],
  ['tp-05', 'conforming', 'TLS 1.3；境外存储启用 AES-256 加密。'],
  ['tp-06', 'nonconforming', '境外工程师账号无到期时间，未启用多因素认证。', '现场查看 IAM 配置：12 个境外账号长期有效，无 MFA。'],
  ['tp-08', 'partially-conforming', '车外视频人脸打码覆盖前视摄像头，侧视未覆盖。'],
  ['tp-09', 'conforming', '出境网关部署流量监测，见现场照片。'],
  ['log-01', 'conforming', '出境日志与审批单号关联，抽查 40 条一致。'],
  ['log-02', 'partially-conforming', '权限变更日志仅保留 90 天。'],
  ['log-03', 'conforming', '安全告警日志集中存储。'],
  ['log-05', 'nonconforming', '网络日志保存不足 6 个月。', '日志平台配置保留 90 天，低于网络安全法第二十一条的 6 个月要求。'],
  ['log-06', 'conforming', '日志写入 WORM 存储。'],
  ['er-01', 'conforming', '数据出境安全事件应急预案 V1.3 已发布。'],
  ['er-02', 'partially-conforming', '2026 年仅做桌面推演，未做实战演练。'],
  ['er-03', 'conforming', '事件报告时限与 1/2/4 小时要求一致。'],
  ['er-04', 'conforming', '漏洞报送记录完整。'],
  ['proc-01', 'conforming', '出境清单覆盖 5 项活动。'],
  ['proc-02', 'partially-conforming', '个人信息与重要数据分类尚未完全覆盖研发数据。'],
];

/**
 * Creates the sample project "Example Motors": a fictional plant with five export flows, answered
 * questionnaire and checklist items, evidence files and findings, so a new user sees a filled
 * workbench and can produce a dossier at once. Everything goes through the normal services (and
 * so into the audit trail), in one write transaction: the whole sample with its evidence, or
 * nothing (the files are staged in a work folder first and placed by that transaction).
 */
export async function createDemoProject(core: Core): Promise<Project> {
  const pack = await loadInstalledPack(core.rulesDir, DEFAULT_PACK_ID);
  const work = openWorkFolder(core.db, core.paths.evidence, 'demo');
  try {
    const staged = await Promise.all(DEMO_FILES.map((f) => stageBytes(Buffer.from(f.content), work.path)));
    work.track(staged.map((f) => f.sha256));
    return writeTransaction(core.db, () => fillDemoProject(core, pack, staged));
  } finally {
    work.close();
  }
}

function fillDemoProject(core: Core, pack: RulesPack, staged: readonly StagedFile[]): Project {
  const project = createProject(core, {
    name: DEMO_NAME,
    organization: '示例汽车（上海）有限公司 Example Motors (Shanghai) Co., Ltd.',
    creditCode: '91310114MA1GT8XK2E',
    role: 'vehicle-manufacturer',
    ciio: false,
    site: '上海嘉定总装厂 Jiading assembly plant',
    auditStart: '2026-11-16',
    auditEnd: '2026-11-20',
    auditor: '李伟 Li Wei',
    reviewer: '陈静 Chen Jing',
  });
  pinRulesPack(core, project.id, { id: pack.id, version: pack.version, contentHash: pack.contentHash });
  const base = { dataCategories: [] as string[], purpose: '', channel: '', frequency: '', exemptionClaims: [] };
  const flows = [
    createFlow(core, project.id, { ...base, name: 'TSP 车辆运行数据同步至欧洲总部', scenario: 'connected-operation', behaviour: 'transfer-abroad', dataCategories: ['车辆识别码 VIN', '车辆状态', '用户联系方式'], recipient: 'Example Motors GmbH', country: '德国 Germany', purpose: '全球质量分析与远程诊断', channel: 'HTTPS（双向 TLS）', frequency: '每日', individuals: 186_000, sensitiveIndividuals: 0 }),
    createFlow(core, project.id, { ...base, name: '境外研发团队访问智驾数据湖', scenario: 'driving-automation', behaviour: 'access-from-abroad', dataCategories: ['标注场景数据', '点云数据'], recipient: 'Example Motors R&D Center', country: '美国 USA', purpose: '自动驾驶算法联合开发', channel: 'VPN + 堡垒机', frequency: '按需', individuals: 0, sensitiveIndividuals: 0 }),
    createFlow(core, project.id, { ...base, name: '员工信息报送集团人力系统', scenario: 'other', behaviour: 'transfer-abroad', dataCategories: ['员工姓名', '岗位', '薪酬等级'], recipient: 'Example Motors Group HR', country: '德国 Germany', purpose: '跨境人力资源管理', channel: 'SaaS', frequency: '每月', individuals: 3_200, sensitiveIndividuals: 0, exemptionClaims: [{ id: 'hr-management' }] }),
    createFlow(core, project.id, { ...base, name: 'OTA 缺陷修复包源代码交供应商', scenario: 'software-upgrade', behaviour: 'transfer-abroad', dataCategories: ['OTA 升级包源代码'], recipient: 'Kansai Electronics Co.', country: '日本 Japan', purpose: '召回缺陷修复', channel: 'SFTP', frequency: '一次性', individuals: 0, sensitiveIndividuals: 0, exemptionClaims: [{ id: 'ota-defect-fix' }] }),
    createFlow(core, project.id, { ...base, name: '经销商客户管理系统（境内）', scenario: 'sales-aftersales', behaviour: 'domestic-only', dataCategories: ['客户姓名', '联系方式'], recipient: '境内经销商', country: '中国 China', purpose: '销售与售后服务', channel: '内网', frequency: '实时', individuals: 52_000, sensitiveIndividuals: 0 }),
  ];

  // Important-data questionnaire: the R&D access flow carries annotation scenes; the others none.
  for (const flow of flows) {
    for (const item of importantDataItemsFor(pack, flow.scenario)) {
      const yes = (flow === flows[1] && item.id === A('idata-rd-annotation-scenes')) || (flow === flows[3] && item.id === A('idata-su-ota-source-code'));
      answerQuestion(core, { flowId: flow.id, itemId: item.id, answer: yes ? 'yes' : 'no', note: yes ? '含带地理坐标的标注场景数据' : '' });
    }
  }
  updateFlow(core, flows[2]!.id, { exemptionClaims: [{ id: 'hr-management', conditionsMet: true }] });
  updateFlow(core, flows[3]!.id, { exemptionClaims: [{ id: 'ota-defect-fix', conditionsMet: true }] });

  for (const [item, result, notes, justification] of ANSWERS) {
    saveChecklistAnswer(core, { projectId: project.id, itemId: A(item), result, notes, justification: justification ?? '' });
  }

  const evidence = DEMO_FILES.map((f, i) => {
    const added = recordStagedEvidence(core, project.id, f.name, staged[i]!, f.items[0]);
    for (const item of f.items.slice(1)) setEvidenceLink(core, added.id, item, true);
    return added;
  });
  createFinding(core, project.id, { severity: 'major', title: '境外访问账号未设有效期且未启用多因素认证', description: '12 个境外工程师账号长期有效，无多因素认证。', recommendation: '为境外访问账号设置 90 天有效期并强制启用多因素认证；按季度复核。', owner: '信息安全部 王敏', dueDate: '2026-12-31', status: 'open', itemIds: [A('tp-06')], evidenceIds: [] });
  createFinding(core, project.id, { severity: 'major', title: '未形成并备案重要数据目录', description: '智驾数据湖含标注场景数据，但未识别为重要数据，未备案。', recommendation: '对照《指引》重要数据识别规则完成目录编制并向主管部门备案；备案前暂停该数据出境。', owner: '首席数据官办公室', dueDate: '2027-01-31', status: 'in-progress', itemIds: [A('ms-05'), A('proc-03')], evidenceIds: [] });
  createFinding(core, project.id, { severity: 'minor', title: '网络日志保存期限不足 6 个月', description: '日志平台保留 90 天。', recommendation: '将网络日志与出境日志保留期调整为不少于 6 个月。', owner: '运维部 刘洋', dueDate: '2026-12-15', status: 'open', itemIds: [A('log-05'), A('log-02')], evidenceIds: [evidence[1]!.id] });
  createFinding(core, project.id, { severity: 'observation', title: '应急演练以桌面推演为主', description: '', recommendation: '2027 年上半年组织一次数据出境安全事件实战演练。', owner: '信息安全部', dueDate: null, status: 'open', itemIds: [A('er-02')], evidenceIds: [] });
  return project;
}
