/**
 * One way to declare a job: `defineTask(name, payloadSchema, handler)`. The payload is checked
 * against its schema when the job is added (a bad payload throws at the caller, before anything
 * is written) and again when it runs (a job whose stored payload no longer fits fails for good,
 * logged by job id and task, never with the payload).
 */
import type { JobHelpers, Task, TaskList } from 'graphile-worker';
import type { z } from 'zod';

/** Task names read `module:kebab-name`, e.g. `orders:email-receipt` (graphile-worker's crontab refuses dots). */
export const TASK_NAME = /^[a-z]+:[a-z]+(?:-[a-z]+)*$/;

type PayloadSchema = z.ZodType<Record<string, unknown>>;

/**
 * Which runner takes a task's jobs: `media` for long CPU-bound work (transcodes), run by a runner
 * of its own sized to the CPU; `default` for everything else, so auction ends, payment expiries
 * and notifications never wait behind a transcode.
 */
export type TaskLane = 'default' | 'media';

interface TaskOptions {
  formerNames?: readonly string[];
  lane?: TaskLane;
}

/** What adding a job needs to know of its task: the name and the payload's schema. */
export interface TaskRef<S extends PayloadSchema = PayloadSchema> {
  readonly name: string;
  readonly payload: S;
  /** Names this task was queued under before; jobs already waiting under them still run. */
  readonly formerNames: readonly string[];
  readonly lane: TaskLane;
}

export interface TaskDefinition<S extends PayloadSchema = PayloadSchema> extends TaskRef<S> {
  readonly handler: (payload: z.output<S>, helpers: JobHelpers) => Promise<void>;
}

/**
 * Names a task and its payload's schema, for modules whose jobs are added in one file and run in
 * another: `defineTask(ref, handler)` gives it its handler.
 */
export function declareTask<S extends PayloadSchema>(name: string, payload: S, options: TaskOptions = {}): TaskRef<S> {
  if (!TASK_NAME.test(name)) throw new Error(`task name ${name} is not module:kebab-name`);
  return { name, payload, formerNames: options.formerNames ?? [], lane: options.lane ?? 'default' };
}

/** A payload that does not fit its task's schema; says where, never what. */
export class InvalidJobPayload extends Error {
  readonly task: string;
  readonly paths: string[];

  constructor(task: string, error: z.ZodError) {
    const paths = [...new Set(error.issues.map((i) => i.path.join('.') || '(root)'))];
    super(`the payload of task ${task} does not fit its schema (at ${paths.join(', ')})`);
    this.name = 'InvalidJobPayload';
    this.task = task;
    this.paths = paths;
  }
}

/** Declares a task: its name, the schema of its payload and what a run does. */
export function defineTask<S extends PayloadSchema>(
  task: TaskRef<S>,
  handler: (payload: z.output<S>, helpers: JobHelpers) => Promise<void>,
): TaskDefinition<S>;
export function defineTask<S extends PayloadSchema>(
  name: string,
  payload: S,
  handler: (payload: z.output<S>, helpers: JobHelpers) => Promise<void>,
  options?: TaskOptions,
): TaskDefinition<S>;
export function defineTask<S extends PayloadSchema>(
  nameOrRef: string | TaskRef<S>,
  payloadOrHandler: S | ((payload: z.output<S>, helpers: JobHelpers) => Promise<void>),
  handler?: (payload: z.output<S>, helpers: JobHelpers) => Promise<void>,
  options: TaskOptions = {},
): TaskDefinition<S> {
  if (typeof nameOrRef !== 'string') {
    return { ...nameOrRef, handler: payloadOrHandler as (payload: z.output<S>, helpers: JobHelpers) => Promise<void> };
  }
  return { ...declareTask(nameOrRef, payloadOrHandler as S, options), handler: handler! };
}

/** `payload` as `task` will see it; throws `InvalidJobPayload` when it does not fit. */
export function checkedPayload<S extends PayloadSchema>(task: TaskRef<S>, payload: z.input<S>): z.output<S> {
  const parsed = task.payload.safeParse(payload);
  if (!parsed.success) throw new InvalidJobPayload(task.name, parsed.error);
  return parsed.data;
}

/**
 * The task list the worker runs: every task under its name and its former names. A stored payload
 * that does not fit is logged by job id and task and fails without retries: no retry can fix it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list mixes tasks of different payloads
export function taskList(tasks: readonly TaskDefinition<any>[]): TaskList {
  const list: TaskList = {};
  for (const task of tasks) {
    const run: Task = async (raw, helpers) => {
      const parsed = (task.payload as PayloadSchema).safeParse(raw);
      if (!parsed.success) {
        const error = new InvalidJobPayload(task.name, parsed.error);
        helpers.logger.error('job payload does not fit its task; failing it for good', {
          jobId: helpers.job.id,
          task: task.name,
          paths: error.paths.join(', '),
        });
        await failForGood(helpers);
        throw error;
      }
      await task.handler(parsed.data, helpers);
    };
    for (const name of [task.name, ...task.formerNames]) {
      if (list[name]) throw new Error(`two tasks are named ${name}`);
      list[name] = run;
    }
  }
  return list;
}

/** Uses up the job's attempts so the queue records this failure as its last. */
async function failForGood(helpers: JobHelpers): Promise<void> {
  await helpers.withPgClient((client) =>
    client.query('update graphile_worker._private_jobs set max_attempts = attempts where id = $1', [helpers.job.id]),
  );
}
