export * from './country-code.js';
export * from './network-id.js';
export * from './normalize-phone.js';
export * from './format-e164.js';
export * from './detect-network.js';
export * from './is-valid-phone.js';
