import { Body, Controller, Delete, HttpCode, HttpException, Inject, Injectable, Param, Put, type Type } from '@nestjs/common';
import { behaviourOf, TEST_NUMBER_BEHAVIOURS, type TestNumberBehaviour } from './test-number-behaviour.js';

/** Every behaviour a test number can have, `success` included (to make a `…0002` number succeed). */
export const TEST_NUMBER_BEHAVIOUR_NAMES: readonly TestNumberBehaviour[] = [...Object.values(TEST_NUMBER_BEHAVIOURS), 'success'];

export function isTestNumberBehaviour(value: unknown): value is TestNumberBehaviour {
  return typeof value === 'string' && (TEST_NUMBER_BEHAVIOUR_NAMES as readonly string[]).includes(value);
}

/** Shorter than this, a suffix could match numbers nobody meant. */
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

/**
 * A target as overrides compare it: its digits without leading zeros, so that the local form a
 * simulator reads (Nigeria's 0803…, Zimbabwe's 0772…) and the international one an adapter sends
 * (234803…, 263772…) end the same. Null when it is not 7 to 15 digits.
 */
export function overrideKeyOf(target: string): string | null {
  const digits = target.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= MIN_DIGITS && digits.length <= MAX_DIGITS ? digits : null;
}

/**
 * One simulator's behaviours set by hand for a target, ahead of the shared test-number table
 * (`behaviourOf`): with one instance per simulator, a test can make eStoreSMS refuse a phone for want
 * of float while Africa's Talking tops the same phone up. A target matches an override when one key
 * ends with the other (setting one replaces any other of the same phone; the longest wins), so `2348030000123` and `08030000123` are the same
 * phone whichever form was set and whichever the simulator reads.
 */
@Injectable()
export class TestNumberOverrides {
  private readonly behaviours = new Map<string, TestNumberBehaviour>();

  /** Replaces any override of the same phone; false when the target is not a number (7 to 15 digits). */
  set(target: string, behaviour: TestNumberBehaviour): boolean {
    const key = overrideKeyOf(target);
    if (!key) return false;
    this.remove(key);
    this.behaviours.set(key, behaviour);
    return true;
  }

  /** Removes the overrides of this phone (in any form); whether there was one. */
  clear(target: string): boolean {
    const key = overrideKeyOf(target);
    return key !== null && this.remove(key);
  }

  clearAll(): void {
    this.behaviours.clear();
  }

  of(target: string): TestNumberBehaviour {
    return this.overrideOf(target) ?? behaviourOf(target);
  }

  private remove(key: string): boolean {
    let removed = false;
    for (const set of [...this.behaviours.keys()]) if (sameNumber(key, set)) removed = this.behaviours.delete(set) || removed;
    return removed;
  }

  private overrideOf(target: string): TestNumberBehaviour | undefined {
    const key = overrideKeyOf(target);
    if (!key) return undefined;
    const exact = this.behaviours.get(key);
    if (exact) return exact;
    let best: [string, TestNumberBehaviour] | undefined;
    for (const entry of this.behaviours) {
      const [set] = entry;
      if (sameNumber(key, set) && (!best || set.length > best[0].length)) best = entry;
    }
    return best?.[1];
  }
}

function sameNumber(a: string, b: string): boolean {
  return a.endsWith(b) || b.endsWith(a);
}

/**
 * `PUT /<prefix>/sim/behaviours/:target` `{ "behaviour": "insufficient-balance" }` and `DELETE` to
 * clear, for the simulator whose module provides TestNumberOverrides. Simulator-only: hosts serve it
 * outside production only (each simulator module's `register({ controls })`).
 */
export function testNumberOverridesController(prefix: string): Type<unknown> {
  @Controller(`${prefix}/sim/behaviours`)
  class TestNumberOverridesController {
    constructor(@Inject(TestNumberOverrides) private readonly overrides: TestNumberOverrides) {}

    @Put(':target')
    @HttpCode(200)
    set(@Param('target') target: string, @Body() body: { behaviour?: unknown } | undefined): { target: string; behaviour: TestNumberBehaviour } {
      const behaviour = body?.behaviour;
      if (!isTestNumberBehaviour(behaviour)) throw new HttpException({ message: `behaviour must be one of ${TEST_NUMBER_BEHAVIOUR_NAMES.join(', ')}` }, 400);
      if (!/^\+?\d+$/.test(target) || !this.overrides.set(target, behaviour)) throw new HttpException({ message: 'target must be a number of 7 to 15 digits' }, 400);
      return { target: overrideKeyOf(target) as string, behaviour };
    }

    @Delete(':target')
    @HttpCode(204)
    clear(@Param('target') target: string): void {
      if (!/^\+?\d+$/.test(target) || overrideKeyOf(target) === null) throw new HttpException({ message: 'target must be a number of 7 to 15 digits' }, 400);
      this.overrides.clear(target);
    }
  }
  Object.defineProperty(TestNumberOverridesController, 'name', { value: `${prefix.replace(/\W/g, '')}TestNumberOverridesController` });
  return TestNumberOverridesController;
}

/** What a host tells a simulator module: whether to serve its control routes (never in production). */
export interface SimulatorControlsOption {
  controls: boolean;
}
