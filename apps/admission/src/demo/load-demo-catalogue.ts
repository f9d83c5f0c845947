/**
 * Publishes the demo admission catalogue (illustrative, 34 items) with the reform's baseline (106 items) and each
 * demo department's power-item register (65 items cancelled) into a running admission service:
 *   node apps/admission/dist/demo/load-demo-catalogue.js <admissionBaseUrl> <proposerToken> <approverToken>
 * The tokens are two different admission-reviewers' of one district (one proposes, the other approves); the
 * catalogue goes to their district. Re-running is safe.
 */
import { runDemoLoadScript } from '@jianfu/platform';
import { loadDemoCatalogue, loadDemoPowerItems } from './demo-catalogue-loader.js';

await runDemoLoadScript({
  usage: 'node load-demo-catalogue.js <admissionBaseUrl> <proposerToken> <approverToken>',
  loads: 'demo catalogue',
  load: async ([baseUrl, proposer, approver]) => {
    const tokens = { proposer, approver };
    const result = await loadDemoCatalogue(baseUrl.replace(/\/$/, ''), tokens);
    process.stdout.write(
      (result.baseline.published
        ? `reform baseline published as version ${result.baseline.version} (${result.baseline.items} items)\n`
        : `reform baseline already marked (version ${result.baseline.version}, ${result.baseline.items} items)\n`) +
        (result.published
          ? `demo catalogue published as version ${result.version} (${result.items} items)\n`
          : `demo catalogue already current (version ${result.version}, ${result.items} items)\n`),
    );
    const powers = await loadDemoPowerItems(baseUrl.replace(/\/$/, ''), tokens);
    process.stdout.write(
      `power-item registers: ${powers.published} published, ${powers.existing} already there; ${powers.cancelled} items cancelled\n`,
    );
  },
});
