/**
 * Publishes the demo admission catalogue (illustrative, 34 items) into a running admission service:
 *   node apps/admission/dist/demo/load-demo-catalogue.js <admissionBaseUrl> <proposerToken> <approverToken>
 * The tokens are two different admission-reviewers' of one district (one proposes, the other approves); the
 * catalogue goes to their district. Re-running is safe.
 */
import { loadDemoCatalogue } from './demo-catalogue-loader.js';

const [baseUrl, proposer, approver] = process.argv.slice(2);
if (!baseUrl || !proposer || !approver) {
  process.stderr.write('usage: node load-demo-catalogue.js <admissionBaseUrl> <proposerToken> <approverToken>\n');
  process.exit(2);
}

try {
  const result = await loadDemoCatalogue(baseUrl.replace(/\/$/, ''), { proposer, approver });
  process.stdout.write(
    result.published
      ? `demo catalogue published as version ${result.version} (${result.items} items)\n`
      : `demo catalogue already current (version ${result.version}, ${result.items} items)\n`,
  );
} catch (error) {
  process.stderr.write(`demo catalogue not loaded: ${(error as Error).message}\n`);
  process.exit(1);
}
