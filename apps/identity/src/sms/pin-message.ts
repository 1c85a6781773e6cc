export function pinMessage(pin: string, accountName: string): string {
  return `Your Airtime PIN for ${accountName} is ${pin}. Do not share it with anyone.`;
}
