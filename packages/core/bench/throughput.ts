import { Bench } from 'tinybench';

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

/** One timed task of {@link runRounds}: one call of `run` is one operation. */
export interface BenchTask {
  name: string;
  run: () => unknown;
  note?: string;
}

/** How {@link runRounds} times its tasks. */
export interface RoundsOptions {
  /** The group every figure belongs to. */
  group: string;
  rounds: number;
  /** How long tinybench times each task in each round, in ms. */
  timeMs: number;
  /** Calls per timed sample: a call of a few µs timed alone would mostly time the timer. */
  batch: number;
  /** Warm-up per task and round, in ms (default 50). */
  warmupMs?: number;
}

/**
 * Time `tasks` in `rounds` rounds of tinybench, the first task being the
 * baseline. Rounds alternate the task order (odd rounds run it reversed), so
 * no task always runs first or last; each figure is the median over rounds of
 * its ops/s and of its ratio to that round's baseline. Synchronous tasks
 * only; a task that throws fails the run.
 */
export function runRounds(
  tasks: readonly BenchTask[],
  { group, rounds, timeMs, batch, warmupMs = 50 }: RoundsOptions,
): BenchFigure[] {
  const opsByTask = tasks.map((): number[] => []);
  const ratiosByTask = tasks.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: timeMs, warmupTime: warmupMs, throws: true });
    const order = tasks.map((_, index) => index);
    if (round % 2 === 1) order.reverse();
    for (const index of order) {
      const { run } = tasks[index] as BenchTask;
      bench.add(String(index), () => {
        for (let i = 0; i < batch; i++) run();
      });
    }
    bench.runSync();
    const ops = new Map<number, number>();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`bench task ${task.name} ${result.state}`);
      ops.set(Number(task.name), result.throughput.mean * batch);
    }
    const baseline = ops.get(0) as number;
    tasks.forEach((_, index) => {
      const value = ops.get(index) as number;
      opsByTask[index]?.push(value);
      ratiosByTask[index]?.push(value / baseline);
    });
  }
  return tasks.map((task, index) => ({
    group,
    name: task.name,
    opsPerSecond: median(opsByTask[index] as number[]),
    ratio: index === 0 ? 1 : median(ratiosByTask[index] as number[]),
    baseline: index === 0,
    ...(task.note === undefined ? {} : { note: task.note }),
  }));
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
