/**
 * Measuring helpers for `pnpm bench`, the same shape as `@tollgate/core`'s
 * bench (a local copy: a package's bench imports nothing from another's).
 */

/** Results of one benchmark figure, as printed by `pnpm bench`. */
export interface BenchFigure {
  group: string;
  name: string;
  /** Operations per second. */
  opsPerSecond: number;
  /** This figure divided by its group's baseline, measured in the same run. */
  ratio: number;
  baseline: boolean;
  note?: string;
}

/**
 * Run `task` with `concurrency` calls in flight for `durationMs` and return
 * completed calls per second.
 */
export async function measureThroughput(
  task: () => Promise<unknown>,
  { durationMs, concurrency }: { durationMs: number; concurrency: number },
): Promise<number> {
  let done = 0;
  const until = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await task();
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** One candidate of a group: a name, the task, and how many calls run at once. */
export interface Contender {
  name: string;
  task: () => Promise<unknown>;
  concurrency: number;
  note?: string;
}

/**
 * Measure `baseline` and each contender in interleaved rounds (so drift on a
 * busy machine hits all alike) and return figures as medians with ratios.
 */
export async function compare(
  group: string,
  baseline: Contender,
  contenders: Contender[],
  { rounds = 5, durationMs = 1500 }: { rounds?: number; durationMs?: number } = {},
): Promise<BenchFigure[]> {
  const all = [baseline, ...contenders];
  const samples = all.map(() => [] as number[]);
  for (const contender of all)
    await measureThroughput(contender.task, {
      durationMs: 300,
      concurrency: contender.concurrency,
    });
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, contender] of all.entries()) {
      samples[index]?.push(
        await measureThroughput(contender.task, { durationMs, concurrency: contender.concurrency }),
      );
    }
  }
  const base = median(samples[0] ?? []);
  return all.map((contender, index) => {
    const ops = median(samples[index] ?? []);
    return {
      group,
      name: contender.name,
      opsPerSecond: ops,
      ratio: ops / base,
      baseline: index === 0,
      ...(contender.note === undefined ? {} : { note: contender.note }),
    };
  });
}

/** Print figures as a Markdown table. */
export function printFigures(title: string, figures: BenchFigure[]): void {
  const lines = [
    `### ${title}`,
    '',
    '| group | figure | ops/s | ratio to baseline | note |',
    '| --- | --- | ---: | ---: | --- |',
    ...figures.map(
      (f) =>
        `| ${f.group} | ${f.name}${f.baseline ? ' (baseline)' : ''} | ${Math.round(f.opsPerSecond).toLocaleString('en-US')} | ${f.ratio.toFixed(2)}× | ${f.note ?? ''} |`,
    ),
    '',
  ];
  console.log(lines.join('\n'));
}
