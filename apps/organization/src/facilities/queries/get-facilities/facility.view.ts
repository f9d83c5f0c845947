import { assessFacility, type FacilityAssessment, type ServiceStation } from '../../domain/facility-standard.js';
import type { StoredFacility } from '../../persistence/facilities.repository.js';

export interface FacilityView extends FacilityAssessment {
  communityId: string;
  officeAreaM2: number;
  serviceAreaM2: number;
  stations: ServiceStation[];
  updatedBy: string;
  updatedAt: string;
}

export function presentFacility(facility: StoredFacility, standardAreaM2: number): FacilityView {
  return { ...facility, ...assessFacility(facility.officeAreaM2, facility.serviceAreaM2, standardAreaM2) };
}
