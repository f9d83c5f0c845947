/**
 * Creates the demo district's users (one per role and scope) at a running identity service:
 *   node apps/identity/dist/demo/load-demo-users.js <identityBaseUrl> <organizationBaseUrl> <bearerToken> <usersFile>
 * The token is an organization-admin's of district 350102; the demo district must be loaded. The initial passwords
 * of users created now are printed once and added to <usersFile> (never committed); each is to be replaced at the
 * user's first sign-in. Re-running is safe.
 */
import { runDemoLoadScript } from '@jianfu/platform';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadDemoUsers } from './demo-users-loader.js';

await runDemoLoadScript({
  usage: 'node load-demo-users.js <identityBaseUrl> <organizationBaseUrl> <bearerToken> <usersFile>',
  loads: 'demo users',
  load: async ([identityUrl, organizationUrl, token, usersFile]) => {
    const result = await loadDemoUsers(
      { identity: identityUrl.replace(/\/$/, ''), organization: organizationUrl.replace(/\/$/, '') },
      token,
    );
    if (result.created.length > 0) {
      mkdirSync(dirname(usersFile), { recursive: true });
      if (!existsSync(usersFile)) {
        writeFileSync(
          usersFile,
          '# Demo users of district 350102 and their initial passwords (each must be changed at the first sign-in).\n' +
            '# login name\tinitial password\tname\twhat they do\n',
          { mode: 0o600 },
        );
      }
      const lines = result.created.map((user) =>
        [user.loginName, user.password, user.displayName, user.description].join('\t'),
      );
      appendFileSync(usersFile, `${lines.join('\n')}\n`);
      process.stdout.write(
        `demo users created (initial passwords, shown once, also in ${usersFile}; each is replaced at the first sign-in):\n` +
          lines.map((line) => `  ${line.replaceAll('\t', '  ')}\n`).join(''),
      );
    }
    if (result.existing.length > 0) {
      process.stdout.write(
        `demo users already there: ${result.existing.join(', ')} (their initial passwords are in ${usersFile})\n`,
      );
    }
  },
});
