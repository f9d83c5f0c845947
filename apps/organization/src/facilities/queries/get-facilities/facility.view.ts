import { assessFacility, type FacilityAssessment, type ServiceStation } from '../../domain/facility-standard.js';
import type { StoredFacility } from '../../persistence/facilities.repository.js';

export interface FacilityView extends FacilityAssessment {
  communityId: string;
  officeAreaM2: number;
  serviceAreaM2: number;
  stations: ServiceStation[];
  updatedBy: string;
  updatedAt: string;
  /** The version of the district's facilities policy the standard came from. */
  policyVersion: number;
}

export function presentFacility(
  facility: StoredFacility,
  standard: { areaM2: number; policyVersion: number },
): FacilityView {
  return {
    ...facility,
    ...assessFacility(facility.officeAreaM2, facility.serviceAreaM2, standard.areaM2),
    policyVersion: standard.policyVersion,
  };
}
