// Every test file gets its own NATS subject prefix so that parallel test files, other test runs and a
// running dev stack never answer each other's requests.
const id = `${process.pid}${Math.random().toString(36).slice(2, 7)}`;
process.env.NATS_SUBJECT_PREFIX = `test${id}.`;
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL || 'silent';
