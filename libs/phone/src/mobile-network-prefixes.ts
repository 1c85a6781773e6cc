import type { CountryCode } from './country-code.js';
import type { NetworkId } from './network-id.js';

export interface NetworkPrefixes {
  readonly network: NetworkId;
  /** Leading digits of the national number, i.e. the local prefix without its trunk 0 ('0803' -> '803'). */
  readonly prefixes: readonly string[];
}

/**
 * Mobile number ranges allocated to each network, from the regulators' public numbering plans
 * (POTRAZ, Communications Authority of Kenya, NCC, NTC Sudan). Kenya and Nigeria have number
 * portability, so a prefix names the network that issued the number, which is where most subscribers
 * still are but not necessarily where a ported one is. Ranges not listed here (MVNOs such as Equitel,
 * Ntel or Smile, unassigned blocks) deliberately match no network rather than a guessed one.
 */
export const MOBILE_NETWORK_PREFIXES: Readonly<Record<CountryCode, readonly NetworkPrefixes[]>> = {
  ZW: [
    { network: 'econet', prefixes: ['77', '78'] },
    { network: 'netone', prefixes: ['71'] },
    { network: 'telecel', prefixes: ['73'] },
  ],
  KE: [
    {
      network: 'safaricom',
      prefixes: [
        '70', '71', '72',
        '740', '741', '742', '743', '745', '746', '748',
        '757', '758', '759',
        '768', '769',
        '79',
        '110', '111', '112', '113', '114', '115',
      ],
    },
    {
      network: 'airtel',
      prefixes: [
        '73',
        '750', '751', '752', '753', '754', '755', '756',
        '762',
        '78',
        '100', '101', '102',
      ],
    },
    { network: 'telkom', prefixes: ['77'] },
  ],
  NG: [
    {
      network: 'mtn',
      prefixes: [
        '803', '806', '703', '706', '813', '816', '810', '814',
        '903', '906', '913', '916',
        // Only these two blocks of 0702 are MTN's (ex-Visafone); the rest of 0702 is other operators'.
        '7025', '7026',
        '704',
      ],
    },
    { network: 'airtel', prefixes: ['802', '808', '708', '812', '701', '902', '907', '901', '904', '912'] },
    { network: 'glo', prefixes: ['805', '807', '705', '815', '811', '905', '915'] },
    { network: '9mobile', prefixes: ['809', '818', '817', '909', '908'] },
  ],
  SD: [
    { network: 'zain', prefixes: ['90', '91'] },
    { network: 'mtn', prefixes: ['92', '99'] },
    { network: 'sudani', prefixes: ['11', '12'] },
  ],
};
