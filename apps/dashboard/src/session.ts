/**
 * The logged-in user's token, kept in sessionStorage: it survives a reload of the tab but not the tab
 * itself, and it is dropped as soon as it expires (the gateway would refuse it anyway).
 */
export interface Session {
  token: string;
  expiresAt: string;
}

const KEY = 'airtime.dashboard.session';

export function loadSession(now = Date.now()): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (typeof session.token === 'string' && Date.parse(session.expiresAt) > now) return session;
  } catch {
    // A value we did not write: treat as no session.
  }
  sessionStorage.removeItem(KEY);
  return null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

export type Mode = 'live' | 'test';
const MODE_KEY = 'airtime.dashboard.mode';

/** The mode last chosen; a first visit starts in test, so nobody spends real money by accident. */
export function loadMode(): Mode {
  return localStorage.getItem(MODE_KEY) === 'live' ? 'live' : 'test';
}

export function saveMode(mode: Mode): void {
  localStorage.setItem(MODE_KEY, mode);
}
