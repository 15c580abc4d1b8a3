import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { toTextReport } from '../server/src/core/report/textReport';

// The text report's sources: a web page by its address; the project's knowledge base by what it
// says (its file name alone, rutos-modem-logs.md, read as RutOS-only on a laptop's report).

describe("the text report's sources", () => {
  it('names the knowledge base by its title, a web page by its address', () => {
    const lines = [
      '[  100.000000] usb 1-1.4: new high-speed USB device number 3 using xhci_hcd',
      '[  100.100000] option 1-1.4:1.2: GSM modem (1-port) converter detected',
      ...[0, 1, 2, 3].flatMap((i) => [`[  ${200 + i * 60}.000000] usb 1-1.4: USB disconnect, device number ${3 + i}`, `[  ${204 + i * 60}.000000] usb 1-1.4: new high-speed USB device number ${4 + i} using xhci_hcd`, `[  ${204 + i * 60}.100000] option 1-1.4:1.2: GSM modem (1-port) converter detected`]),
    ];
    const text = toTextReport(analyzeText(lines.join('\n') + '\n'), undefined, 200);
    const sources = text.slice(text.indexOf('\nSources\n'));
    assert.match(sources, /\[KB43\] Knowledge base 4\.3: kernel USB message meanings [\s\S]*?\(docs\/knowledge\/rutos-modem-logs\.md\)/);
    assert.match(sources, /\[K3b\] https:\/\/github\.com\/torvalds\/linux/);
  });
});
