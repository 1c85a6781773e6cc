export * from './test-number-behaviour.js';
export * from './simulator-timing.js';
// upstream simulator modules: one export line each
