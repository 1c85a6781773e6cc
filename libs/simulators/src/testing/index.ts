// For tests only: what catches a simulator's callbacks and starts a simulator in-process.
export * from './callback-receiver.js';
export * from './simulator-with-callbacks.js';
export * from './start-pesepay-simulator.js';
