/**
 * Loads the demo district (鼓楼区, 350102) into a running organization service:
 *   node apps/organization/dist/demo/load-demo-district.js <organizationBaseUrl> <bearerToken>
 * The token is an organization-admin's of district 350102. Re-running is safe.
 */
import { demoAgreements, demoDepartments, demoResidentUnits, demoStreets } from './demo-district.js';
import { loadDemoDistrict } from './demo-district-loader.js';

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl || !token) {
  process.stderr.write('usage: node load-demo-district.js <organizationBaseUrl> <bearerToken>\n');
  process.exit(2);
}

try {
  const summary = await loadDemoDistrict(baseUrl.replace(/\/$/, ''), token);
  process.stdout.write(
    `demo district 350102 loaded in ${summary.millis} ms: ${summary.created} created, ${summary.existing} already there ` +
      `(${demoStreets.length} streets, ${summary.communities} communities, ${demoDepartments.length} departments, ` +
      `${demoResidentUnits.length} resident units, ${demoAgreements.length} agreements)\n`,
  );
} catch (error) {
  process.stderr.write(`demo district not loaded: ${(error as Error).message}\n`);
  process.exit(1);
}
