import 'reflect-metadata';
import { createServiceApp, loadConfig } from '@jianfu/platform';
import { IdentityModule } from './app.module.js';
import { IdentityConfig } from './config.js';

const config = loadConfig(IdentityConfig);
const app = await createServiceApp(IdentityModule.forApi(config), {
  title: 'jianfu identity service',
  description: 'OpenID Provider (under /oidc): sign-in, tokens and keys; users, role assignments and the audit log',
  config,
});
await app.listen(config.PORT);
