import { plainToInstance } from 'class-transformer';
import {
  getMetadataStorage,
  IsIn,
  IsInt,
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

  @IsString()
  @Matches(/^[^:\s]+:\d+$/, { message: 'TEMPORAL_ADDRESS must be host:port' })
  TEMPORAL_ADDRESS!: string;

  @IsString()
  @MinLength(1)
  TEMPORAL_NAMESPACE: string = 'default';

  @IsOptional()
  @IsString()
  TEMPORAL_TASK_QUEUE?: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @IsString()
  JWT_ISSUER: string = 'jianfu';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS: number = 1000;

  @IsInt()
  @Min(1024)
  HTTP_BODY_LIMIT_BYTES: number = 256 * 1024;
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
