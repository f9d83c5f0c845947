import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of open recruitment (公开招聘). */
export const RecruitmentErrors = defineErrorCodes({
  'recruitment-posting.not-found': { status: 404, description: 'No such recruitment posting in the caller’s district' },
  'recruitment.place-duplicated': { status: 400, description: 'A community appears more than once in the places' },
  'recruitment.wrong-stage': {
    status: 409,
    description: 'The recruitment is at another stage than the request needs (or another stage change is running)',
  },
  'recruitment.no-places': { status: 422, description: 'The posting has no places for the community applied for' },
  'recruitment.candidate-no-taken': {
    status: 409,
    description: 'The candidate number (准考证号) is already used in the posting',
  },
  'recruitment.not-a-candidate': {
    status: 422,
    description: 'An application is not a candidate still in the running of this recruitment',
  },
  'recruitment.no-applications': { status: 409, description: 'Applications cannot close before anyone has applied' },
  'recruitment.results-missing': {
    status: 409,
    description: 'The stage cannot close while candidates still in the running lack its score or inspection result',
  },
});
