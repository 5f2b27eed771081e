import type { Logger } from 'pino';
import type { Metrics } from '../metrics';
import type { Task, TaskList } from './index';

/**
 * Wraps every task so each run is timed (`job_duration_seconds{task,outcome}`) and each failed
 * attempt counted (`jobs_failed_total{task}`); the error still reaches the queue, which retries.
 */
export function instrumentTasks(tasks: TaskList, metrics: Metrics, logger: Logger): TaskList {
  const duration = metrics.histogram(
    'job_duration_seconds',
    'Job run time, by task and outcome',
    ['task', 'outcome'],
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  );
  const failed = metrics.counter('jobs_failed_total', 'Failed job attempts, by task', ['task']);
  const wrapped: TaskList = {};
  for (const [name, task] of Object.entries(tasks)) {
    if (!task) continue;
    const run: Task = async (payload, helpers) => {
      const stop = duration.startTimer({ task: name });
      try {
        await task(payload, helpers);
        stop({ outcome: 'ok' });
      } catch (err) {
        stop({ outcome: 'failed' });
        failed.inc({ task: name });
        logger.warn({ err, task: name, jobId: helpers.job.id, attempt: helpers.job.attempts }, 'job attempt failed');
        throw err;
      }
    };
    wrapped[name] = run;
  }
  return wrapped;
}
