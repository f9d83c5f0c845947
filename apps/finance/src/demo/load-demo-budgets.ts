/**
 * Sets the demo district's (鼓楼区, 350102) department budgets and base-allocation standard in a
 * running finance service, once organization's demo departments have reached it:
 *   node apps/finance/dist/demo/load-demo-budgets.js <financeBaseUrl> <bearerToken>
 * The token is a finance officer's of district 350102. Re-running is safe.
 */
import { runDemoLoadScript } from '@jianfu/platform';
import { loadDemoBudgets } from './demo-budgets-loader.js';
import { demoBaseStandardFen } from './demo-budgets.js';

await runDemoLoadScript({
  usage: 'node load-demo-budgets.js <financeBaseUrl> <bearerToken>',
  loads: 'demo budgets',
  load: async ([baseUrl, token]) => {
    const summary = await loadDemoBudgets(baseUrl.replace(/\/$/, ''), token);
    process.stdout.write(
      `demo budgets ${summary.year} loaded in ${summary.millis} ms: ${summary.set} set, ${summary.existing} already there; ` +
        `base standard ${summary.standardSet ? `set to ${demoBaseStandardFen / 100} yuan` : 'already set'}\n`,
    );
  },
});
