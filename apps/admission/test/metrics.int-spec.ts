import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxRelay, type Principal, Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, proposeAndApprove } from '@jianfu/testing';
import { AdmissionUnderTest, catalogueItems, submissionBody } from './admission-under-test.js';

const metricsToken = 'scrape-token-for-this-suite-only';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The sum of a metric's samples whose labels include `labels`; undefined when no sample matches. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let total: number | undefined;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) {
      total = (total ?? 0) + Number(match[4]);
    }
  }
  return total;
}

/**
 * The admission API process and its worker answer Prometheus, behind the metrics token, and the series an
 * operator alerts on move with the work: requests by route, events consumed, consumer lag, workflow starts,
 * the outbox backlog and its age.
 */
describe('metrics', () => {
  const isolation = createTestIsolation('metrics');
  const reviewer = principal([Roles.AdmissionReviewer]);
  let admission: AdmissionUnderTest;
  let workerPort: number;
  let submitter: Principal;
  let communityIds: string[];

  beforeAll(async () => {
    workerPort = await freePort();
    admission = await AdmissionUnderTest.start(isolation, {
      METRICS_TOKEN: metricsToken,
      METRICS_PORT: String(workerPort),
    });
  });

  afterAll(async () => {
    await admission?.close();
  });

  async function scrape(): Promise<string> {
    const response = await fetch(`${admission.http.baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  }

  it('answers Prometheus only with the metrics token, on the API and on the worker', async () => {
    expect((await fetch(`${admission.http.baseUrl}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${admission.http.baseUrl}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const text = await scrape();
    expect(sample(text, 'jianfu_process_cpu_seconds_total', { service: 'admission', process: 'api' })).toBeDefined();

    const worker = `http://127.0.0.1:${workerPort}/metrics`;
    expect((await fetch(worker)).status).toBe(401);
    const workerAnswer = await fetch(worker, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(workerAnswer.status).toBe(200);
    expect(
      sample(await workerAnswer.text(), 'jianfu_process_cpu_seconds_total', {
        service: 'admission',
        process: 'worker',
      }),
    ).toBeDefined();
  });

  it('counts consumed events and reports the consumer caught up', async () => {
    let departmentId: string;
    ({ departmentId, communityIds } = await admission.seedOrganisation('S-MT', 2));
    submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'metrics-clerk');
    await eventually(async () => {
      const text = await scrape();
      expect(
        sample(text, 'jianfu_events_consumed_total', {
          event_type: 'organization.community.created@1',
          outcome: 'handled',
        }),
      ).toBe(2);
      expect(sample(text, 'jianfu_kafka_consumer_lag_messages', { service: 'admission' })).toBe(0);
      expect(sample(text, 'jianfu_dead_letters_pending', { reason: 'malformed' })).toBe(0);
      expect(sample(text, 'jianfu_workflow_starts_pending', { service: 'admission' })).toBe(0);
    }, 40_000);
  });

  it('times requests by route template and counts workflow starts', async () => {
    await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, {
      items: catalogueItems,
      note: '指标清单',
    });
    const before = await scrape();
    const starts = (text: string) =>
      sample(text, 'jianfu_workflow_starts_total', { workflow_type: 'taskAdmissionWorkflow', outcome: 'started' }) ?? 0;
    const draft = await admission.http.request<{ id: string }>('POST', '/submissions', {
      as: submitter,
      body: submissionBody(communityIds),
    });
    expect(draft.status).toBe(201);
    const submitted = await admission.http.request('POST', `/submissions/${draft.body.id}/submit`, { as: submitter });
    expect(submitted.status).toBe(202);
    const missing = await admission.http.request('GET', '/no-such-route', { as: submitter });
    expect(missing.status).toBe(404);

    const after = await scrape();
    expect(starts(after) - starts(before)).toBe(1);
    const submits = (text: string) =>
      sample(text, 'jianfu_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/submissions/:submissionId/submit',
        status: '202',
      }) ?? 0;
    expect(submits(after) - submits(before)).toBe(1);
    expect(sample(after, 'jianfu_http_request_duration_seconds_count', { route: 'unmatched' })).toBeGreaterThan(0);
    // Concrete ids never become labels.
    expect(after).not.toContain(draft.body.id);
  });

  it('reports the outbox backlog and its age while the relay is stopped, and zero once relayed', async () => {
    const relay = admission.api.app.get(OutboxRelay);
    await relay.onApplicationShutdown();
    try {
      const draft = await admission.http.request<{ id: string }>('POST', '/submissions', {
        as: submitter,
        body: submissionBody(communityIds),
      });
      expect(draft.status).toBe(201);
      const submitted = await admission.http.request('POST', `/submissions/${draft.body.id}/submit`, {
        as: submitter,
      });
      expect(submitted.status).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const waiting = await scrape();
      expect(sample(waiting, 'jianfu_outbox_backlog_messages')).toBeGreaterThanOrEqual(1);
      expect(sample(waiting, 'jianfu_outbox_oldest_unpublished_age_seconds')).toBeGreaterThanOrEqual(1);
      while ((await relay.relayOnce()) > 0);
      const relayed = await scrape();
      expect(sample(relayed, 'jianfu_outbox_backlog_messages')).toBe(0);
      expect(sample(relayed, 'jianfu_outbox_oldest_unpublished_age_seconds')).toBe(0);
    } finally {
      relay.onApplicationBootstrap();
    }
  });
});
