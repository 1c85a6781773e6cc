export * from './test-number-behaviour.js';
export * from './simulator-timing.js';
export { isTestNumberBehaviour, overrideKeyOf, TEST_NUMBER_BEHAVIOUR_NAMES, TestNumberOverrides, type SimulatorControlsOption } from './test-number-overrides.js';
export type { CallbackBody, SentCallback } from './callbacks/callback-sender.js';
// upstream simulator modules: one export line each
export { OmegaSimulatorModule } from './omega/omega-simulator.module.js';
export { EstoresmsSimulatorModule } from './estoresms/estoresms-simulator.module.js';
export { ZesaSimulatorModule } from './zesa/zesa-simulator.module.js';
export { TutiSimulatorModule } from './tuti/tuti-simulator.module.js';
export { AfricasTalkingSimulatorModule } from './africastalking/africastalking-simulator.module.js';
export { PesepaySimulatorModule } from './pesepay/pesepay-simulator.module.js';
export type { PesepaySimSettings } from './pesepay/pesepay-sim-settings.js';
export type { SentPesepayCallback } from './pesepay/pesepay-simulator.service.js';
export { SmsSimulatorModule } from './sms/sms-simulator.module.js';
export type { SmsSimSettings } from './sms/sms-inbox.js';
