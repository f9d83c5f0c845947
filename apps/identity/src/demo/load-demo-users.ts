/**
 * Creates the demo district's users in a running identity service, one per role of the console's daily work,
 * once organization holds the demo district:
 *   node apps/identity/dist/demo/load-demo-users.js <identityBaseUrl> <organizationBaseUrl> <bearerToken>
 * The token is an organization admin's of district 350102. Re-running is safe (existing users are kept).
 */
import { demoInitialPassword, loadDemoUsers } from './demo-users-loader.js';

const [identityUrl, organizationUrl, token] = process.argv.slice(2);
if (!identityUrl || !organizationUrl || !token) {
  process.stderr.write('usage: node load-demo-users.js <identityBaseUrl> <organizationBaseUrl> <bearerToken>\n');
  process.exit(2);
}

try {
  const summary = await loadDemoUsers(identityUrl.replace(/\/$/, ''), organizationUrl.replace(/\/$/, ''), token);
  process.stdout.write(
    `demo users: ${summary.created} created, ${summary.existing} already there; initial password ` +
      `${demoInitialPassword} (changed at the first sign-in)\n`,
  );
  for (const user of summary.users) {
    process.stdout.write(`  ${user.loginName.padEnd(20)} ${user.role.padEnd(22)} ${user.unit}\n`);
  }
} catch (error) {
  process.stderr.write(`demo users not loaded: ${(error as Error).message}\n`);
  process.exit(1);
}
