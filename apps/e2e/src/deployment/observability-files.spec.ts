import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { PlatformMetrics } from '@jianfu/platform';
import { parse } from 'yaml';

const folder = new URL('../../../../infra/observability/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');

/** Every series name the processes expose: each metric, and a histogram's `_bucket`, `_count` and `_sum`. */
async function exposedNames(): Promise<Set<string>> {
  const metrics = await new PlatformMetrics('admission', 'api').registry.getMetricsAsJSON();
  return new Set(
    metrics.flatMap((metric) =>
      String(metric.type) === 'histogram'
        ? [`${metric.name}_bucket`, `${metric.name}_count`, `${metric.name}_sum`]
        : [metric.name],
    ),
  );
}

function referencedNames(expression: string): string[] {
  return [...expression.matchAll(/\bjianfu_[a-z0-9_]+/g)].map((match) => match[0]);
}

/**
 * The alert rules and the dashboard query the metrics the services expose: a renamed metric fails here,
 * not silently on an operator's screen.
 */
describe('infra/observability', () => {
  it('alerts only on metrics the services expose, and covers backlog, dead letters, lag and 5xx', async () => {
    const names = await exposedNames();
    const rules = (
      parse(read('alerts.yml')) as { groups: { rules: { alert: string; expr: string }[] }[] }
    ).groups.flatMap((group) => group.rules);
    const unknown = rules.flatMap((rule) => referencedNames(rule.expr).filter((name) => !names.has(name)));
    expect(unknown).toEqual([]);
    expect(rules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining([
        'JianfuOutboxBacklog',
        'JianfuDeadLetters',
        'JianfuConsumerLag',
        'JianfuHttp5xxRate',
        'JianfuTargetDown',
      ]),
    );
  });

  it('draws only metrics the services expose', async () => {
    const names = await exposedNames();
    const dashboard = JSON.parse(read('grafana-dashboard.json')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const expressions = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
    expect(expressions.length).toBeGreaterThan(5);
    expect(expressions.flatMap((expression) => referencedNames(expression).filter((name) => !names.has(name)))).toEqual(
      [],
    );
  });

  it('scrapes every API and worker of the compose file on the port it serves metrics on', () => {
    const prometheus = parse(read('prometheus.yml')) as {
      rule_files: string[];
      scrape_configs: { static_configs: { targets: string[] }[] }[];
    };
    expect(prometheus.rule_files).toEqual(['alerts.yml']);
    const targets = prometheus.scrape_configs.flatMap((job) => job.static_configs.flatMap((config) => config.targets));
    const compose = parse(readFileSync(new URL('../../../../docker-compose.yml', import.meta.url), 'utf8'), {
      merge: true,
    }) as { services: Record<string, { image?: string; environment?: Record<string, string> }> };
    const apps = Object.entries(compose.services).filter(([, service]) => service.image?.startsWith('jianfu/'));
    const expected = apps.map(([name, service]) => {
      const port = name.endsWith('-worker') ? service.environment?.METRICS_PORT : service.environment?.PORT;
      return `${name}:${port}`;
    });
    expect(targets.sort()).toEqual(expected.sort());
  });
});
