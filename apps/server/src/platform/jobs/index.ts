import type { Task, TaskList } from 'graphile-worker';

export type { Task, TaskList };
export { startWorker, type WorkerHandle, type WorkerOptions } from './worker';
export { addJobCall, cancelJob, enqueue, type EnqueueOptions } from './enqueue';
export {
  declareTask,
  defineTask,
  InvalidJobPayload,
  taskList,
  TASK_NAME,
  type TaskDefinition,
  type TaskLane,
  type TaskRef,
} from './task-registry';
