import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, loadConfig, PlatformConfig } from './platform-config.js';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  DATABASE_SCHEMA: 'organization',
  KAFKA_BROKERS: '127.0.0.1:9092',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  OIDC_ISSUER: 'http://127.0.0.1:3005/oidc',
};

describe('loadConfig', () => {
  it('converts numbers, applies defaults and ignores the rest of the environment', () => {
    const config = loadConfig(PlatformConfig, { ...valid, PORT: '3005', HOME: '/root' });
    expect(config.PORT).toBe(3005);
    expect(config.TEMPORAL_NAMESPACE).toBe('default');
    expect(config).not.toHaveProperty('HOME');
  });

  it('reads a share of polls as a fraction between 0.1 and 1', () => {
    expect(loadConfig(PlatformConfig, valid).TEMPORAL_NON_STICKY_POLL_RATIO).toBe(0.5);
    expect(
      loadConfig(PlatformConfig, { ...valid, TEMPORAL_NON_STICKY_POLL_RATIO: '0.25' }).TEMPORAL_NON_STICKY_POLL_RATIO,
    ).toBe(0.25);
    for (const wrong of ['0', '1.5', 'half']) {
      expect(() => loadConfig(PlatformConfig, { ...valid, TEMPORAL_NON_STICKY_POLL_RATIO: wrong })).toThrow(
        /TEMPORAL_NON_STICKY_POLL_RATIO/,
      );
    }
  });

  it('names every missing or malformed variable', () => {
    let error: unknown;
    try {
      loadConfig(PlatformConfig, { ...valid, DATABASE_URL: undefined, PORT: 'eighty', OIDC_ISSUER: 'http://issuer/' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const variables = (error as ConfigValidationError).problems.map((problem) => problem.variable).sort();
    expect(variables).toEqual(['DATABASE_URL', 'OIDC_ISSUER', 'PORT']);
    expect((error as Error).message).toContain('DATABASE_URL: is required');
  });
});
