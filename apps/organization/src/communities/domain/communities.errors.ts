import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of the district hierarchy (区 → 街道 → 社区 → 网格): its units, their codes and changes. */
export const HierarchyErrors = defineErrorCodes({
  'street.code-taken': { status: 409, description: 'The code is already used by a street, community or grid' },
  'community.code-taken': { status: 409, description: 'The code is already used by a street, community or grid' },
  'grid.code-taken': { status: 409, description: 'The code is already used by a street, community or grid' },
  'street.not-found': { status: 422, description: '`streetCode` names no street; create the street first' },
  'unit.not-found': { status: 404, description: 'No street, community or grid of the caller’s district has this code' },
  'community.not-found': { status: 404, description: 'No community of the caller’s scope has this id' },
  'community.code-unknown': {
    status: 422,
    description: 'A body field names a community code the caller’s scope does not reach',
  },
  'hierarchy.unit-not-found': {
    status: 422,
    description: 'A body field names a unit code that does not exist in the caller’s district',
  },
  'hierarchy.unit-merged': { status: 409, description: 'The unit was merged (撤并) and no longer changes' },
  'hierarchy.cycle': {
    status: 422,
    description: 'The change would make a unit its own ancestor, or merge it into itself',
  },
  'hierarchy.level-mismatch': {
    status: 422,
    description:
      'A unit goes directly under the level above its own (grid → community → street); a district is not changed here',
  },
  'hierarchy.already-there': { status: 409, description: 'The unit is already under that parent' },
  'hierarchy.merge-communities-only': { status: 422, description: 'Only a community merges into another community' },
  'hierarchy.split-communities-only': { status: 422, description: 'Only a community can be split' },
  'hierarchy.grid-twice': { status: 422, description: 'A grid goes to one new community only' },
  'hierarchy.grid-not-in-community': { status: 422, description: 'A named grid is not a grid of the split community' },
  'hierarchy.split-members-exceed': {
    status: 422,
    description: 'The new communities take more party members than the split community has',
  },
  'hierarchy.upgrade-pending': {
    status: 409,
    description: 'The community has a party organisation upgrade awaiting decision; decide it before merging',
  },
});
