// ---------------------------------------------------------------------------
// A strict reader of the Prometheus text exposition format 0.0.4, so the
// tests check what a scraper would read, not prom-client's own bookkeeping.
// ---------------------------------------------------------------------------

export type Labels = Record<string, string>;

export interface Sample {
  name: string;
  labels: Labels;
  value: number;
}

export interface MetricFamily {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help: string | undefined;
  samples: Sample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
/** Go's `strconv.ParseFloat`, which Prometheus uses, takes `Inf` and `NaN` in any case (prom-client writes `Nan`). */
const FLOAT = /^[+-]?(?:inf(?:inity)?|nan|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)$/i;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function parseFloatToken(token: string, where: string): number {
  if (!FLOAT.test(token)) throw new SyntaxError(`${where}: "${token}" is not a float`);
  const word = token.replace(/^[+-]/, '').toLowerCase();
  if (word === 'nan') return Number.NaN;
  if (word.startsWith('inf')) return token.startsWith('-') ? -Infinity : Infinity;
  return Number(token);
}

/** `# HELP` docstrings escape only `\\` and `\n`. */
function unescapeHelp(text: string, where: string): string {
  return text.replace(/\\(.?)/g, (_, next: string) => {
    if (next === '\\') return '\\';
    if (next === 'n') return '\n';
    throw new SyntaxError(`${where}: bad escape in HELP`);
  });
}

function parseSampleLine(line: string, where: string): Sample {
  const name = METRIC_NAME.exec(line)?.[0];
  if (name === undefined) throw new SyntaxError(`${where}: no metric name`);
  let at = name.length;
  const labels: Labels = {};
  if (line[at] === '{') {
    at += 1;
    while (line[at] !== '}') {
      const labelName = LABEL_NAME.exec(line.slice(at))?.[0];
      if (labelName === undefined) throw new SyntaxError(`${where}: bad label name`);
      at += labelName.length;
      if (line.slice(at, at + 2) !== '="') throw new SyntaxError(`${where}: expected ="`);
      at += 2;
      let value = '';
      for (;;) {
        const char = line[at];
        if (char === undefined) throw new SyntaxError(`${where}: unterminated label value`);
        at += 1;
        if (char === '"') break;
        if (char !== '\\') {
          value += char;
          continue;
        }
        const escaped = line[at];
        at += 1;
        if (escaped === '\\' || escaped === '"') value += escaped;
        else if (escaped === 'n') value += '\n';
        else throw new SyntaxError(`${where}: bad escape \\${escaped ?? ''} in a label value`);
      }
      if (Object.hasOwn(labels, labelName)) throw new SyntaxError(`${where}: label twice`);
      labels[labelName] = value;
      if (line[at] === ',' && line[at + 1] !== '}') at += 1;
      else if (line[at] !== '}') throw new SyntaxError(`${where}: expected , or }`);
    }
    at += 1;
  }
  const rest = /^[ \t]+(\S+)(?:[ \t]+(-?\d+))?$/.exec(line.slice(at));
  if (rest?.[1] === undefined) throw new SyntaxError(`${where}: expected value [timestamp]`);
  return { name, labels, value: parseFloatToken(rest[1], where) };
}

/** The family a sample belongs to: histogram samples end in `_bucket`, `_sum`, `_count`. */
function familyOf(families: Map<string, MetricFamily>, sampleName: string): MetricFamily {
  const suffix = /_(bucket|sum|count)$/.exec(sampleName);
  if (suffix) {
    const base = families.get(sampleName.slice(0, -suffix[0].length));
    if (base?.type === 'histogram' || (base?.type === 'summary' && suffix[1] !== 'bucket')) {
      return base;
    }
  }
  const own = families.get(sampleName) ?? {
    name: sampleName,
    type: 'untyped',
    help: undefined,
    samples: [],
  };
  if (own.type === 'histogram') throw new SyntaxError(`${sampleName}: a bare histogram sample`);
  families.set(sampleName, own);
  return own;
}

function seriesKey(sample: Sample): string {
  const labels = Object.entries(sample.labels).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([sample.name, labels]);
}

/** Each histogram's buckets are cumulative, end in `+Inf` and agree with `_count`; `_sum` is there. */
function checkHistogram(family: MetricFamily): void {
  const groups = new Map<string, { buckets: [number, number][]; sum?: number; count?: number }>();
  for (const sample of family.samples) {
    const { le, ...rest } = sample.labels;
    const key = seriesKey({ ...sample, name: '', labels: rest });
    const group = groups.get(key) ?? { buckets: [] };
    groups.set(key, group);
    if (sample.name.endsWith('_bucket')) {
      if (le === undefined) throw new SyntaxError(`${family.name}: a bucket without le`);
      group.buckets.push([parseFloatToken(le, family.name), sample.value]);
    } else if (le !== undefined) {
      throw new SyntaxError(`${family.name}: le outside a bucket`);
    } else if (sample.name.endsWith('_sum')) group.sum = sample.value;
    else group.count = sample.value;
  }
  for (const group of groups.values()) {
    for (let i = 1; i < group.buckets.length; i += 1) {
      const [previousLe, previousCount] = group.buckets[i - 1] as [number, number];
      const [le, count] = group.buckets[i] as [number, number];
      if (le <= previousLe || count < previousCount) {
        throw new SyntaxError(`${family.name}: buckets not ascending and cumulative`);
      }
    }
    const last = group.buckets.at(-1);
    if (last?.[0] !== Infinity) throw new SyntaxError(`${family.name}: no +Inf bucket`);
    if (group.count !== last[1]) throw new SyntaxError(`${family.name}: +Inf bucket ≠ _count`);
    if (group.sum === undefined) throw new SyntaxError(`${family.name}: no _sum`);
  }
}

/**
 * Parse an exposition strictly: every line HELP, TYPE, another comment, blank
 * or a sample; TYPE before the family's samples, HELP and TYPE once; a
 * family's samples contiguous; no series twice; counters non-negative;
 * histograms consistent. Any breach throws a `SyntaxError` naming the line.
 */
export function parseExposition(text: string): Map<string, MetricFamily> {
  if (text !== '' && !text.endsWith('\n')) throw new SyntaxError('no final newline');
  const families = new Map<string, MetricFamily>();
  const finished = new Set<MetricFamily>();
  const series = new Set<string>();
  let current: MetricFamily | undefined;
  const declared = (name: string) => {
    const family = families.get(name) ?? { name, type: 'untyped', help: undefined, samples: [] };
    families.set(name, family);
    return family;
  };
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, index) => {
      const where = `line ${index + 1}`;
      if (line.trim() === '') return;
      const meta = /^#[ \t]+(HELP|TYPE)[ \t]+(\S+)(?:[ \t](.*))?$/.exec(line);
      if (meta) {
        const [, keyword, name = '', rest = ''] = meta;
        if (!METRIC_NAME.test(name) || METRIC_NAME.exec(name)?.[0] !== name) {
          throw new SyntaxError(`${where}: bad metric name ${name}`);
        }
        const family = declared(name);
        if (keyword === 'HELP') {
          if (family.help !== undefined) throw new SyntaxError(`${where}: HELP twice`);
          family.help = unescapeHelp(rest, where);
        } else {
          if (!TYPES.has(rest)) throw new SyntaxError(`${where}: unknown type ${rest}`);
          if (family.type !== 'untyped' || family.samples.length > 0 || finished.has(family)) {
            throw new SyntaxError(`${where}: TYPE after samples or twice`);
          }
          family.type = rest as MetricFamily['type'];
        }
        return;
      }
      if (line.startsWith('#')) return; // a plain comment
      const sample = parseSampleLine(line, where);
      const family = familyOf(families, sample.name);
      if (family !== current) {
        if (finished.has(family)) throw new SyntaxError(`${where}: ${family.name} interleaved`);
        if (current !== undefined) finished.add(current);
        current = family;
      }
      const key = seriesKey(sample);
      if (series.has(key)) throw new SyntaxError(`${where}: series twice`);
      series.add(key);
      if (family.type === 'counter' && !(sample.value >= 0)) {
        throw new SyntaxError(`${where}: a counter below zero`);
      }
      family.samples.push(sample);
    });
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}

/** The value of the one sample named `name` with exactly `labels`, or `undefined`. */
export function sampleValue(
  families: Map<string, MetricFamily>,
  name: string,
  labels: Labels = {},
): number | undefined {
  const wanted = seriesKey({ name, labels, value: 0 });
  for (const family of families.values()) {
    for (const sample of family.samples) if (seriesKey(sample) === wanted) return sample.value;
  }
  return undefined;
}
