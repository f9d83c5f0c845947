import { plainToInstance } from 'class-transformer';
import {
  getMetadataStorage,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/**
 * Environment every service needs. Services extend it with their own variables.
 * Read once at boot by `loadConfig`; a missing or malformed variable stops the process with its name.
 * Every field carries an explicit type: conversion from strings relies on decorator type metadata,
 * which the test transform (swc) emits from annotations only.
 */
export class PlatformConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  /**
   * `true`: the API binds PORT with SO_REUSEPORT, so several processes of one service share the port and the
   * kernel spreads new connections over them (`infra/dev.sh up --replicas N`; Linux). Off by default, so a port
   * another process holds still fails the start.
   */
  @IsIn(['true', 'false'], { message: 'HTTP_REUSE_PORT must be true or false' })
  HTTP_REUSE_PORT: string = 'false';

  /**
   * The HTTP framework under Nest: Fastify (a cheaper request path, docs/decisions/0011) or Express (kept for a
   * service whose routes need Express itself, and to measure one against the other).
   */
  @IsIn(['fastify', 'express'], { message: 'HTTP_FRAMEWORK must be fastify or express' })
  HTTP_FRAMEWORK: 'fastify' | 'express' = 'fastify';

  @IsString()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** Each service owns one schema; tests give every suite its own. */
  @IsString()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_SCHEMA must be a lower-case SQL identifier' })
  DATABASE_SCHEMA!: string;

  @IsString()
  @Matches(/^[^,\s]+(,[^,\s]+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated host:port list' })
  KAFKA_BROKERS!: string;

  /** Prepended to topic and consumer-group names so that test suites never see each other's events. */
  @IsOptional()
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may hold letters, digits, dot, dash, underscore' })
  KAFKA_TOPIC_PREFIX: string = '';

  /**
   * Partitions of each topic the platform creates (a topic that exists keeps its own): the most events of one
   * topic that one consumer group handles side by side, and so the most replicas of a consumer that share the
   * work. Sizing in docs/operations.md.
   */
  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_TOPIC_PARTITIONS: number = 3;

  /** Copies of each created topic: 1 on the single local broker, 3 on a production cluster. */
  @IsInt()
  @Min(1)
  @Max(10)
  KAFKA_TOPIC_REPLICATION_FACTOR: number = 1;

  /** `min.insync.replicas` of each created topic (with acks=all, the copies a write needs); unset: the broker's. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  KAFKA_TOPIC_MIN_INSYNC_REPLICAS?: number;

  /** TLS to the brokers; KAFKA_TLS_CA_FILE names a CA bundle when the brokers' certificates need one. */
  @IsIn(['true', 'false'], { message: 'KAFKA_TLS must be true or false' })
  KAFKA_TLS: string = 'false';

  @IsOptional()
  @IsString()
  KAFKA_TLS_CA_FILE?: string;

  /** SASL authentication to the brokers (with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD); unset: none. */
  @IsOptional()
  @IsIn(['plain', 'scram-sha-256', 'scram-sha-512'], {
    message: 'KAFKA_SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512',
  })
  KAFKA_SASL_MECHANISM?: string;

  @IsOptional()
  @IsString()
  KAFKA_SASL_USERNAME?: string;

  @IsOptional()
  @IsString()
  KAFKA_SASL_PASSWORD?: string;

  @IsString()
  @Matches(/^[^:\s]+:\d+$/, { message: 'TEMPORAL_ADDRESS must be host:port' })
  TEMPORAL_ADDRESS!: string;

  @IsString()
  @MinLength(1)
  TEMPORAL_NAMESPACE: string = 'default';

  @IsOptional()
  @IsString()
  TEMPORAL_TASK_QUEUE?: string;

  /**
   * TLS to Temporal (a managed namespace or a cluster with mTLS): the CA of the server's certificate, the
   * client's certificate and key for mTLS, the server name when it differs from the address's host.
   */
  @IsIn(['true', 'false'], { message: 'TEMPORAL_TLS must be true or false' })
  TEMPORAL_TLS: string = 'false';

  @IsOptional()
  @IsString()
  TEMPORAL_TLS_CA_FILE?: string;

  @IsOptional()
  @IsString()
  TEMPORAL_TLS_CERT_FILE?: string;

  @IsOptional()
  @IsString()
  TEMPORAL_TLS_KEY_FILE?: string;

  @IsOptional()
  @IsString()
  TEMPORAL_TLS_SERVER_NAME?: string;

  /** An API key for a namespace that authenticates by key (sent with TLS). */
  @IsOptional()
  @IsString()
  TEMPORAL_API_KEY?: string;

  /**
   * Whether a worker's workflows keep a stack trace of every promise they create, which is what Temporal's stack
   * trace queries (the Temporal UI's "Stack Trace" tab) show. Keeping them costs a captured, source-mapped stack
   * per promise: about half of the workflow thread's CPU. Off by default; turn it on to look into a stuck workflow.
   */
  @IsIn(['true', 'false'], { message: 'TEMPORAL_WORKFLOW_STACK_TRACES must be true or false' })
  TEMPORAL_WORKFLOW_STACK_TRACES: string = 'false';

  /**
   * The share of a worker's workflow task polls that ask its task queue itself, where a new workflow's first task
   * waits (and a task of a workflow this worker no longer caches), against its sticky queue, where the next tasks of
   * the workflows it holds wait. The SDK's 0.2 leaves two of its ten polls to new workflows; under the benchmark's
   * load a review's or a transfer's first task then waited 2–6 s at p99 for one, and 0.5 brought that under 1.5 s
   * (docs/performance.md, "2026-12-07 17:30").
   */
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'TEMPORAL_NON_STICKY_POLL_RATIO must be a number' })
  @Min(0.1)
  @Max(1)
  TEMPORAL_NON_STICKY_POLL_RATIO: number = 0.5;

  /** How long a connection to Temporal may take before the boot fails; a busy server answers slowly. */
  @IsInt()
  @Min(1000)
  TEMPORAL_CONNECT_TIMEOUT_MS: number = 30_000;

  /**
   * The OpenID issuer whose access tokens the service accepts, verified by the issuer's published keys (JWKS from
   * its discovery document): the platform's identity service, or a district's own provider. No service holds a
   * signing secret: a token is good only if this issuer signed it.
   */
  @IsString()
  @Matches(/^https?:\/\/[^\s]+[^/\s]$/, { message: 'OIDC_ISSUER must be an http(s) URL without a trailing slash' })
  OIDC_ISSUER!: string;

  /** The audience an issuer's access token must name to be accepted here. */
  @IsString()
  @Matches(/^[a-z][a-z0-9+.-]*:[^\s#]+$/, { message: 'OIDC_AUDIENCE must be an absolute URI (e.g. urn:jianfu:api)' })
  OIDC_AUDIENCE: string = 'urn:jianfu:api';

  /**
   * Where an issuer's token carries the platform's roles and organisation scope, as dot paths into its claims:
   * the platform's own issuer uses `roles` and `org_scope`; Keycloak, for one, `realm_access.roles` and a JSON
   * user-attribute mapper named `org_scope` (docs/flows/identity.md).
   */
  @IsString()
  @Matches(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/, { message: 'OIDC_ROLES_CLAIM must be a dot path of claim names' })
  OIDC_ROLES_CLAIM: string = 'roles';

  @IsString()
  @Matches(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/, { message: 'OIDC_SCOPE_CLAIM must be a dot path of claim names' })
  OIDC_SCOPE_CLAIM: string = 'org_scope';

  /** Verified tokens remembered (until each expires) so a caller's next request skips the signature; 0: none. */
  @IsInt()
  @Min(0)
  OIDC_VERIFIED_TOKEN_CACHE_SIZE: number = 10_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS: number = 1000;

  @IsInt()
  @Min(1024)
  HTTP_BODY_LIMIT_BYTES: number = 256 * 1024;

  /** Deeper JSON bodies are refused before any code walks them (class-transformer recurses per level). */
  @IsInt()
  @Min(2)
  @Max(1000)
  HTTP_BODY_MAX_DEPTH: number = 32;

  /**
   * Idle kept-alive connections live longer here than in any proxy in front (ALB 60 s, nginx 60–75 s), so the
   * proxy always closes first and never reuses a connection this server is closing; Node's default is 5 s.
   */
  @IsInt()
  @Min(1000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS: number = 65_000;

  /** Must exceed the keep-alive timeout, or Node may time out a request that arrives on a reused connection. */
  @IsInt()
  @Min(1000)
  HTTP_HEADERS_TIMEOUT_MS: number = 66_000;

  /** Paging bounds every `offset`/`limit` query parameter is held to before it reaches a query. */
  @IsInt()
  @Min(0)
  PAGING_MAX_OFFSET: number = 1_000_000;

  @IsInt()
  @Min(1)
  PAGING_MAX_LIMIT: number = 1000;

  /** Commands (unsafe methods) one caller may send per window; 0 turns the limit off. */
  @IsInt()
  @Min(0)
  RATE_LIMIT_COMMANDS: number = 600;

  @IsInt()
  @Min(1000)
  RATE_LIMIT_WINDOW_MS: number = 60_000;

  /** How long a stored answer is replayed for a repeated Idempotency-Key. */
  @IsInt()
  @Min(1)
  IDEMPOTENCY_RETENTION_HOURS: number = 24;

  /** A request holding a key longer than this (its process died) no longer blocks a retry with the same body. */
  @IsInt()
  @Min(1000)
  IDEMPOTENCY_LEASE_MS: number = 60_000;

  /**
   * Attempts a consumer gives an event whose handler fails (for a reason other than an unreachable dependency)
   * before it dead-letters the event and moves on; the waits between attempts double from the backoff.
   */
  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_MAX_ATTEMPTS: number = 5;

  @IsInt()
  @Min(1)
  CONSUMER_RETRY_BACKOFF_MS: number = 200;

  /** The dead-letter topic (before the prefix); empty means `<service>.dead-letters.v1`. */
  @IsOptional()
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'DEAD_LETTER_TOPIC may hold letters, digits, dot, dash, underscore' })
  DEAD_LETTER_TOPIC: string = '';

  /**
   * The bearer token Prometheus sends to `/metrics`; unset leaves the metrics open (local development only:
   * they name routes and volumes, and a gateway should not route `/metrics` from outside either way).
   */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** A worker process serves `/metrics` on this port (it has no HTTP server otherwise); 0 serves none. */
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT: number = 0;

  /** The Retry-After of a 503 while a dependency (Postgres, Temporal) is unreachable. */
  @IsInt()
  @Min(1)
  RETRY_AFTER_SECONDS: number = 5;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid environment:\n${problems.map((problem) => `  - ${problem.variable}: ${problem.message}`).join('\n')}`,
    );
    this.name = 'ConfigValidationError';
  }
}

/** Builds and validates a config class from the environment; throws naming every bad variable. */
export function loadConfig<T extends object>(
  configClass: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  // Only declared variables are copied: the config object never carries the rest of the environment.
  const declared = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(configClass, '', true, false)
      .map((metadata) => metadata.propertyName),
  );
  const defined = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => declared.has(name) && value !== undefined && value !== ''),
  );
  const config = plainToInstance(configClass, defined, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigValidationError(
      errors.map((error) => ({
        variable: error.property,
        message:
          error.value === undefined ? 'is required' : Object.values(error.constraints ?? {}).join('; ') || 'is invalid',
      })),
    );
  }
  return config;
}
