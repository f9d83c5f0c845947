import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { loadConfig, type PlatformConfig } from '@jianfu/platform';
import { parseAllDocuments } from 'yaml';
import { AdmissionConfig } from '@jianfu/admission';
import { FinanceConfig } from '@jianfu/finance';
import { GatewayConfig } from '@jianfu/gateway';
import { IdentityConfig } from '@jianfu/identity';
import { OrganizationConfig } from '@jianfu/organization';
import { PersonnelConfig } from '@jianfu/personnel';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const chart = `${repo}infra/helm/jianfu`;
const productionValues = `${chart}/values-production.yaml`;

/** Helm 4 as `infra/dev.sh test` installs it (infra/helm/install-helm.sh), or one on the PATH. */
function findHelm(): string | undefined {
  const candidates = [process.env.JIANFU_HELM, `${repo}.local/helm/bin/helm`].filter((path): path is string =>
    Boolean(path),
  );
  const installed = candidates.find((path) => existsSync(path));
  if (installed) return installed;
  return spawnSync('helm', ['version', '--short']).status === 0 ? 'helm' : undefined;
}

const helm = findHelm();
if (!helm) {
  console.warn(
    'helm-chart.spec.ts: SKIPPED, no Helm 4 found. Run `bash infra/helm/install-helm.sh` (or the whole suite with ' +
      '`bash infra/dev.sh test`, which installs it) to render and check the chart.',
  );
}
const describeWithHelm = helm ? describe : describe.skip;

const configClasses: Record<string, new () => PlatformConfig> = {
  organization: OrganizationConfig,
  admission: AdmissionConfig,
  finance: FinanceConfig,
  personnel: PersonnelConfig,
  identity: IdentityConfig,
  gateway: GatewayConfig,
};

interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
  }[];
  startupProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  readinessProbe?: { httpGet?: { path: string } };
  resources?: { limits?: { cpu?: string; memory?: string }; requests?: object };
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; allowPrivilegeEscalation?: boolean };
}

interface Manifest {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string>; labels?: Record<string, string> };
  spec: {
    scaleTargetRef?: { name: string };
    selector?: { matchLabels?: Record<string, string> };
    template?: {
      spec: {
        securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
        containers: Container[];
        initContainers?: Container[];
      };
    };
  };
}

function render(...valueFiles: string[]): Manifest[] {
  const text = execFileSync(helm!, ['template', 'jf', chart, ...valueFiles.flatMap((file) => ['-f', file])], {
    encoding: 'utf8',
  });
  return parseAllDocuments(text)
    .map((document) => document.toJSON() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
}

/**
 * A container's environment as the pod would get it: a stand-in value for what comes from a Secret, nothing for an
 * optional Secret key (the identity service's signing keys, generated when absent).
 */
function environmentOf(container: Container): Record<string, string> {
  const stand: Record<string, string> = {
    DATABASE_URL: 'postgres://jianfu:secret@postgres:5432/jianfu',
    METRICS_TOKEN: 'm'.repeat(32),
    SESSION_SECRET: 's'.repeat(64),
  };
  return Object.fromEntries(
    (container.env ?? [])
      .filter((entry) => !entry.valueFrom?.secretKeyRef?.optional)
      .map((entry) => [entry.name, entry.value ?? stand[entry.name] ?? 'from-a-secret']),
  );
}

describeWithHelm.each([
  ['default values', [] as string[]],
  ['production values', [productionValues]],
])('the Helm chart with %s', (_name, valueFiles) => {
  const manifests = helm ? render(...valueFiles) : [];
  const deployments = manifests.filter((manifest) => manifest.kind === 'Deployment');

  it('passes helm lint', () => {
    const lint = spawnSync(helm!, ['lint', chart, ...valueFiles.flatMap((file) => ['-f', file])], {
      encoding: 'utf8',
    });
    expect({ status: lint.status, output: lint.stdout + lint.stderr }).toMatchObject({ status: 0 });
  });

  it('runs the API of all six apps and the worker of the four services', () => {
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual(
      [
        'jf-admission',
        'jf-admission-worker',
        'jf-finance',
        'jf-finance-worker',
        'jf-gateway',
        'jf-identity',
        'jf-organization',
        'jf-organization-worker',
        'jf-personnel',
        'jf-personnel-worker',
      ].sort(),
    );
  });

  it("serves the console from the gateway: the built console in the gateway's image", () => {
    const gateway = deployments.find((deployment) => deployment.metadata.name === 'jf-gateway');
    const environment = environmentOf(gateway!.spec.template!.spec.containers[0]);
    expect(environment.CONSOLE_DIST).toBe('/app/apps/console/dist');
    // The gateway's config loader accepts it, and the same path is what compose gives the gateway.
    expect(loadConfig(GatewayConfig, environment).CONSOLE_DIST).toBe('/app/apps/console/dist');
  });

  it('gives every container probes on /health/live and /health/ready, limits and a non-root user', () => {
    for (const deployment of deployments) {
      const pod = deployment.spec.template!.spec;
      for (const container of pod.containers) {
        const where = `${deployment.metadata.name}/${container.name}`;
        expect({ where, startup: container.startupProbe?.httpGet?.path }).toEqual({ where, startup: '/health/live' });
        expect({ where, live: container.livenessProbe?.httpGet?.path }).toEqual({ where, live: '/health/live' });
        expect({ where, ready: container.readinessProbe?.httpGet?.path }).toEqual({ where, ready: '/health/ready' });
      }
    }
    const job = manifests.find((manifest) => manifest.kind === 'Job')!;
    for (const owner of [...deployments, job]) {
      const pod = owner.spec.template!.spec;
      for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
        const where = `${owner.metadata.name}/${container.name}`;
        expect({ where, limits: container.resources?.limits }).toEqual({
          where,
          limits: { cpu: expect.any(String), memory: expect.any(String) },
        });
        const nonRoot = container.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
        const user = container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
        expect({ where, nonRoot, rootUser: user === 0 }).toEqual({ where, nonRoot: true, rootUser: false });
        expect({ where, escalation: container.securityContext?.allowPrivilegeEscalation }).toEqual({
          where,
          escalation: false,
        });
      }
    }
  });

  it('scales every Deployment with an HPA and keeps it available with a PodDisruptionBudget', () => {
    const scaled = manifests
      .filter((manifest) => manifest.kind === 'HorizontalPodAutoscaler')
      .map((hpa) => hpa.spec.scaleTargetRef!.name);
    const budgets = manifests.filter((manifest) => manifest.kind === 'PodDisruptionBudget');
    for (const deployment of deployments) {
      expect(scaled).toContain(deployment.metadata.name);
      const labels = deployment.spec.selector!.matchLabels!;
      expect(
        budgets.some((budget) => JSON.stringify(budget.spec.selector!.matchLabels) === JSON.stringify(labels)),
      ).toBe(true);
    }
  });

  it('migrates every app in a pre-install/pre-upgrade Job before any new process starts', () => {
    const job = manifests.find((manifest) => manifest.kind === 'Job')!;
    expect(job.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(job.spec.template!.spec.initContainers!.map((container) => container.command)).toEqual(
      Object.keys(configClasses)
        .sort()
        .map((app) => ['node', `apps/${app}/dist/migrate.js`]),
    );
  });

  it('takes secrets from existing Secrets only, and gives each app an environment its config loader accepts', () => {
    for (const deployment of deployments) {
      const app = deployment.metadata.labels!['app.kubernetes.io/name'];
      const container = deployment.spec.template!.spec.containers[0];
      for (const entry of container.env ?? []) {
        if (/SECRET|PASSWORD|TOKEN|DATABASE_URL|API_KEY|SIGNING/.test(entry.name)) {
          expect({ name: entry.name, literal: entry.value }).toEqual({ name: entry.name, literal: undefined });
          expect(entry.valueFrom?.secretKeyRef?.name).toEqual(expect.any(String));
        }
      }
      expect(() => loadConfig(configClasses[app], environmentOf(container))).not.toThrow();
    }
  });
});

describeWithHelm('the production values', () => {
  it('connect to Kafka by TLS and SCRAM with three copies of each topic, and to Temporal by mTLS', () => {
    const api = render(productionValues).find(
      (manifest) => manifest.kind === 'Deployment' && manifest.metadata.name === 'jf-finance',
    )!;
    const container = api.spec.template!.spec.containers[0];
    const env = environmentOf(container);
    expect(env).toMatchObject({
      KAFKA_TLS: 'true',
      KAFKA_TLS_CA_FILE: '/etc/jianfu/kafka-ca/ca.crt',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_TOPIC_REPLICATION_FACTOR: '3',
      KAFKA_TOPIC_MIN_INSYNC_REPLICAS: '2',
      TEMPORAL_TLS: 'true',
      TEMPORAL_TLS_CERT_FILE: '/etc/jianfu/temporal-tls/tls.crt',
      TEMPORAL_NAMESPACE: 'jianfu-350102',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.observability.svc:4318',
    });
    const config = loadConfig(FinanceConfig, env);
    expect(config.KAFKA_TOPIC_PARTITIONS).toBe(6);
  });
});
