export * from './api-page-response.decorator.js';
export * from './api-problems.decorator.js';
export * from './complete-openapi-document.js';
export * from './error-codes.js';
