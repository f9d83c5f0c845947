/**
 * Publishes the demo admission catalogue (illustrative, 34 items) into a running admission service:
 *   node apps/admission/dist/demo/load-demo-catalogue.js <admissionBaseUrl> <bearerToken>
 * The token is an admission-reviewer's; the catalogue goes to the token's district. Re-running is safe.
 */
import { loadDemoCatalogue } from './demo-catalogue-loader.js';

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl || !token) {
  process.stderr.write('usage: node load-demo-catalogue.js <admissionBaseUrl> <bearerToken>\n');
  process.exit(2);
}

try {
  const result = await loadDemoCatalogue(baseUrl.replace(/\/$/, ''), token);
  process.stdout.write(
    result.published
      ? `demo catalogue published as version ${result.version} (${result.items} items)\n`
      : `demo catalogue already current (version ${result.version}, ${result.items} items)\n`,
  );
} catch (error) {
  process.stderr.write(`demo catalogue not loaded: ${(error as Error).message}\n`);
  process.exit(1);
}
