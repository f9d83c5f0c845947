/**
 * Loads the demo district (鼓楼区, 350102) into a running organization service:
 *   node apps/organization/dist/demo/load-demo-district.js <organizationBaseUrl> <bearerToken>
 * The token is an organization-admin's of district 350102. Re-running is safe.
 */
import { runDemoLoadScript } from '@jianfu/platform';
import { demoAgreements, demoDepartments, demoResidentUnits, demoStreets } from './demo-district.js';
import { loadDemoDistrict } from './demo-district-loader.js';

await runDemoLoadScript({
  usage: 'node load-demo-district.js <organizationBaseUrl> <bearerToken>',
  loads: 'demo district',
  load: async ([baseUrl, token]) => {
    const summary = await loadDemoDistrict(baseUrl.replace(/\/$/, ''), token);
    process.stdout.write(
      `demo district 350102 loaded in ${summary.millis} ms: ${summary.created} created, ${summary.existing} already there ` +
        `(${demoStreets.length} streets, ${summary.communities} communities, ${demoDepartments.length} departments, ` +
        `${demoResidentUnits.length} resident units, ${demoAgreements.length} agreements)\n`,
    );
  },
});
