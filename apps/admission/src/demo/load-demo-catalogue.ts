/**
 * Publishes the demo admission catalogue (illustrative, 34 items) with the reform's baseline (106 items) and each
 * demo department's power-item register (65 items cancelled) into a running admission service:
 *   node apps/admission/dist/demo/load-demo-catalogue.js <admissionBaseUrl> <proposerToken> <approverToken>
 * The tokens are two different admission-reviewers' of one district (one proposes, the other approves); the
 * catalogue goes to their district. Re-running is safe.
 */
import { loadDemoCatalogue, loadDemoPowerItems } from './demo-catalogue-loader.js';

const [baseUrl, proposer, approver] = process.argv.slice(2);
if (!baseUrl || !proposer || !approver) {
  process.stderr.write('usage: node load-demo-catalogue.js <admissionBaseUrl> <proposerToken> <approverToken>\n');
  process.exit(2);
}

try {
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
} catch (error) {
  process.stderr.write(`demo catalogue not loaded: ${(error as Error).message}\n`);
  process.exit(1);
}
