import { DefaultLogger, Runtime } from '@temporalio/worker';

// Workers in tests log at WARN unless JIANFU_TEST_LOG_LEVEL asks for more; the runtime is installed once per file.
const level = process.env.JIANFU_TEST_LOG_LEVEL === 'debug' ? 'DEBUG' : 'WARN';
try {
  Runtime.install({ logger: new DefaultLogger(level) });
} catch {
  // Already installed in this process by an earlier test file.
}
