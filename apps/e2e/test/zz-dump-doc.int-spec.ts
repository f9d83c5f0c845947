import { writeFileSync } from 'node:fs';
import { it } from '@jest/globals';
import { createTestIsolation } from '@jianfu/testing';
import { services } from './services-under-test.js';

it('dumps', async () => {
  const service = await services.admission.start(createTestIsolation('dump-doc'));
  const response = await fetch(`${service.http.baseUrl}/docs/openapi.json`);
  writeFileSync('/tmp/contract-adm-openapi.json', JSON.stringify(await response.json(), null, 2));
  await service.close();
});
