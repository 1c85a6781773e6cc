import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../errors.js';
import { LogInDocument, ResetPinDocument, SignUpDocument, type CreateAccountInput } from '../graphql/generated/operations.js';
import type { Session } from '../session.js';

type Tab = 'log-in' | 'sign-up' | 'reset-pin';

// Set only by development builds (tools/start.sh); a build without it shows no link.
const SMS_INBOX_URL = import.meta.env.VITE_SMS_INBOX_URL?.trim() || null;

/** Logging in with the PIN from the SMS, signing a business up (000's onboarding fields), a new PIN. */
export function AuthScreen({ onLogIn }: { onLogIn: (session: Session) => void }) {
  const [tab, setTab] = useState<Tab>('log-in');
  const [notice, setNotice] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const go = (next: Tab, message: string | null = null) => {
    setTab(next);
    setNotice(message);
  };
  return (
    <section aria-labelledby="auth-heading">
      <h1 id="auth-heading">{tab === 'log-in' ? 'Log in' : tab === 'sign-up' ? 'Sign up your business' : 'Get a new PIN'}</h1>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {tab === 'log-in' && <LogIn phone={phone} setPhone={setPhone} onLogIn={onLogIn} />}
      {tab === 'sign-up' &&
        <SignUp
          onSignedUp={(p) => {
            setPhone(p);
            go('log-in', 'Your account is ready. We sent your PIN by SMS to the phone you gave: log in with it.');
          }}
        />
      }
      {tab === 'reset-pin' && (
        <ResetPin phone={phone} setPhone={setPhone} onSent={() => go('log-in', 'If the phone is registered, a new PIN is on its way by SMS.')} />
      )}
      <p className="switch-tab">
        {tab !== 'log-in' && (
          <button type="button" className="link" onClick={() => go('log-in')}>
            I have a PIN: log in
          </button>
        )}
        {tab !== 'sign-up' && (
          <button type="button" className="link" onClick={() => go('sign-up')}>
            New here? Sign up
          </button>
        )}
        {tab !== 'reset-pin' && (
          <button type="button" className="link" onClick={() => go('reset-pin')}>
            Forgot your PIN?
          </button>
        )}
      </p>
      {SMS_INBOX_URL && (
        <p className="hint">
          Development: PIN SMS land in the simulator, not on a phone.{' '}
          <a href={SMS_INBOX_URL} target="_blank" rel="noreferrer">
            Open the simulator's SMS inbox
          </a>
        </p>
      )}
    </section>
  );
}

function LogIn({ phone, setPhone, onLogIn }: { phone: string; setPhone: (p: string) => void; onLogIn: (s: Session) => void }) {
  const [pin, setPin] = useState('');
  const [result, logIn] = useMutation(LogInDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await logIn({ input: { phone, pin } });
    const payload = answer.data?.authenticateWithPin;
    if (payload) onLogIn({ token: payload.token, expiresAt: payload.expiresAt });
  };
  return (
    <form onSubmit={submit} aria-label="Log in">
      <Field label="Phone" name="phone" value={phone} onChange={setPhone} type="tel" autoComplete="tel" />
      <Field label="PIN" name="pin" value={pin} onChange={setPin} type="password" autoComplete="current-password" inputMode="numeric" />
      <Problem message={errorMessage(result.error)} />
      <button type="submit" disabled={result.fetching}>
        {result.fetching ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}

const SIGN_UP_FIELDS: { key: keyof CreateAccountInput; label: string; type?: string; autoComplete?: string }[] = [
  { key: 'name', label: 'Business name', autoComplete: 'organization' },
  { key: 'type', label: 'Business type (e.g. company)' },
  { key: 'level', label: 'Account level (e.g. superagent)' },
  { key: 'address', label: 'Address', autoComplete: 'street-address' },
  { key: 'city', label: 'City', autoComplete: 'address-level2' },
  { key: 'contactName', label: 'Contact name' },
  { key: 'contactEmail', label: 'Contact email', type: 'email' },
  { key: 'contactPhone', label: 'Contact phone', type: 'tel' },
  { key: 'userFirstname', label: 'Your first name', autoComplete: 'given-name' },
  { key: 'userLastname', label: 'Your last name', autoComplete: 'family-name' },
  { key: 'userEmail', label: 'Your email', type: 'email', autoComplete: 'email' },
  { key: 'userPhone', label: 'Your phone (your PIN goes here by SMS)', type: 'tel', autoComplete: 'tel' },
];

function SignUp({ onSignedUp }: { onSignedUp: (phone: string) => void }) {
  const [input, setInput] = useState<CreateAccountInput>({
    name: '',
    type: 'company',
    level: 'superagent',
    address: '',
    city: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    userFirstname: '',
    userLastname: '',
    userEmail: '',
    userPhone: '',
  });
  const [result, signUp] = useMutation(SignUpDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await signUp({ input });
    if (answer.data) onSignedUp(input.userPhone);
  };
  return (
    <form onSubmit={submit} aria-label="Sign up">
      {SIGN_UP_FIELDS.map((f) => (
        <Field
          key={f.key}
          label={f.label}
          name={f.key}
          value={input[f.key]}
          type={f.type}
          autoComplete={f.autoComplete}
          onChange={(value) => setInput((current) => ({ ...current, [f.key]: value }))}
        />
      ))}
      <Problem message={errorMessage(result.error)} />
      <button type="submit" disabled={result.fetching}>
        {result.fetching ? 'Signing up…' : 'Sign up'}
      </button>
    </form>
  );
}

function ResetPin({ phone, setPhone, onSent }: { phone: string; setPhone: (p: string) => void; onSent: () => void }) {
  const [result, reset] = useMutation(ResetPinDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await reset({ input: { phone } });
    if (answer.data) onSent();
  };
  return (
    <form onSubmit={submit} aria-label="Get a new PIN">
      <Field label="Phone" name="phone" value={phone} onChange={setPhone} type="tel" autoComplete="tel" />
      <Problem message={errorMessage(result.error)} />
      <button type="submit" disabled={result.fetching}>
        Send me a new PIN
      </button>
    </form>
  );
}

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: string | undefined;
  autoComplete?: string | undefined;
  inputMode?: 'numeric' | undefined;
}

export function Field({ label, name, value, onChange, type = 'text', autoComplete, inputMode }: FieldProps) {
  const id = `field-${name}`;
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type={type} value={value} required autoComplete={autoComplete} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
    </p>
  );
}

export function Problem({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="problem">
      {message}
    </p>
  ) : null;
}
