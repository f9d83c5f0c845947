import { afterAll, describe, expect, it } from '@jest/globals';
import { ConfigResourceTypes } from 'kafkajs';
import { KafkaConnection, loadConfig, PlatformConfig } from '@jianfu/platform';
import { createTestIsolation, serviceEnvironment } from '@jianfu/testing';

/** Topic sizing is configuration: a district's cluster and a province's get the partitions they are sized for. */
describe('topics the platform creates', () => {
  const isolation = createTestIsolation('kafka-topics');
  const connections: KafkaConnection[] = [];

  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.onApplicationShutdown()));
  });

  function connect(extra: Record<string, string>): KafkaConnection {
    const connection = new KafkaConnection(
      loadConfig(PlatformConfig, { ...serviceEnvironment(isolation, 'topics'), ...extra }),
    );
    connections.push(connection);
    return connection;
  }

  it('get the configured partitions and min.insync.replicas', async () => {
    const kafka = connect({ KAFKA_TOPIC_PARTITIONS: '5', KAFKA_TOPIC_MIN_INSYNC_REPLICAS: '1' });
    const topic = kafka.topic('sized.events.v1');
    await kafka.ensureTopics([topic]);
    const admin = kafka.kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(metadata.topics[0].partitions).toHaveLength(5);
      const described = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['min.insync.replicas'] }],
      });
      expect(described.resources[0].configEntries).toEqual([
        expect.objectContaining({ configName: 'min.insync.replicas', configValue: '1' }),
      ]);
    } finally {
      await admin.disconnect();
    }
  });

  it('keep three partitions and one copy by default, and refuse a replication factor of zero', async () => {
    const kafka = connect({});
    const topic = kafka.topic('default.events.v1');
    await kafka.ensureTopics([topic]);
    const admin = kafka.kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(metadata.topics[0].partitions).toHaveLength(3);
      expect(metadata.topics[0].partitions[0].replicas).toHaveLength(1);
    } finally {
      await admin.disconnect();
    }
    expect(() =>
      loadConfig(PlatformConfig, { ...serviceEnvironment(isolation, 'topics'), KAFKA_TOPIC_REPLICATION_FACTOR: '0' }),
    ).toThrow(/KAFKA_TOPIC_REPLICATION_FACTOR/);
  });
});
