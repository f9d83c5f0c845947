import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SpanKind } from '@opentelemetry/api';
import type { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { AdmissionConfig } from '@jianfu/admission';
import { CommunityCreated, DepartmentCreated } from '@jianfu/contracts';
import type { FinanceConfig } from '@jianfu/finance';
import { type Principal, Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  principal,
  publishForeignEvent,
  type ServiceWithWorker,
} from '@jianfu/testing';
import { startTestTracing } from '@jianfu/testing/tracing';

/**
 * One trace from a person's request to the service that acts on its consequence: the department's submit (HTTP)
 * starts admission's review workflow; once the reviewers approved (their own requests, their own traces), the
 * workflow's activity admits the task and records TaskAdmitted in the outbox; the relay sends it to Kafka;
 * finance consumes it and starts its transfer workflow, whose activities run in finance's worker. Every span of
 * that chain hangs on one root, the submit request, however long the review took.
 */
describe('a trace runs from an HTTP request through Temporal, the outbox and Kafka to the consuming service', () => {
  const isolation = createTestIsolation('trace-continuity');
  let tracing: Awaited<ReturnType<typeof startTestTracing>>;
  let exporter: InMemorySpanExporter;
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'street-reviewer-1');
  const committee = principal([Roles.AdmissionCommittee], {}, 'committee-1');
  const departmentId = randomUUID();
  const communityId = randomUUID();
  const submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'minzheng-clerk');
  const secretary = principal([Roles.CommunitySecretary], { communityIds: [communityId] }, 'secretary-1');
  let admission: ServiceWithWorker<AdmissionConfig>;
  let finance: ServiceWithWorker<FinanceConfig>;

  beforeAll(async () => {
    // As the services' entry points do: tracing first, then the services, imported afterwards so that the
    // instrumentation sees them load.
    tracing = await startTestTracing();
    exporter = tracing.exporter;
    const { announceBudget, publishPilotCatalogue, services } = await import('./services-under-test.js');
    [admission, finance] = await Promise.all([
      services.admission.startWithWorker(isolation),
      services.finance.startWithWorker(isolation),
    ]);
    await publishForeignEvent(isolation, DepartmentCreated, departmentId, {
      departmentId,
      code: 'MZJ',
      name: '区民政局',
      districtCode: '350102',
    });
    await publishForeignEvent(isolation, CommunityCreated, communityId, {
      communityId,
      code: 'S-GL-C1',
      name: '三坊七巷社区',
      streetCode: 'S-GL',
      districtCode: '350102',
    });
    await announceBudget(isolation, admission.http, { departmentId, year: 2027, approvedFen: 5_000_000 }, reviewer);
    await publishPilotCatalogue(admission.http, reviewer);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([admission?.close(), finance?.close()]);
    await tracing?.stop();
  });

  async function reviewReaches(submissionId: string, status: string) {
    await eventually(async () => {
      const response = await admission.http.request<{ review: { status: string } | null }>(
        'GET',
        `/submissions/${submissionId}`,
        { as: submitter },
      );
      expect(response.body.review?.status).toBe(status);
    }, 40_000);
  }

  function act(submissionId: string, as: Principal, body: object) {
    return admission.http.request('POST', `/submissions/${submissionId}/actions`, { as, body });
  }

  /** The span's chain of parents up to its root; fails on a parent that is not in the trace. */
  function ancestry(span: ReadableSpan, byId: Map<string, ReadableSpan>): ReadableSpan[] {
    const chain = [span];
    for (let at = span; at.parentSpanId;) {
      const parent = byId.get(at.parentSpanId);
      if (!parent) throw new Error(`${at.name} names parent ${at.parentSpanId}, which is not in the trace`);
      chain.push(parent);
      at = parent;
    }
    return chain;
  }

  it('keeps one trace from the submit request to finance’s transfer workflow and its activities', async () => {
    const draft = await admission.http.request<{ id: string }>('POST', '/submissions', {
      as: submitter,
      body: {
        title: '低保对象入户核查',
        description: '每季度对辖区低保对象开展一次入户核查，核实家庭收入与人口变化。',
        catalogueItemCode: 'MZ-01',
        target: { mode: 'communities', communityIds: [communityId] },
        recurrence: 'recurring',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        requiredLedgers: ['低保对象台账'],
        fundingPerCommunityFen: 300000,
        attachments: [],
      },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    expect((await admission.http.request('POST', `/submissions/${id}/submit`, { as: submitter })).status).toBe(202);
    await reviewReaches(id, 'street-review');
    expect((await act(id, reviewer, { action: 'approve' })).status).toBe(200);
    await reviewReaches(id, 'consultation');
    expect((await act(id, secretary, { action: 'approve' })).status).toBe(200);
    await reviewReaches(id, 'committee');
    expect((await act(id, committee, { action: 'approve' })).status).toBe(200);

    // Finance consumed TaskAdmitted and ran an activity of the transfer it started.
    const consumed = await eventually(() => {
      const spans = exporter.getFinishedSpans();
      const consumer = spans.find(
        (span) =>
          span.kind === SpanKind.CONSUMER && span.attributes['jianfu.event.type'] === 'admission.task.admitted@1',
      );
      expect(consumer).toBeDefined();
      const trace = spans.filter((span) => span.spanContext().traceId === consumer!.spanContext().traceId);
      expect(trace.some((span) => span.name.startsWith('RunActivity:') && isUnder(span, consumer!, trace))).toBe(true);
      return { consumer: consumer!, trace };
    }, 60_000);

    const byId = new Map(consumed.trace.map((span) => [span.spanContext().spanId, span]));
    const names = (chain: ReadableSpan[]) => chain.map((span) => span.name).reverse();
    const financeActivity = consumed.trace.find(
      (span) => span.name.startsWith('RunActivity:') && isUnder(span, consumed.consumer, consumed.trace),
    )!;
    const chain = ancestry(financeActivity, byId);
    const root = chain.at(-1)!;
    // The root is the department's submit request to admission.
    expect(root.kind).toBe(SpanKind.SERVER);
    expect(String(root.attributes['http.target'] ?? root.attributes['url.path'])).toBe(`/submissions/${id}/submit`);
    // The chain from the root down to finance's activity passes every hop, in this order.
    const path = names(chain);
    const hops = [
      /^POST/, // the HTTP request
      /^StartWorkflow:taskAdmissionWorkflow$/, // admission starts the review
      /^RunWorkflow:taskAdmissionWorkflow$/,
      /^RunActivity:/, // the activity that admits the task and records TaskAdmitted
      /admission\.events\.v1 publish$/, // the outbox relay's send
      /admission\.events\.v1 process$/, // finance's consumer
      /^StartWorkflow:/, // finance starts the transfer
      /^RunWorkflow:/,
      /^RunActivity:/,
    ];
    let from = 0;
    const missing: string[] = [];
    for (const hop of hops) {
      const at = path.findIndex((name, index) => index >= from && hop.test(name));
      if (at < 0) missing.push(hop.source);
      else from = at + 1;
    }
    expect({ path, missing }).toEqual({ path, missing: [] });
  });
});

function isUnder(span: ReadableSpan, ancestor: ReadableSpan, trace: ReadableSpan[]): boolean {
  const byId = new Map(trace.map((s) => [s.spanContext().spanId, s]));
  for (let at: ReadableSpan | undefined = span; at; at = at.parentSpanId ? byId.get(at.parentSpanId) : undefined) {
    if (at === ancestor) return true;
  }
  return false;
}
