import { installTemporalRuntime } from '@jianfu/platform';

// Workers in tests log at WARN unless JIANFU_TEST_LOG_LEVEL asks for more. The runtime is process-wide: the first test
// file of a Jest worker installs it, and the later ones keep it.
installTemporalRuntime(process.env.JIANFU_TEST_LOG_LEVEL === 'debug' ? 'debug' : 'warn');
