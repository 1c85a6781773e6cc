import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { e2eState } from './e2e-state.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** Screenshots of each screen the browser flows visit (gitignored; CI keeps them as artifacts). */
export const ARTIFACTS = path.join(ROOT, 'apps', 'platform-e2e', 'artifacts', 'dashboard');

/**
 * Debian's Chromium (tools/infra/ensure-infra.sh installs it where missing). Missing here is a
 * failure, never a skip: the browser flows are part of every run.
 */
export function chromiumPath(): string {
  const executable = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executable)) {
    throw new Error(`No Chromium at ${executable}: run tools/infra/ensure-infra.sh (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return executable;
}

export async function launchChromium(): Promise<Browser> {
  // Chromium's sandbox cannot start as root (CI containers); as any other user it stays on.
  const args = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args });
}

export interface DashboardServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The built dashboard (dist/apps/dashboard, `nx run dashboard:build`) served by `vite preview` on a free
 * port, forwarding /graphql and /api to the platform's gateway, as `npx nx run dashboard:serve` does.
 */
export async function startDashboard(): Promise<DashboardServer> {
  if (!existsSync(path.join(ROOT, 'dist', 'apps', 'dashboard', 'index.html'))) {
    throw new Error('dist/apps/dashboard is missing: run `npx nx run dashboard:build` first');
  }
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--config', 'apps/dashboard/vite.config.ts'], {
    cwd: ROOT,
    env: { ...process.env, DASHBOARD_PORT: String(port), DASHBOARD_GATEWAY_URL: e2eState().gatewayUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${output}`);
    const answer = await fetch(url).catch(() => null);
    if (answer?.ok) break;
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not answer at ${url}: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** axe-core's serious and critical violations on the page as it is now (labels, contrast, roles, keyboard). */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    // Runs in the page; this project compiles without the DOM's types, so the page's globals are spelt out.
    type AxeResults = { violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] };
    const page = globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<AxeResults> }; document: unknown };
    const results = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
}
