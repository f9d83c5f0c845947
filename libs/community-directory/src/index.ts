export * from './add-community-directory-status.migration.js';
export * from './community-directory.module.js';
export * from './community-directory.repository.js';
export * from './create-community-directory.migration.js';
export * from './directory-community.entity.js';
