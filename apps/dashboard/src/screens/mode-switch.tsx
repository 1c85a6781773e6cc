import type { Mode } from '../session.js';

/** Live or test, on every screen: test mode uses the simulators and test wallets, never real money. */
export function ModeSwitch({ mode, onChange }: { mode: Mode; onChange: (mode: Mode) => void }) {
  return (
    <fieldset className="mode-switch">
      <legend>Mode</legend>
      {(['test', 'live'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => onChange(m)} />
          {m === 'test' ? 'Test (sandbox)' : 'Live (real money)'}
        </label>
      ))}
    </fieldset>
  );
}
