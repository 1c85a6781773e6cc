export * from './test-database.js';
export * from './fake-peers.js';
