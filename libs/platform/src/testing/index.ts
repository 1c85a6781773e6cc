export * from './test-database.js';
export * from './fake-peers.js';
export * from './failure-of.js';
export * from './for-each-file.js';
