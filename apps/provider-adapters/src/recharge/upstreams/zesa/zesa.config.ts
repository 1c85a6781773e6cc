import { UpstreamConfig } from '@airtime/platform';

/**
 * The ZESA vendor API (ours to define: there is no seed document); the simulator by default. Test
 * keys always buy from the sandbox, so sandbox traffic never buys real electricity.
 */
export class ZesaConfig extends UpstreamConfig('ZESA', { baseUrl: 'http://127.0.0.1:4010/zesa', apiKey: 'sim-zesa-api-key' }) {}
