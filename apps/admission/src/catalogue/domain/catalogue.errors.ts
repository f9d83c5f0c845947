import { defineErrorCodes } from '@jianfu/platform';

/** What the catalogue context refuses; invalid items answer 400 `request.invalid` naming each field. */
export const CatalogueErrors = defineErrorCodes({
  'catalogue-version.not-found': {
    status: 404,
    description: 'The district has no such catalogue version (or none at all, for `current`)',
  },
  'catalogue-baseline.not-found': {
    status: 404,
    description: 'The district has marked no catalogue version as the pre-reform baseline',
  },
});
