import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from '@jest/globals';
import AxeBuilder from '@axe-core/playwright';
import type { AdmissionConfig } from '@jianfu/admission';
import type { FinanceConfig } from '@jianfu/finance';
import { IdentityConfig, IdentityModule } from '@jianfu/identity';
import type { OrganizationConfig } from '@jianfu/organization';
import type { PersonnelConfig } from '@jianfu/personnel';
import { type OrganisationScope, type Role, Roles } from '@jianfu/platform';
import {
  devToolsOf,
  eventually,
  freePort,
  type GatewayUnderTest,
  principal,
  reserveGatewayAddress,
  serviceEnvironment,
  startGatewayUnderTest,
  startServiceUnderTest,
  type ServiceUnderTest,
  type ServiceWithWorker,
  testDistrictCode,
  type TestIsolation,
} from '@jianfu/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { consoleServices } from './console-services.js';

export const consoleDist = fileURLToPath(new URL('../dist', import.meta.url));
export const screenshots = fileURLToPath(new URL('../../../docs/screenshots', import.meta.url));

/** The console as the gateway serves it: built once per suite from the sources under test. */
export function buildConsole(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
    // Jest sets NODE_ENV=test, which would give React's and antd's development builds.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface ConsoleStack {
  identity: ServiceUnderTest<IdentityConfig> & { issuer: string };
  organization: ServiceWithWorker<OrganizationConfig>;
  admission: ServiceWithWorker<AdmissionConfig>;
  finance: ServiceWithWorker<FinanceConfig>;
  personnel: ServiceWithWorker<PersonnelConfig>;
  gateway: GatewayUnderTest;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The whole platform behind the console: the identity service (sign-in), the four services with their workers
 * verifying the identity's tokens, the gateway serving the built console, and Debian's chromium.
 */
export async function startConsoleStack(isolation: TestIsolation): Promise<ConsoleStack> {
  buildConsole();
  const address = await reserveGatewayAddress();
  const identityPort = await freePort();
  const issuer = `http://127.0.0.1:${identityPort}/oidc`;
  // The services trust this identity service alone, so the tests' own calls get their tokens from it too, by its
  // dev-tools client enabled for this start.
  const { tokens, environment: devToolsEnvironment } = devToolsOf(issuer);
  const identity = await startServiceUnderTest({
    configClass: IdentityConfig,
    environment: serviceEnvironment(isolation, 'identity', {
      OIDC_ISSUER: issuer,
      OIDC_CONSOLE_REDIRECT_URIS: address.redirectUri,
      ...devToolsEnvironment,
    }),
    module: (config) => IdentityModule.forApi(config),
    port: identityPort,
    tokens,
  });
  const trustIssuer = { OIDC_ISSUER: issuer };
  const [organization, admission, finance, personnel] = await Promise.all([
    consoleServices.organization.startWithWorker(isolation, trustIssuer, tokens),
    consoleServices.admission.startWithWorker(isolation, trustIssuer, tokens),
    consoleServices.finance.startWithWorker(isolation, trustIssuer, tokens),
    consoleServices.personnel.startWithWorker(isolation, trustIssuer, tokens),
  ]);
  const gateway = await startGatewayUnderTest({
    isolation,
    address,
    identityIssuer: issuer,
    consoleDist,
    services: {
      organization: organization.http.baseUrl,
      admission: admission.http.baseUrl,
      finance: finance.http.baseUrl,
      personnel: personnel.http.baseUrl,
      identity: identity.http.baseUrl,
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.JIANFU_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
    // A UTF-8 locale, as on any user's desktop, whatever the caller's: under a bare `C`/POSIX locale (no LANG, as a
    // CI runner may start us) Chromium cannot name a downloaded file in Chinese and calls it `download`.
    env: { ...process.env, LANG: 'C.UTF-8' },
  });
  mkdirSync(screenshots, { recursive: true });
  return {
    identity: { ...identity, issuer },
    organization,
    admission,
    finance,
    personnel,
    gateway,
    browser,
    close: async () => {
      await browser.close();
      await gateway.close();
      await Promise.all([organization.close(), admission.close(), finance.close(), personnel.close()]);
      await identity.close();
    },
  };
}

const administrator = principal([Roles.OrganizationAdmin]);

export interface ConsoleUser {
  id: string;
  loginName: string;
  password: string;
}

/** A user created through the identity service's admin API, holding roles in one scope. */
export async function createUser(
  stack: ConsoleStack,
  user: { loginName: string; displayName: string; roles: Role[]; scope?: Partial<OrganisationScope> },
): Promise<ConsoleUser> {
  const password = 'Initial-pass-1';
  const created = await stack.identity.http.request<{ id: string }>('POST', '/users', {
    as: administrator,
    body: { loginName: user.loginName, displayName: user.displayName, initialPassword: password },
  });
  expect(created.status).toBe(201);
  const { departmentId, ...scope } = user.scope ?? {};
  for (const role of user.roles) {
    const assigned = await stack.identity.http.request('POST', `/users/${created.body.id}/role-assignments`, {
      as: administrator,
      body: { role, scope: { districtCode: testDistrictCode, ...scope } },
    });
    expect(assigned.status).toBe(201);
  }
  if (departmentId) {
    // Who works for a department has one source: organization's department users, announced to identity by Kafka.
    const staffed = await stack.organization.http.request(
      'PUT',
      `/departments/${departmentId}/users/${created.body.id}`,
      {
        as: administrator,
        body: { name: user.displayName, role: user.roles[0] },
      },
    );
    expect(staffed.status).toBe(200);
    await eventually(async () => {
      const read = await stack.identity.http.request<{ department: { departmentId: string } | null }>(
        'GET',
        `/users/${created.body.id}`,
        { as: administrator },
      );
      expect(read.body.department?.departmentId).toBe(departmentId);
    });
  }
  return { id: created.body.id, loginName: user.loginName, password };
}

/**
 * Opens the console as the user in a fresh browser context: the console sends them to sign in (the identity
 * service's page, in Chinese), the initial password is replaced, and they land back where they asked to go.
 */
export async function signIn(
  stack: ConsoleStack,
  user: ConsoleUser,
  path = '/',
  viewport = { width: 1280, height: 860 },
): Promise<Page> {
  // A reader who asked for less motion: a dialog is there at once, so no click lands on one still zooming in (a
  // 确定 clicked mid-animation once missed its button).
  const context = await stack.browser.newContext({ viewport, locale: 'zh-CN', reducedMotion: 'reduce' });
  const page = await context.newPage();
  noteTroubles(page);
  await page.goto(`${stack.gateway.baseUrl}${path}`);
  await page.locator('#username').fill(user.loginName);
  await page.locator('#password').fill(user.password);
  await page.locator('form button, form [type=submit]').first().click();
  const newPassword = page.locator('#newPassword');
  if (await newPassword.isVisible({ timeout: 5_000 }).catch(() => false)) {
    user.password = `${user.password}-new1`;
    await newPassword.fill(user.password);
    await page.locator('#confirmPassword').fill(user.password);
    await page.locator('form button, form [type=submit]').first().click();
  }
  await page.waitForURL((url) => url.origin === stack.gateway.baseUrl && !url.pathname.startsWith('/auth/'), {
    timeout: 30_000,
  });
  await page.getByTestId('current-user').waitFor({ timeout: 30_000 });
  return page;
}

/** What went wrong in a page (script errors, refused requests), for a failure's message. */
const troubles = new WeakMap<Page, string[]>();

/**
 * Keeps what a page met for a failure's message: script errors, failed and refused requests, every request that
 * changes something, and every read held for a change (`Prefer: wait`) with its answer and how long it was held,
 * so a page that did not follow a change shows whether its held reads were answered. `signIn` does it for each
 * first page; a second tab opened in the same context calls it itself.
 */
export function noteTroubles(page: Page): void {
  const seen: string[] = [];
  troubles.set(page, seen);
  const at = () => new Date().toISOString().slice(11, 23);
  page.on('pageerror', (error) => seen.push(`${at()} page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    seen.push(`${at()} failed ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? ''}`),
  );
  page.on('request', (request) => {
    if (request.method() !== 'GET') seen.push(`${at()} sent ${request.method()} ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`${at()} console: ${message.text()}`);
  });
  page.on('response', (response) => {
    const request = response.request();
    const held = request.headers()['prefer'];
    if (response.status() >= 400 || request.method() !== 'GET' || held) {
      const timing = request.timing();
      const took = timing.responseStart >= 0 ? ` after ${Math.round(timing.responseStart)} ms` : '';
      seen.push(`${at()} ${response.status()} ${request.method()} ${response.url()}${held ? ` (${held})` : ''}${took}`);
    }
  });
}

/** Waits for a locator; a failure names what went wrong in the page. */
export async function shows(page: Page, locator: ReturnType<Page['locator']>, timeout = 30_000): Promise<void> {
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    const trouble = (troubles.get(page) ?? []).slice(-20).join('\n');
    const picture = `${process.cwd()}/.local/test-run/console-failure-${Date.now()}.png`;
    await page.screenshot({ path: picture, fullPage: true }).catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message : String(error)} (see ${picture})\n${trouble}`, {
      cause: error,
    });
  }
}

/** Reloads the page until the text shows (a workflow projects its steps a moment after the action). */
export async function reloadUntilVisible(page: Page, text: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // `isVisible` does not wait: give the page's data requests time to answer before reloading, or a slow answer
    // is aborted by the next reload again and again.
    if (
      await page
        .getByText(text, { exact: false })
        .first()
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => true)
        .catch(() => false)
    )
      return;
    if (Date.now() > deadline) {
      const shown = (
        await page
          .locator('main')
          .innerText()
          .catch(() => '')
      ).slice(0, 600);
      const trouble = (troubles.get(page) ?? []).slice(-20).join('\n');
      throw new Error(`"${text}" did not show on ${page.url()}; the page shows:\n${shown}\n${trouble}`);
    }
    await page.reload();
  }
}

/** Saves a zh-CN screenshot of a main page for the README. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // Transitions are finished first (a drawer sliding in would be caught half way).
  await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true, animations: 'disabled' });
}

/** axe-core on the page: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  expect(serious).toEqual([]);
}
