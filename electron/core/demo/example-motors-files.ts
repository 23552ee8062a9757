/**
 * The sample project's evidence files, made on the fly (no binary fixtures shipped): a policy
 * excerpt, a log extract, a gateway configuration, an approval record and a site photo (SVG).
 */
export const DEMO_FILES: { name: string; content: string; items: string[] }[] = [
  {
    name: '数据出境管理制度（V2.1）摘录.txt',
    items: ['adsg-2026:ms-01', 'adsg-2026:ms-03'],
    content: `示例汽车（上海）有限公司
数据出境安全管理制度（V2.1）摘录

第三条 公司对数据出境活动的安全负责，由首席数据官牵头，信息安全部归口管理。
第七条 数据出境实行分级审批：一般数据由部门负责人审批；涉及个人信息的，由信息安全部复核后报首席数据官审批；
涉及重要数据的，报公司数据安全委员会审议。
第十二条 每项出境活动应在出境清单中登记，并按年度复核管理方式判定结果。
（本文件为 ADSG Workbench 示例数据，纯属虚构。）
`,
  },
  {
    name: 'egress-gateway-2026-10.csv',
    items: ['adsg-2026:log-01', 'adsg-2026:log-03'],
    content: [
      'timestamp,flow,destination,bytes,approval_ticket,result',
      ...Array.from({ length: 40 }, (_, i) => {
        const day = String(1 + (i % 28)).padStart(2, '0');
        return `2026-10-${day}T0${i % 10}:15:00+08:00,TSP-EU,tsp-eu.example-motors.de:443,${(1_200_000 + i * 7919) % 9_000_000},DX-2026-${100 + (i % 7)},allowed`;
      }),
      '2026-10-29T03:12:44+08:00,UNKNOWN,203.0.113.17:8443,48213,,blocked',
    ].join('\n'),
  },
  {
    name: 'mtls-gateway.conf',
    items: ['adsg-2026:tp-01', 'adsg-2026:tp-05'],
    content: `# Export gateway (example configuration, fictional)
ssl_protocols TLSv1.3;
ssl_verify_client on;
ssl_client_certificate /etc/gateway/recipients/example-motors-eu-ca.pem;
ssl_verify_depth 2;
# pinned recipient endpoints
upstream tsp_eu { server tsp-eu.example-motors.de:443; }
`,
  },
  {
    name: '出境审批单-DX-2026-103.txt',
    items: ['adsg-2026:ms-03'],
    content: `出境审批单 DX-2026-103
申请部门：车联网运营部
出境活动：TSP 车辆运行数据同步至欧洲总部
数据类别：车辆识别码、车辆状态数据、用户联系方式
审批：信息安全部 王敏 2026-09-18；首席数据官 赵强 2026-09-20
（示例数据，纯属虚构。）
`,
  },
  {
    name: 'site-photo-server-room.svg',
    items: ['adsg-2026:tp-09'],
    content: `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="300" viewBox="0 0 480 300">
<rect width="480" height="300" fill="#1d2733"/>
${Array.from({ length: 4 }, (_, r) => `<g transform="translate(${30 + r * 110},30)"><rect width="90" height="240" fill="#2f3b48" stroke="#55657a"/>${Array.from({ length: 10 }, (_, u) => `<rect x="8" y="${10 + u * 22}" width="74" height="16" fill="#3c4a5a"/><circle cx="${74}" cy="${18 + u * 22}" r="3" fill="${(u + r) % 4 === 0 ? '#f5a623' : '#52c41a'}"/>`).join('')}</g>`).join('')}
<text x="240" y="292" fill="#c9d3df" font-size="12" text-anchor="middle" font-family="sans-serif">Export gateway rack, site photo (sample)</text>
</svg>`,
  },
];
