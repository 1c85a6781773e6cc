/**
 * Stable slugs for the mobile networks we recognise. They are stored and routed on, so renaming one
 * is a data migration, not a refactor. Airtel and MTN operate in several countries and share a slug;
 * pair it with the country when the distinction matters.
 */
export type NetworkId =
  | 'econet'
  | 'netone'
  | 'telecel'
  | 'safaricom'
  | 'airtel'
  | 'telkom'
  | 'mtn'
  | 'glo'
  | '9mobile'
  | 'zain'
  | 'sudani';
