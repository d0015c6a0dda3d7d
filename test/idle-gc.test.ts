/**
 * The young-generation collection the language server runs when no analysis
 * is waiting (server/src/lsp/idle-gc.ts), and the scheduler's idle callback
 * that triggers it.
 */
import * as assert from 'node:assert/strict';
import { idleMinorGc } from '../server/src/lsp/idle-gc';
import { DiagnosticsScheduler } from '../server/src/lsp/scheduler';

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('idle garbage collection', () => {
  it('collects without --expose-gc on the command line (the flag is set at run time)', () => {
    assert.equal(idleMinorGc(), true);
    // and again, with the function taken once
    assert.equal(idleMinorGc(), true);
  });

  it('the scheduler calls idle once after the last waiting analysis ran, not while another waits', async () => {
    const ran: string[] = [];
    let idle = 0;
    const s = new DiagnosticsScheduler((uri) => ran.push(uri), { fixedDelay: 5, idle: () => idle++ });
    s.schedule('a');
    s.schedule('b', 40);
    await wait(20);
    // a ran, b still waits: no idle call
    assert.deepEqual(ran, ['a']);
    assert.equal(idle, 0);
    await wait(60);
    assert.deepEqual(ran, ['a', 'b']);
    assert.equal(idle, 1);
    // a cancelled analysis does not run and calls nothing
    s.schedule('c');
    s.cancel('c');
    await wait(20);
    assert.equal(idle, 1);
    s.dispose();
  });
});
