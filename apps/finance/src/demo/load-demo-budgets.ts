/**
 * Sets the demo district's (鼓楼区, 350102) department budgets and base-allocation standard in a
 * running finance service, once organization's demo departments have reached it:
 *   node apps/finance/dist/demo/load-demo-budgets.js <financeBaseUrl> <bearerToken>
 * The token is a finance officer's of district 350102. Re-running is safe.
 */
import { loadDemoBudgets } from './demo-budgets-loader.js';
import { demoBaseStandardFen } from './demo-budgets.js';

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl || !token) {
  process.stderr.write('usage: node load-demo-budgets.js <financeBaseUrl> <bearerToken>\n');
  process.exit(2);
}

try {
  const summary = await loadDemoBudgets(baseUrl.replace(/\/$/, ''), token);
  process.stdout.write(
    `demo budgets ${summary.year} loaded in ${summary.millis} ms: ${summary.set} set, ${summary.existing} already there; ` +
      `base standard ${summary.standardSet ? `set to ${demoBaseStandardFen / 100} yuan` : 'already set'}\n`,
  );
} catch (error) {
  process.stderr.write(`demo budgets not loaded: ${(error as Error).message}\n`);
  process.exit(1);
}
