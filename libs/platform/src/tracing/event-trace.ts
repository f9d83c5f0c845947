import {
  type Attributes,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { headerText } from '../kafka/message-headers.js';

/**
 * Carries a trace across the outbox and Kafka. The W3C trace context of the transaction that recorded an event
 * travels in the envelope (`traceparent`, `tracestate`; stored with the outbox row, so it survives the relay's
 * delay and restarts) and in the Kafka headers of the same names; the consumer continues that trace. With
 * tracing off the API is a no-op: nothing is written and every span below costs a function call.
 */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

const tracer = () => trace.getTracer('@jianfu/platform');

/** The trace context of the running code, to record beside an event; empty when nothing is traced. */
export function currentTraceCarrier(): TraceCarrier {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return {
    ...(carrier.traceparent ? { traceparent: carrier.traceparent } : {}),
    ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}),
  };
}

/** Runs `work` in a span of the given kind whose parent is the carried context (a new trace without one). */
export async function inEventSpan<T>(
  name: string,
  kind: SpanKind.PRODUCER | SpanKind.CONSUMER,
  carried: TraceCarrier,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = carried.traceparent ? propagation.extract(ROOT_CONTEXT, carried) : ROOT_CONTEXT;
  const span = tracer().startSpan(name, { kind, attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Starts a span per relayed event, child of the context recorded with it, and returns the Kafka headers that
 * name it (the standard `traceparent`/`tracestate`, so any consumer's propagator reads them). The caller ends
 * the spans once the broker acknowledged. Events recorded untraced get no span and no header.
 */
export function startRelaySpan(
  topic: string,
  carried: TraceCarrier,
  attributes: Attributes,
): { span?: Span; headers: Record<string, string> } {
  if (!carried.traceparent) return { headers: {} };
  const parent = propagation.extract(ROOT_CONTEXT, carried);
  const span = tracer().startSpan(`${topic} publish`, { kind: SpanKind.PRODUCER, attributes }, parent);
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), headers);
  // With tracing off the no-op span injects nothing: the recorded context still travels.
  if (headers.traceparent) return { span, headers };
  return {
    span,
    headers: { traceparent: carried.traceparent, ...(carried.tracestate ? { tracestate: carried.tracestate } : {}) },
  };
}

/** Reads the carried context of a consumed message: its headers first, else what the envelope recorded. */
export function carrierOf(headers: Record<string, unknown> | undefined, envelope: TraceCarrier): TraceCarrier {
  const traceparent = headerText(headers, 'traceparent');
  if (traceparent) {
    const tracestate = headerText(headers, 'tracestate');
    return { traceparent, ...(tracestate ? { tracestate } : {}) };
  }
  return envelope;
}

export { SpanKind };
