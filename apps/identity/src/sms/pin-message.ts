/**
 * The same words for every PIN: the onboarding form is open to anyone, so nothing a caller chose (an
 * account name) may ride in an SMS we send to a phone they chose.
 */
export function pinMessage(pin: string): string {
  return `Your Airtime PIN is ${pin}. Do not share it with anyone.`;
}
