/**
 * The demo district's reform baseline (seed 002, 鼓楼区: 社区承接事项由原先106项压缩为34项, 考核评比事项只保留1项,
 * 区级部门行政权力事项取消65项). Illustrative only, not an official list: the names are generated from a few lists of
 * departments, their subjects and kinds of matter, so the demo shows the report's figures with plausible items.
 */
import type { CatalogueItem, ServiceWindow } from '../catalogue/domain/catalogue-item.js';
import type { RemovalReason } from '../catalogue/domain/baseline-diff.js';
import type { PowerItem } from '../power-items/domain/power-item.js';

/** The demo district's departments (as organization's demo loads them), their service window and subjects. */
export const demoReformDepartments: {
  code: string;
  name: string;
  window: ServiceWindow;
  subjects: string[];
}[] = [
  { code: 'GL-ZZB', name: '区委组织部', window: '党群服务', subjects: ['党员发展', '党组织换届'] },
  { code: 'GL-MZJ', name: '区民政局', window: '民政事务', subjects: ['养老服务机构', '社会组织', '殡葬改革'] },
  { code: 'GL-WJW', name: '区卫健委', window: '卫生计生', subjects: ['爱国卫生', '计划生育', '病媒生物防制'] },
  { code: 'GL-RSJ', name: '区人社局', window: '劳动保障', subjects: ['就业失业登记', '社保参保', '劳动用工'] },
  { code: 'GL-CZJ', name: '区财政局', window: '民政事务', subjects: ['惠民资金', '村居财务'] },
  { code: 'GL-JYJ', name: '区教育局', window: '教育文化体育', subjects: ['控辍保学', '校外培训', '学前教育'] },
  { code: 'GL-ZJJ', name: '区住建局', window: '综治信访', subjects: ['老旧小区改造', '物业管理', '房屋安全'] },
  { code: 'GL-SCJGJ', name: '区市场监管局', window: '综治信访', subjects: ['食品安全', '特种设备', '价格监督'] },
  { code: 'GL-SFJ', name: '区司法局', window: '综治信访', subjects: ['人民调解', '社区矫正', '普法宣传'] },
  { code: 'GL-GAFJ', name: '公安鼓楼分局', window: '综治信访', subjects: ['流动人口', '出租房屋', '治安防范'] },
  { code: 'GL-CGJ', name: '区城管局', window: '综治信访', subjects: ['门前三包', '违章搭建', '市容环境'] },
  { code: 'GL-YJJ', name: '区应急管理局', window: '综治信访', subjects: ['安全生产', '防灾减灾', '消防隐患'] },
  { code: 'GL-WTLJ', name: '区文体旅局', window: '教育文化体育', subjects: ['全民健身', '群众文化', '旅游安全'] },
  { code: 'GL-TJJ', name: '区统计局', window: '民政事务', subjects: ['经济普查', '人口抽样调查', '统计报表'] },
  { code: 'GL-TYJRJ', name: '区退役军人事务局', window: '民政事务', subjects: ['优抚对象', '双拥共建'] },
  { code: 'GL-XFJ', name: '区信访局', window: '综治信访', subjects: ['信访积案', '矛盾纠纷排查'] },
];

/** What departments used to push onto communities before the reform. */
const matterKinds = ['台账报送', '专项检查', '统计填报', '考核评比', '宣传发动'] as const;

export const demoBaselineItemCount = 106;
export const demoBaselineNote = '改革前社区承接事项（演示用，106项）';
export const demoPowerItemsCancelled = 65;
export const demoPowerItemsDecision = '鼓政〔2016〕18号（演示）';

/**
 * The items the baseline held beyond the current list: 106 less the current items, each a subject of a department
 * and a kind of matter. Subjects and kinds advance together, so no pair repeats (5 kinds × 44 subjects).
 */
export function demoBaselineRemovedItems(current: CatalogueItem[]): CatalogueItem[] {
  const subjects = demoReformDepartments.flatMap((department) =>
    department.subjects.map((subject) => ({ department, subject })),
  );
  const count = demoBaselineItemCount - current.length;
  return Array.from({ length: count }, (_, index) => {
    const { department, subject } = subjects[index % subjects.length];
    const kind = matterKinds[index % matterKinds.length];
    return {
      code: `JQ-${String(index + 1).padStart(3, '0')}`,
      name: `${subject}${kind}`,
      category: department.window,
      legalBasis: `${department.name}工作部署（改革前，无法定依据）`,
      owningDepartment: department.name,
      fundingStandardFen: 0,
      allowedLedgers: kind === '台账报送' ? [`${subject}台账`] : [],
      evaluationAllowed: kind === '考核评比',
    };
  });
}

/** The pre-reform list: the current items and those the reform removed. */
export function demoBaselineItems(current: CatalogueItem[]): CatalogueItem[] {
  return [...current, ...demoBaselineRemovedItems(current)];
}

/** Why each removed item left: cancelled, merged into a current item of its window, or returned to its department. */
export function demoRemovalReasons(
  current: CatalogueItem[],
): { code: string; reason: RemovalReason; mergedInto?: string; note?: string }[] {
  return demoBaselineRemovedItems(current).map((item, index) => {
    const reason = (['cancelled', 'merged', 'returned-to-department'] as const)[index % 3];
    if (reason === 'merged') {
      const into = current.find((candidate) => candidate.category === item.category) ?? current[0];
      return { code: item.code, reason, mergedInto: into.code, note: `并入“${into.name}”` };
    }
    if (reason === 'returned-to-department') {
      return { code: item.code, reason, note: `交还${item.owningDepartment}自行承担` };
    }
    return { code: item.code, reason, note: '清理取消' };
  });
}

const cancelledPowers = ['初审', '审核确认', '现场检查', '年度检验', '备案登记'] as const;

/**
 * Each department's power-item register (权力清单) after the reform: cancelled items, 65 in all over the
 * departments, and two kept ones each.
 */
export function demoPowerItems(): { departmentCode: string; items: PowerItem[] }[] {
  const departments = demoReformDepartments.length;
  return demoReformDepartments.map((department, position) => {
    // 65 over 16 departments: 4 each, one more for the first 65 mod 16.
    const cancelled =
      Math.floor(demoPowerItemsCancelled / departments) + (position < demoPowerItemsCancelled % departments ? 1 : 0);
    const code = (index: number) => `QL-${department.code}-${String(index + 1).padStart(3, '0')}`;
    const items: PowerItem[] = Array.from({ length: cancelled }, (_, index) => ({
      code: code(index),
      name: `${department.subjects[index % department.subjects.length]}${cancelledPowers[index]}`,
      status: 'cancelled',
      decisionDocument: demoPowerItemsDecision,
    }));
    items.push(
      {
        code: code(cancelled),
        name: `${department.subjects[0]}监督管理`,
        status: 'kept',
        decisionDocument: null,
      },
      {
        code: code(cancelled + 1),
        name: `${department.subjects[1 % department.subjects.length]}行政处罚`,
        status: 'kept',
        decisionDocument: null,
      },
    );
    return { departmentCode: department.code, items };
  });
}
