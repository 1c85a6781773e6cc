import { createHash } from 'node:crypto';

/**
 * eStoreSMS Airtime PIN API v2, as its document states it: response codes and their words, the
 * networks (GET network_list answers exactly this array), the transaction statuses of api_query, and
 * the hash that authenticates every request.
 */
export const ESTORESMS_RESPONSE_CODES = {
  OK: 'Successful',
  FAIL: 'Not Successful',
  P000: 'Incomplete Information',
  P001: 'Authentication failed',
  P002: 'Invalid Network selected',
  P003: 'Phone number is required',
  P004: 'Amount is required',
  P005: 'Amount is not numeric',
  P006: 'Minimum recharge allowed per transaction N50',
  P007: 'Invalid phone number',
  P008: 'Network selected for phone number is invalid',
  P009: 'Insufficient Balance',
  P010: 'API Token not enabled',
  P011: 'Process Failed',
  P012: 'Unable to complete request',
  P013: 'Maximum recharge allowed per transaction N50,000.',
} as const;

export type EstoresmsResponseCode = keyof typeof ESTORESMS_RESPONSE_CODES;
export type EstoresmsErrorCode = Exclude<EstoresmsResponseCode, 'OK' | 'FAIL'>;

/** SAMPLE RESPONSE of GET SUPPORTED NETWORKS, in the document's order. */
export const ESTORESMS_NETWORK_LIST = [
  { id: 'airtel', name: 'Airtel Network' },
  { id: '9mobile', name: '9mobile Network' },
  { id: 'mtn', name: 'MTN Network' },
  { id: 'glo', name: 'Glo Network' },
] as const;

export type EstoresmsNetwork = (typeof ESTORESMS_NETWORK_LIST)[number]['id'];

export const ESTORESMS_STATUSES = ['Approved', 'Pending', 'Failed', 'Awaiting Confirmation', 'Cancelled', 'Reversed'] as const;

export type EstoresmsStatus = (typeof ESTORESMS_STATUSES)[number];

/** Minimum and maximum per PIN, in naira (the document's P006 and P013). */
export const ESTORESMS_MIN_NAIRA = 50;
export const ESTORESMS_MAX_NAIRA = 50_000;

/** pinMessage is cut to this ("Message limit is 20 characters"). */
export const ESTORESMS_PIN_MESSAGE_LIMIT = 20;

/**
 * `hash('sha512', $token.$email.$username.$ref)`, hex. For api_query the last part is whatever the
 * query looks up by (transaction_id when sent, else ref): the document's query sample is a hash too.
 */
export function estoresmsHash(token: string, email: string, username: string, identifier: string): string {
  return createHash('sha512').update(`${token}${email}${username}${identifier}`, 'utf8').digest('hex');
}

/** How each network's PIN is loaded; the simulator's USSD strings use them (the document's sample shows `*258*`). */
export const ESTORESMS_USSD_CODES: Record<EstoresmsNetwork, string> = {
  mtn: '555',
  airtel: '126',
  glo: '123',
  '9mobile': '222',
};

/** The network's name as api_query reports it (the document's sample says `MTN`). */
export const ESTORESMS_NETWORK_NAMES: Record<EstoresmsNetwork, string> = {
  mtn: 'MTN',
  airtel: 'Airtel',
  glo: 'Glo',
  '9mobile': '9mobile',
};

/** Nigerian mobile prefixes (local form) of each network, for P008; a prefix not listed is accepted. */
const PREFIXES: Record<EstoresmsNetwork, string[]> = {
  mtn: ['0703', '0704', '0706', '07025', '07026', '0803', '0806', '0810', '0813', '0814', '0816', '0903', '0906', '0913', '0916'],
  airtel: ['0701', '0708', '0802', '0808', '0812', '0901', '0902', '0904', '0907', '0911', '0912'],
  glo: ['0705', '0805', '0807', '0811', '0815', '0905', '0915'],
  '9mobile': ['0809', '0817', '0818', '0908', '0909'],
};

/** `08031234567`, `2348031234567` or `+234 803 123 4567` → `08031234567`; null when it is not a Nigerian mobile. */
export function localNigerianMobile(phone: string): string | null {
  const digits = phone.replace(/[\s()+-]/g, '');
  if (/^0[789][01]\d{8}$/.test(digits)) return digits;
  if (/^234[789][01]\d{8}$/.test(digits)) return `0${digits.slice(3)}`;
  return null;
}

/** The network a local mobile number belongs to by its prefix, or null when the prefix is not listed. */
export function networkOfMobile(local: string): EstoresmsNetwork | null {
  for (const [network, prefixes] of Object.entries(PREFIXES) as [EstoresmsNetwork, string[]][]) {
    if (prefixes.some((p) => local.startsWith(p))) return network;
  }
  return null;
}

export function isEstoresmsNetwork(value: string): value is EstoresmsNetwork {
  return ESTORESMS_NETWORK_LIST.some((n) => n.id === value);
}
