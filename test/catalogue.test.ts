import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUE } from '../server/src/core/catalogue/index';
import { SOURCES } from '../server/src/core/catalogue/sources';
import { ENRICHMENTS } from '../server/src/core/events/describeEvent';
import { containsLiteral, EventMatcher } from '../server/src/core/events/eventMatcher';
import { ENVELOPES } from '../server/src/core/formats/envelopes';
import { LineParser } from '../server/src/core/records/lineParser';

const matcher = new EventMatcher(CATALOGUE);

function matchLine(line: string): string | undefined {
  const parsed = new LineParser({ referenceYear: 2024 }).parse(line, 1);
  if (typeof parsed === 'string') return undefined;
  return (matcher.match(parsed) ?? (parsed.format === 'stripped' && parsed.tag && parsed.pid === undefined ? matcher.match({ ...parsed, tag: undefined, message: `${parsed.tag}: ${parsed.message}` }) : undefined))?.entry.id;
}

/** Fields the format layer fills from envelopes (`iface` of netifd, `mmObject` of ModemManager). */
const ENVELOPE_FIELDS = new Set(ENVELOPES.flatMap((e) => [...e.pattern.source.matchAll(/\(\?<(\w+)>/g)].map((m) => m[1])));

describe('event catalogue', () => {
  it('has unique ids', () => {
    const seen = new Set<string>();
    for (const e of CATALOGUE) {
      assert.ok(!seen.has(e.id), `duplicate id ${e.id}`);
      seen.add(e.id);
    }
  });

  for (const entry of CATALOGUE) {
    describe(entry.id, () => {
      it('matches each of its own samples (and no earlier entry steals them)', () => {
        assert.ok(entry.samples.length > 0, 'an entry needs at least one sample line');
        for (const sample of entry.samples) assert.equal(matchLine(sample), entry.id, `sample: ${sample}`);
      });
      it('names a literal that each sample contains', () => {
        for (const sample of entry.samples) {
          const parsed = new LineParser({ referenceYear: 2024 }).parse(sample, 1);
          assert.ok(typeof parsed !== 'string' && (containsLiteral(parsed.message, entry.literal) || containsLiteral(`${parsed.tag}: ${parsed.message}`, entry.literal)), `literal missing from: ${sample}`);
        }
      });
      it('does not match its counter-samples', () => {
        for (const sample of entry.counterSamples ?? []) assert.notEqual(matchLine(sample), entry.id, `counter-sample: ${sample}`);
      });
      it('cites known sources and explains itself', () => {
        assert.ok(entry.sources.length > 0, 'every entry cites a source');
        for (const s of entry.sources) assert.ok(SOURCES[s], `unknown source tag ${s}`);
        assert.ok(entry.explanation.length >= 40, 'explanation is a sentence a person can use');
      });
      it('only uses placeholders it can fill', () => {
        const groups = new Set<string>();
        for (const m of entry.pattern.source.matchAll(/\(\?<(\w+)>/g)) groups.add(m[1]);
        for (const m of entry.summary.matchAll(/\{(\w+)\}/g)) {
          assert.ok(groups.has(m[1]) || ENVELOPE_FIELDS.has(m[1]) || m[1] in ENRICHMENTS || m[1] === 'message', `placeholder {${m[1]}} has no capture group`);
        }
        assert.ok(entry.pattern.source.length < 1000);
      });
    });
  }
});
