import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GatewayConfig } from '../../../config.js';
import { ServiceDirectory } from '../../../forwarding/service-directory.js';
import { GetWorkbenchInboxHandler } from './get-workbench-inbox.handler.js';
import { GetWorkbenchInboxQuery } from './get-workbench-inbox.query.js';

const sender = '3f1c1f0e-6c1a-4c59-9b7e-0d6a1f7f2a11';

describe('the workbench inbox naming its people', () => {
  const userNameCalls: string[] = [];
  let server: Server;
  let handler: GetWorkbenchInboxHandler;

  beforeAll(async () => {
    // One HTTP server answers for the four services' inboxes and for identity's names.
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://local');
      response.setHeader('content-type', 'application/json');
      if (url.pathname === '/user-names') {
        userNameCalls.push(url.searchParams.getAll('id').join(','));
        response.end(JSON.stringify({ items: [{ id: sender, displayName: '林晓' }] }));
        return;
      }
      const item = { workflowId: 'w', stepId: 's', slotId: 'x', title: 't', stepName: 'n', sentBy: sender };
      response.end(
        JSON.stringify({ items: [{ ...item, deadlineAt: null, openedAt: '2027-03-01T00:00:00Z' }], total: 1 }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const config = {
      UPSTREAM_TIMEOUT_MS: 5_000,
      ...Object.fromEntries(
        ['ORGANIZATION_URL', 'ADMISSION_URL', 'FINANCE_URL', 'PERSONNEL_URL', 'IDENTITY_URL'].map((key) => [key, base]),
      ),
    } as unknown as GatewayConfig;
    handler = new GetWorkbenchInboxHandler(new ServiceDirectory(config), config);
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const page = (districtCode: string) =>
    handler.execute(new GetWorkbenchInboxQuery('token', districtCode, { view: 'todo', offset: 0, limit: 10 }));

  it('asks identity once for the people a district’s pages show again, and again for another district', async () => {
    const first = await page('350102');
    const second = await page('350102');
    await page('350103');

    expect(first.items.map((item) => item.sentByName)).toEqual(['林晓', '林晓', '林晓', '林晓']);
    expect(second.items).toEqual(first.items);
    expect(userNameCalls).toEqual([sender, sender]);
  });
});
