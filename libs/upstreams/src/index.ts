// What each upstream speaks (its wire types, codes, ciphers and signatures), written once for its
// adapter in provider-adapters and its simulator in libs/simulators. One folder per upstream.
export * from './pesepay/pesepay-api.js';
export * from './pesepay/pesepay-cipher.js';
export * from './estoresms/estoresms-api.js';
