/**
 * Whether any of a list of anchored patterns matches a text, asked with one regular expression per
 * set of flags instead of one per pattern: the patterns' alternation, their named groups made plain
 * (a name may appear in several). The engine fails an alternation of anchored branches at the
 * first character of each, inside one call; the list asked one by one costs a call each, and a
 * JSON line's message is asked so of every format of the registry (lineParser.ts mayReadNested).
 *
 * It answers as the patterns asked one by one (test/patternScreen.test.ts): each branch keeps its
 * own source and flags; patterns with other flags are grouped apart, so no flag changes a branch.
 */
export class PatternScreen {
  /** Built on first use: most logs never ask (3 ms of a CLI run's start-up when built eagerly). */
  private built: RegExp[] | undefined;

  constructor(private readonly patterns: readonly RegExp[]) {}

  /** Whether some pattern of the list matches `text`. */
  test(text: string): boolean {
    const combined = (this.built ??= combine(this.patterns));
    for (let k = 0; k < combined.length; k++) if (combined[k].test(text)) return true;
    return false;
  }
}

/** One expression per set of flags (and anchoring): the alternation of the patterns that share them. */
function combine(patterns: readonly RegExp[]): RegExp[] {
  const byFlags = new Map<string, string[]>();
  for (const p of patterns) {
    // Only the flags that change what matches; `g` and `y` would make test() keep state.
    // Anchored patterns are grouped apart: their alternation is anchored as a whole, so the
    // engine tries it at the text's start only (an alternation of `^...` branches it tries at
    // every position: 3 times the time on the bench's JSON messages).
    const key = `${isAnchored(p.source) ? '^' : ''}/${[...p.flags].filter((f) => 'imsuv'.includes(f)).sort().join('')}`;
    const list = byFlags.get(key) ?? [];
    list.push(`(?:${plainGroups(p.source)})`);
    byFlags.set(key, list);
  }
  return [...byFlags].map(([key, sources]) => {
    const [anchor, flags] = key.split('/');
    return new RegExp(`${anchor}(?:${sources.join('|')})`, flags);
  });
}

/**
 * Whether a pattern matches only at the text's start: its source opens with `^` and has no `|`
 * outside brackets and groups (`^a|b` matches `b` anywhere). Without the `m` flag, as the registry's.
 */
export function isAnchored(source: string): boolean {
  if (!source.startsWith('^')) return false;
  for (const [c, , depth] of syntaxChars(source)) if (c === '|' && depth === 0) return false;
  return true;
}

/**
 * The characters of a regular expression's source that are its syntax: each not escaped and not
 * inside a character class, with where it stands and how many groups are open around it (a group's
 * own parentheses count as inside it).
 */
export function* syntaxChars(source: string): Generator<[string, number, number]> {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else {
      if (c === '(') depth++;
      yield [c, i, depth];
      if (c === ')') depth--;
    }
  }
}

/**
 * The source with each named group `(?<name>` made a plain one: group names must be unique in one
 * expression. Lookbehinds `(?<=`, `(?<!` stay. A pattern that refers to a group by its name
 * (`\k<name>`) or number could not be combined; the registry has none (the test checks each).
 */
function plainGroups(source: string): string {
  return source.replace(/(?<!\\)\(\?<(?![=!])[A-Za-z_$][\w$]*>/g, '(?:');
}
