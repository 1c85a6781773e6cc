/** Stops the platform global setup started (gracefully, then for good) and drops its database. */
export default async function globalTeardown() {
  const started = globalThis.__E2E__;
  if (!started) return;
  await Promise.all(
    started.children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  await started.drop();
}
