import { describe, expect, it } from '@jest/globals';
import { loadConfig, PlatformConfig } from '../config/platform-config.js';
import { kafkaSecurity } from './kafka-connection.js';

const base = {
  DATABASE_URL: 'postgres://u:p@db/jianfu',
  DATABASE_SCHEMA: 'finance',
  KAFKA_BROKERS: 'kafka-0:9093',
  TEMPORAL_ADDRESS: 'temporal:7233',
  OIDC_ISSUER: 'https://id.example/oidc',
};

describe('Kafka TLS and SASL from the environment', () => {
  it('connects in plain text without either', () => {
    expect(kafkaSecurity(loadConfig(PlatformConfig, base))).toEqual({});
  });

  it('uses TLS and SCRAM as configured', () => {
    const config = loadConfig(PlatformConfig, {
      ...base,
      KAFKA_TLS: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'finance',
      KAFKA_SASL_PASSWORD: 'secret',
    });
    expect(kafkaSecurity(config)).toEqual({
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'finance', password: 'secret' },
    });
  });

  it('names a mechanism it does not know', () => {
    expect(() => loadConfig(PlatformConfig, { ...base, KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(
      /KAFKA_SASL_MECHANISM/,
    );
  });
});
