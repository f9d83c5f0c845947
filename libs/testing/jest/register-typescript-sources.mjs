// `node --conditions=@jianfu/source --import ./register-typescript-sources.mjs app/src/main.ts`: runs a service
// from its TypeScript sources (test-only). With JIANFU_EXIT_WITH_PARENT set, the process ends when the test run
// that started it is gone, even if that run was killed before its teardown.
import { register } from 'node:module';

register('./typescript-source-hooks.mjs', import.meta.url);

if (process.env.JIANFU_EXIT_WITH_PARENT === '1') {
  const parent = process.ppid;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 2000).unref();
}
