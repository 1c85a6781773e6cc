/**
 * A service (or anything with `stop`) started once for the test file that calls this, before its
 * first test, and stopped after its last; the answer stands for it as soon as it is started.
 */
export function forEachFile<T extends { stop(): Promise<void> }>(start: () => Promise<T>, each?: (running: T) => unknown): T {
  let running: T | undefined;
  beforeAll(async () => {
    running = await start();
  }, 60_000);
  afterAll(() => running?.stop(), 30_000);
  if (each) beforeEach(() => each(running as T));
  return new Proxy({} as T, {
    get: (_, key) => {
      if (!running) throw new Error('the service is not started yet: use it inside a test or hook');
      return Reflect.get(running, key);
    },
  });
}
