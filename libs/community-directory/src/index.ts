export * from './add-community-directory-code-order.migration.js';
export * from './add-community-directory-status.migration.js';
export * from './community-directory.module.js';
export * from './community-directory.repository.js';
export * from './community-directory.response.js';
export * from './create-community-directory.migration.js';
export * from './department-directory.module.js';
export * from './department-directory.repository.js';
export * from './directory-community.entity.js';
export * from './directory-department.js';
export * from './directory-department.response.js';
export * from './list-directory-departments.js';

import { AddCommunityDirectoryCodeOrder1763700000052 } from './add-community-directory-code-order.migration.js';
import { AddCommunityDirectoryStatus1763700000051 } from './add-community-directory-status.migration.js';
import { CreateCommunityDirectory1763700000050 } from './create-community-directory.migration.js';
import { DirectoryCommunityEntity } from './directory-community.entity.js';

/** Add to the service's entities and migrations: the directory's table and every later change to it. */
export const communityDirectoryTables = {
  entities: [DirectoryCommunityEntity],
  migrations: [
    CreateCommunityDirectory1763700000050,
    AddCommunityDirectoryStatus1763700000051,
    AddCommunityDirectoryCodeOrder1763700000052,
  ],
};
