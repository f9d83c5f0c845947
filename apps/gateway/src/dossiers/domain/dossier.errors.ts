import { defineErrorCodes } from '@jianfu/platform';

export const DossierErrors = defineErrorCodes({
  'dossier.not-found': {
    status: 404,
    description: 'No task or submission of that id the user may see (admission and finance both answered no)',
  },
});
