/**
 * A young-generation collection when the server has nothing to do.
 *
 * An edit of a large draft allocates one to two megabytes that are garbage
 * once its diagnostics are published. V8 collects the young generation when
 * it is full, which is, as often as not, in the middle of the next edit,
 * while that edit's own working set is alive and has to be copied: a pause of
 * 5–10 ms inside the keystroke-to-diagnostics time (measured on the BGB with
 * an amending law of 200 commands, `npm run bench`). Collecting right after
 * the diagnostics went out, when the finished edit's objects are dead, takes
 * about a millisecond and leaves the next edit an empty young generation. This
 * is what browsers do in idle time; Node has no idle callback, so the
 * diagnostics scheduler calls this when no other analysis is waiting.
 *
 * `gc` is not exposed without `--expose-gc`; the flag can be set at run time
 * and the function taken from a fresh context. Where that fails, nothing
 * happens and V8 collects as usual.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

type Gc = (options?: { type?: 'minor' | 'major'; execution?: 'sync' | 'async' }) => void;

let gc: Gc | undefined | null = null;

function gcFunction(): Gc | undefined {
  if (gc === null) {
    try {
      const global = (globalThis as { gc?: Gc }).gc;
      if (typeof global === 'function') gc = global;
      else {
        v8.setFlagsFromString('--expose-gc');
        const fromContext: unknown = vm.runInNewContext('gc');
        gc = typeof fromContext === 'function' ? (fromContext as Gc) : undefined;
      }
    } catch {
      gc = undefined;
    }
  }
  return gc;
}

/** Collect the young generation now (about 1 ms after an edit of the BGB); false when `gc` is not available. */
export function idleMinorGc(): boolean {
  const f = gcFunction();
  if (!f) return false;
  f({ type: 'minor' });
  return true;
}
