/**
 * How slow a "timeout" answer is and how long a pending transaction waits before its callback.
 * Read from the environment when a simulator starts, so tests can make them short.
 */
export interface SimulatorTiming {
  slowAnswerMs: number;
  callbackDelayMs: number;
}

export function simulatorTiming(env: NodeJS.ProcessEnv = process.env): SimulatorTiming {
  return {
    slowAnswerMs: Number(env['SIM_SLOW_ANSWER_MS'] ?? 15_000),
    callbackDelayMs: Number(env['SIM_CALLBACK_DELAY_MS'] ?? 2_000),
  };
}
