/**
 * A district shaped like 鼓楼区 (Gulou, Fuzhou; code 350102) in the seeds: streets with their
 * communities, the functional departments that submit tasks, resident units with co-building
 * agreements, and premises around the 500 m² standard. Small enough to load in seconds.
 */
export const demoDistrictCode = '350102';

export const demoStreets: { code: string; name: string; communities: string[] }[] = [
  { code: '350102001', name: '鼓东街道', communities: ['鼓东路社区', '三牧坊社区', '中山社区', '卫前社区'] },
  { code: '350102002', name: '鼓西街道', communities: ['西湖社区', '西洪路社区', '达明社区', '鼓西路社区'] },
  { code: '350102003', name: '温泉街道', communities: ['温泉社区', '汤边社区', '五一社区', '汤井社区'] },
  { code: '350102004', name: '东街街道', communities: ['东大社区', '文仙社区', '东街社区', '津泰社区'] },
  { code: '350102005', name: '南街街道', communities: ['光禄坊社区', '澳门路社区', '杨桥社区', '吉庇社区'] },
  { code: '350102006', name: '安泰街道', communities: ['朱紫坊社区', '乌山社区', '安泰河社区', '双抛社区'] },
  { code: '350102007', name: '华大街道', communities: ['北大社区', '华大社区', '屏西社区', '湖滨社区'] },
  { code: '350102008', name: '水部街道', communities: ['水部社区', '斗池社区', '琴亭社区', '新港社区'] },
];

/** A community's code: its street's code and its place in the street, as statistical codes run. */
export const demoCommunityCode = (streetCode: string, index: number) =>
  `${streetCode}${String(index + 1).padStart(3, '0')}`;

export const demoDepartments: { code: string; name: string }[] = [
  { code: 'GL-ZZB', name: '区委组织部' },
  { code: 'GL-MZJ', name: '区民政局' },
  { code: 'GL-WJW', name: '区卫健委' },
  { code: 'GL-RSJ', name: '区人社局' },
  { code: 'GL-CZJ', name: '区财政局' },
  { code: 'GL-JYJ', name: '区教育局' },
  { code: 'GL-ZJJ', name: '区住建局' },
  { code: 'GL-SCJGJ', name: '区市场监管局' },
  { code: 'GL-SFJ', name: '区司法局' },
  { code: 'GL-GAFJ', name: '公安鼓楼分局' },
  { code: 'GL-CGJ', name: '区城管局' },
  { code: 'GL-YJJ', name: '区应急管理局' },
  { code: 'GL-WTLJ', name: '区文体旅局' },
  { code: 'GL-TJJ', name: '区统计局' },
  { code: 'GL-TYJRJ', name: '区退役军人事务局' },
  { code: 'GL-XFJ', name: '区信访局' },
];

export const demoDepartmentUser = (departmentCode: string) => ({
  userId: `demo-${departmentCode.toLowerCase()}-submitter`,
  name: `${departmentCode}经办人`,
  role: 'department-submitter',
});

export type DemoUnitKind =
  'government' | 'enterprise' | 'public-institution' | 'school' | 'hospital' | 'social-organisation';

export const demoResidentUnits: {
  code: string;
  name: string;
  kind: DemoUnitKind;
  community: string;
  partyMembers: number;
}[] = [
  { code: 'GL-RU-01', name: '国网福州供电公司', kind: 'enterprise', community: '350102001001', partyMembers: 210 },
  { code: 'GL-RU-02', name: '福州第一中学', kind: 'school', community: '350102001002', partyMembers: 96 },
  { code: 'GL-RU-03', name: '福建省立医院', kind: 'hospital', community: '350102004001', partyMembers: 640 },
  { code: 'GL-RU-04', name: '福州市鼓楼区税务局', kind: 'government', community: '350102002001', partyMembers: 75 },
  { code: 'GL-RU-05', name: '福建师范大学附属中学', kind: 'school', community: '350102007002', partyMembers: 88 },
  { code: 'GL-RU-06', name: '中国移动福州分公司', kind: 'enterprise', community: '350102003001', partyMembers: 130 },
  { code: 'GL-RU-07', name: '福州市图书馆', kind: 'public-institution', community: '350102002004', partyMembers: 42 },
  {
    code: 'GL-RU-08',
    name: '鼓楼区义工联合会',
    kind: 'social-organisation',
    community: '350102005001',
    partyMembers: 12,
  },
  {
    code: 'GL-RU-09',
    name: '福建医科大学附属协和医院',
    kind: 'hospital',
    community: '350102006001',
    partyMembers: 520,
  },
  { code: 'GL-RU-10', name: '福州地铁集团', kind: 'enterprise', community: '350102008001', partyMembers: 160 },
  { code: 'GL-RU-11', name: '三坊七巷文旅公司', kind: 'enterprise', community: '350102005002', partyMembers: 35 },
  { code: 'GL-RU-12', name: '鼓楼区消防救援大队', kind: 'government', community: '350102001003', partyMembers: 48 },
];

export const demoAgreements: {
  code: string;
  community: string;
  unit: string;
  unitProjects: string[];
  communityProjects: string[];
}[] = [
  {
    code: 'GL-GJ-2026-01',
    community: '350102001001',
    unit: 'GL-RU-01',
    unitProjects: ['党员电工义务检修老旧线路', '安全用电进社区'],
    communityProjects: ['为一线职工子女提供暑期托管'],
  },
  {
    code: 'GL-GJ-2026-02',
    community: '350102001002',
    unit: 'GL-RU-02',
    unitProjects: ['青少年四点半课堂', '寒暑假体育场地开放'],
    communityProjects: ['学生志愿服务岗位'],
  },
  {
    code: 'GL-GJ-2026-03',
    community: '350102004001',
    unit: 'GL-RU-03',
    unitProjects: ['每月专家义诊', '家庭医生签约服务', '急救知识培训'],
    communityProjects: ['协助开展老年人健康档案登记'],
  },
  {
    code: 'GL-GJ-2026-04',
    community: '350102002001',
    unit: 'GL-RU-04',
    unitProjects: ['个税政策宣讲进社区'],
    communityProjects: ['提供纳税服务宣传场地'],
  },
  {
    code: 'GL-GJ-2026-05',
    community: '350102003001',
    unit: 'GL-RU-06',
    unitProjects: ['老年人智能手机培训', '社区wifi覆盖'],
    communityProjects: ['组织居民参加通信服务满意度调查'],
  },
  {
    code: 'GL-GJ-2026-06',
    community: '350102006001',
    unit: 'GL-RU-09',
    unitProjects: ['慢病管理讲座', '义诊进小区'],
    communityProjects: ['提供医务志愿者服务站点'],
  },
  {
    code: 'GL-GJ-2026-07',
    community: '350102005002',
    unit: 'GL-RU-11',
    unitProjects: ['文化遗产讲解志愿服务'],
    communityProjects: ['协调街巷环境整治'],
  },
  {
    code: 'GL-GJ-2026-08',
    community: '350102008001',
    unit: 'GL-RU-10',
    unitProjects: ['地铁安全知识进社区', '无障碍出行志愿服务'],
    communityProjects: ['施工期间居民诉求收集'],
  },
];

/** Party members per community, spread so some communities justify a 总支 or a 党委. */
export const demoPartyMembers = (index: number) => [38, 64, 112, 27, 55, 145, 19, 81][index % 8];

/** Premises around the 500 m² standard, most meeting it, as in the seeds (37 of 42, 76 of 100). */
export const demoFacility = (index: number) => {
  const total = 380 + ((index * 53) % 300);
  const office = Math.round(total * 0.35);
  const stations = ['one-stop-centre', 'party-activity-room'];
  if (index % 3 === 0) stations.push('health-station');
  if (index % 2 === 0) stations.push('culture-station');
  if (index % 5 === 0) stations.push('day-care-centre');
  return { officeAreaM2: office, serviceAreaM2: total - office, stations };
};
