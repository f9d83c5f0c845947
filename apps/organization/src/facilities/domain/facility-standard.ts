/** Service stations a community may house, as the seeds count them. */
export const serviceStations = [
  'one-stop-centre',
  'health-station',
  'party-activity-room',
  'culture-station',
  'day-care-centre',
] as const;

export type ServiceStation = (typeof serviceStations)[number];

export const serviceStationLabels: Record<ServiceStation, string> = {
  'one-stop-centre': '一站式综合服务中心',
  'health-station': '社区卫生服务站',
  'party-activity-room': '多功能党员活动室',
  'culture-station': '社区文化服务站',
  'day-care-centre': '日间照料中心',
};

export interface FacilityAssessment {
  totalAreaM2: number;
  standardAreaM2: number;
  meetsStandard: boolean;
  shortfallM2: number;
}

/** Premises meet the standard when office and service space together reach the configured area. */
export function assessFacility(
  officeAreaM2: number,
  serviceAreaM2: number,
  standardAreaM2: number,
): FacilityAssessment {
  const totalAreaM2 = officeAreaM2 + serviceAreaM2;
  return {
    totalAreaM2,
    standardAreaM2,
    meetsStandard: totalAreaM2 >= standardAreaM2,
    shortfallM2: Math.max(0, standardAreaM2 - totalAreaM2),
  };
}
