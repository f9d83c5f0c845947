import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of 共驻共建: resident units, alliances, agreements, joint meetings and joint committees. */
export const CoBuildingErrors = defineErrorCodes({
  'resident-unit.not-found': {
    status: 422,
    description: '`residentUnitCode` names no resident unit of the caller’s district',
  },
  'resident-unit.code-taken': { status: 409, description: 'A resident unit with this code already exists' },
  'agreement.term-invalid': { status: 422, description: '`endsOn` must come after `startsOn`' },
  'agreement.one-sided': {
    status: 422,
    description: 'An agreement commits both sides: at least one project by the community and one by the unit',
  },
  'agreement.overlapping': {
    status: 409,
    description: 'The community and the unit already have an agreement for part of this term',
  },
  'agreement.code-taken': { status: 409, description: 'An agreement with this code already exists' },
  'joint-meeting.unit-twice': { status: 422, description: 'Each unit appears once in the attendance' },
  'joint-committee.not-found': { status: 404, description: 'No joint committee of the caller’s district has this id' },
  'joint-committee.wrong-level': {
    status: 422,
    description: 'A 联合党工委 belongs to a street, a 大党委 to a community; `unitCode` names the other level',
  },
  'joint-committee.exists': {
    status: 409,
    description: 'The street or community already has a committee of this kind',
  },
  'joint-committee.unit-outside': {
    status: 422,
    description: 'The resident unit is not located in the committee’s street or community',
  },
});
