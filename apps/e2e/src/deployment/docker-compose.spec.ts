import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, loadConfig, type PlatformConfig } from '@jianfu/platform';
import { parse } from 'yaml';
import { AdmissionConfig } from '@jianfu/admission';
import { FinanceConfig } from '@jianfu/finance';
import { GatewayConfig } from '@jianfu/gateway';
import { IdentityConfig } from '@jianfu/identity';
import { OrganizationConfig } from '@jianfu/organization';
import { PersonnelConfig } from '@jianfu/personnel';

const configClasses: Record<string, new () => PlatformConfig> = {
  organization: OrganizationConfig,
  admission: AdmissionConfig,
  finance: FinanceConfig,
  personnel: PersonnelConfig,
  identity: IdentityConfig,
  gateway: GatewayConfig,
};

/** The apps that run workflows, so have a worker container beside their API. */
const appsWithWorkers = ['organization', 'admission', 'finance', 'personnel'];

interface ComposeService {
  image?: string;
  build?: { args?: Record<string, string> };
  command?: string[];
  environment?: Record<string, string | number | boolean>;
}

/** What `docker compose up` is run with: the variables the file requires (see its header). */
const shellEnvironment: Record<string, string> = { JWT_SECRET: 'a'.repeat(64), GATEWAY_SESSION_SECRET: 'b'.repeat(64) };

/** Compose's interpolation: `$$`, `${VAR}`, `${VAR:-default}`, `${VAR:?error}` (failing when unset). */
function interpolate(value: string): string {
  return value.replace(/\$\$|\$\{(\w+)(?::([-?])([^}]*))?\}/g, (match, name: string, kind: string, rest: string) => {
    if (match === '$$') return '$';
    const set = shellEnvironment[name];
    if (set !== undefined && set !== '') return set;
    if (kind === '-') return rest;
    if (kind === '?') throw new Error(`compose refuses to run: ${name} unset (${rest})`);
    return '';
  });
}

function composeFile(): Record<string, ComposeService> {
  const text = readFileSync(new URL('../../../../docker-compose.yml', import.meta.url), 'utf8');
  return (parse(text, { merge: true }) as { services: Record<string, ComposeService> }).services;
}

/** Every app container: the images built from this repository. */
function appContainers(): [string, ComposeService, string][] {
  return Object.entries(composeFile())
    .filter(([, service]) => service.build?.args?.APP)
    .map(([name, service]) => [name, service, service.build!.args!.APP]);
}

function environmentOf(service: ComposeService): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [name, interpolate(String(value))]),
  );
}

/**
 * docker-compose.yml boots: every app container's environment passes the app's own config loader, the
 * validation the process runs first at start. There is no Docker engine in CI, so the file is read as
 * compose reads it (YAML with merge keys, then variable interpolation).
 */
describe('docker-compose.yml', () => {
  it('runs an API and a worker of every service', () => {
    const containers = appContainers().map(([name]) => name);
    for (const app of appsWithWorkers) {
      expect(containers).toEqual(expect.arrayContaining([app, `${app}-worker`]));
    }
    expect(containers).toEqual(expect.arrayContaining(['identity', 'gateway']));
  });

  it.each(appContainers().map(([name, service, app]) => [name, app, service] as const))(
    '%s passes the %s config loader',
    (_name, app, service) => {
      const configClass = configClasses[app];
      expect(configClass).toBeDefined();
      let config: PlatformConfig | undefined;
      let problems: unknown;
      try {
        config = loadConfig(configClass, environmentOf(service));
      } catch (error) {
        problems = error instanceof ConfigValidationError ? error.problems : error;
      }
      expect(problems).toBeUndefined();
      // The API and the worker of one app share its schema and nothing else does.
      expect(config?.DATABASE_SCHEMA).toBe(app);
    },
  );

  it('would fail on a missing variable: the check is not vacuous', () => {
    const [, service, app] = appContainers()[0];
    const environment = environmentOf(service);
    delete environment.DATABASE_SCHEMA;
    expect(() => loadConfig(configClasses[app], environment)).toThrow(/DATABASE_SCHEMA/);
  });
});
