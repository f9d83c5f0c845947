export type ResidentUnitKind =
  'government' | 'enterprise' | 'public-institution' | 'school' | 'hospital' | 'social-organisation' | 'other';
export const residentUnitKinds: readonly ResidentUnitKind[] = [
  'government',
  'enterprise',
  'public-institution',
  'school',
  'hospital',
  'social-organisation',
  'other',
];

export interface ResidentUnitView {
  id: string;
  code: string;
  name: string;
  kind: ResidentUnitKind;
  partyMemberCount: number;
  communityId: string;
  communityCode: string;
  streetCode: string;
  districtCode: string;
}
