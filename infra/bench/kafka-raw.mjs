// The broker's own latency: a bare kafkajs producer and consumer (the same client library, acks from all
// in-sync replicas, an idempotent producer, as the platform's relay uses) at the rate the platform's hop is
// measured at. The message carries its send time; the consumer notes when it arrives.
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { sleep, summarize } from './lib.mjs';

export async function rawKafkaHop({ run, servers }, { events, rate }) {
  const kafka = new Kafka({
    clientId: `${run.topicPrefix}raw`,
    brokers: servers.kafkaBrokers.split(','),
    logLevel: logLevel.WARN,
  });
  const topic = `${run.topicPrefix}raw-hop`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({ groupId: `${run.topicPrefix}raw-hop` });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const latencies = [];
  let done;
  const all = new Promise((resolve) => (done = resolve));
  const joined = new Promise((resolve) => {
    const off = consumer.on(consumer.events.GROUP_JOIN, () => (off(), resolve()));
  });
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachMessage: async ({ message }) => {
      latencies.push(Date.now() - Number(message.value.toString()));
      if (latencies.length === events) done();
    },
  });
  // Let the group settle so the first messages do not measure the join.
  await joined;
  const started = performance.now();
  for (let index = 0; index < events; index++) {
    const wait = started + (index * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    await producer.send({ topic, acks: -1, messages: [{ key: String(index), value: String(Date.now()) }] });
  }
  await Promise.race([all, sleep(60_000)]);
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.deleteGroups([`${run.topicPrefix}raw-hop`]).catch(() => undefined);
  await admin.disconnect();
  return { events, ratePerSecond: rate, latencyMs: summarize(latencies) };
}
