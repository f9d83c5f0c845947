import type { PerformanceGrade } from '@jianfu/contracts';

/** Grades in rising order: 不合格, 合格, 良好, 优秀. */
export const performanceGrades: readonly PerformanceGrade[] = ['unqualified', 'qualified', 'good', 'excellent'];

export const gradeLabels: Record<PerformanceGrade, string> = {
  unqualified: '不合格',
  qualified: '合格',
  good: '良好',
  excellent: '优秀',
};

export function isPerformanceGrade(value: string): value is PerformanceGrade {
  return (performanceGrades as readonly string[]).includes(value);
}

export function gradeAtLeast(grade: PerformanceGrade, minimum: PerformanceGrade): boolean {
  return performanceGrades.indexOf(grade) >= performanceGrades.indexOf(minimum);
}
