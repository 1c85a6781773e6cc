import { useCallback, useEffect, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { createGraphqlClient } from './client.js';
import { ViewerDocument } from './graphql/generated/operations.js';
import { clearSession, loadMode, loadSession, type Mode, saveMode, saveSession, type Session } from './session.js';
import { ApiKeysScreen } from './screens/api-keys.js';
import { AuthScreen } from './screens/auth.js';
import { BulkScreen } from './screens/bulk.js';
import { CampaignsScreen } from './screens/campaigns.js';
import { ModeSwitch } from './screens/mode-switch.js';
import { OrdersScreen } from './screens/orders.js';
import { WalletScreen } from './screens/wallet.js';
import { WebhooksScreen } from './screens/webhooks.js';

type Route = 'wallet' | 'orders' | 'bulk' | 'campaigns' | 'api-keys' | 'webhooks';
const ROUTES: { route: Route; label: string }[] = [
  { route: 'wallet', label: 'Wallet' },
  { route: 'orders', label: 'Orders' },
  { route: 'bulk', label: 'Bulk' },
  { route: 'campaigns', label: 'Campaigns' },
  { route: 'api-keys', label: 'Settings → API keys' },
  { route: 'webhooks', label: 'Settings → Webhooks' },
];

function routeOf(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return ROUTES.some((r) => r.route === name) ? (name as Route) : 'wallet';
}

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [mode, setMode] = useState<Mode>(() => loadMode());
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  const client = useMemo(() => createGraphqlClient(session?.token ?? null), [session?.token]);

  const logOut = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);

  // The session ends when its token does, even while the page stays open.
  useEffect(() => {
    if (!session) return;
    const left = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(logOut, Math.max(0, Math.min(left, 2_147_483_647)));
    return () => clearTimeout(timer);
  }, [session, logOut]);

  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const chooseMode = (next: Mode) => {
    saveMode(next);
    setMode(next);
  };
  const logIn = (next: Session) => {
    saveSession(next);
    setSession(next);
  };

  return (
    <Provider value={client}>
      <header className={`top mode-${mode}`}>
        <span className="brand">Airtime dashboard</span>
        <ModeSwitch mode={mode} onChange={chooseMode} />
        {session && <SignedIn onLogOut={logOut} />}
      </header>
      {session ? (
        <>
          <nav aria-label="Sections">
            <ul>
              {ROUTES.map((r) => (
                <li key={r.route}>
                  <a href={`#/${r.route}`} aria-current={route === r.route ? 'page' : undefined}>
                    {r.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main>
            {route === 'wallet' && <WalletScreen mode={mode} token={session.token} />}
            {route === 'orders' && <OrdersScreen mode={mode} />}
            {route === 'bulk' && <BulkScreen mode={mode} token={session.token} />}
            {route === 'campaigns' && <CampaignsScreen mode={mode} />}
            {route === 'api-keys' && <ApiKeysScreen mode={mode} />}
            {route === 'webhooks' && <WebhooksScreen mode={mode} />}
          </main>
        </>
      ) : (
        <main>
          <AuthScreen onLogIn={logIn} />
        </main>
      )}
    </Provider>
  );
}

function SignedIn({ onLogOut }: { onLogOut: () => void }) {
  const [{ data, error }] = useQuery({ query: ViewerDocument });
  // A token the gateway no longer accepts (revoked by a PIN reset, say) ends the session here too.
  const unauthenticated = error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
  useEffect(() => {
    if (unauthenticated) onLogOut();
  }, [unauthenticated, onLogOut]);
  return (
    <span className="who">
      {data && (
        <span>
          {data.viewer.user?.firstName ?? 'Signed in'} · {data.viewer.account.name}
        </span>
      )}
      <button type="button" onClick={onLogOut}>
        Log out
      </button>
    </span>
  );
}
