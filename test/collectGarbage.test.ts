import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { collectGarbage } from '../server/src/lsp/collectGarbage';

describe('collectGarbage (the server after receiving a big document)', () => {
  it('frees what nothing holds any more, at once', async () => {
    // A stand-in for the transport's copies of a document: big, and unreachable after this.
    let copy: { bytes: Uint8Array } | undefined = { bytes: new Uint8Array(8 << 20) };
    const ref = new WeakRef(copy);
    copy = undefined;
    // A WeakRef's target lives until the current job ends, however unreachable.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.equal(ref.deref(), undefined);
  });

  it('leaves what is still held', async () => {
    const kept = { text: 'x'.repeat(1000) };
    const ref = new WeakRef(kept);
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.equal(ref.deref(), kept);
  });
});
