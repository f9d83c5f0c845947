/** Highest completed education, in rising order. 大专 (junior college) and above count as a college degree. */
export const educationLevels = [
  'junior-secondary',
  'senior-secondary',
  'junior-college',
  'bachelor',
  'master',
  'doctorate',
] as const;

export type EducationLevel = (typeof educationLevels)[number];

export const educationLabels: Record<EducationLevel, string> = {
  'junior-secondary': '初中',
  'senior-secondary': '高中/中专',
  'junior-college': '大专',
  bachelor: '本科',
  master: '硕士研究生',
  doctorate: '博士研究生',
};

export function isEducationLevel(value: string): value is EducationLevel {
  return (educationLevels as readonly string[]).includes(value);
}

export function educationRank(level: EducationLevel): number {
  return educationLevels.indexOf(level);
}

export function hasCollegeDegree(level: EducationLevel): boolean {
  return educationRank(level) >= educationRank('junior-college');
}
