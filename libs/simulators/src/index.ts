export * from './test-number-behaviour.js';
export * from './simulator-timing.js';
// upstream simulator modules: one export line each
export { OmegaSimulatorModule } from './omega/omega-simulator.module.js';
export { EstoresmsSimulatorModule } from './estoresms/estoresms-simulator.module.js';
export { ZesaSimulatorModule } from './zesa/zesa-simulator.module.js';
export { TutiSimulatorModule } from './tuti/tuti-simulator.module.js';
export { AfricasTalkingSimulatorModule } from './africastalking/africastalking-simulator.module.js';
