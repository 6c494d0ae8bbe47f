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

/** Print figures as a Markdown table (what `docs/benchmarks.md` holds). */
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
