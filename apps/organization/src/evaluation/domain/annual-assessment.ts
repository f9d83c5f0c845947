/**
 * 年度目标责任考核 of a department: seed 002 requires the community party organisations' opinion (应充分征求社区党组织
 * 的意见) before it is done, so completing it needs a closed opinion request about the department for that purpose.
 */
export interface ClosedOpinionRequest {
  requestId: string;
  closedAt: string;
}

export interface UnmetAssessmentRule {
  rule: 'opinion-request';
  message: string;
}

/** The first instant of a year on Beijing time, as an ISO timestamp. */
export function assessedYearStart(year: number): string {
  return new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000).toISOString();
}

/**
 * The pre-check's unmet rules. A request closed before the assessed year began is about an earlier assessment
 * (the caller asks for requests closed since then), so only its absence matters here.
 */
export function annualAssessmentPrecheck(
  department: { name: string },
  year: number,
  closedRequest: ClosedOpinionRequest | null,
): UnmetAssessmentRule[] {
  if (closedRequest) return [];
  return [
    {
      rule: 'opinion-request',
      message:
        `${department.name}${year}年度目标责任考核须先征求社区党组织意见：需要一项已关闭的征求意见（purpose annual-assessment，` +
        `${year}年1月1日以后关闭）`,
    },
  ];
}
