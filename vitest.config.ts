import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The longest files start first: browser journeys, then the other files that start a server or
 * a process, then the rest. Three at a time, a long file started last would run alone at the end
 * while the other workers wait; started first, the short files fill the gaps beside it.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const weight = (file: TestSpecification) => {
      const id = file.moduleId;
      if (id.includes('/test/e2e/')) return 0;
      if (id.includes('/apps/server/test/')) return 1;
      return 2;
    };
    return sorted
      .map((file, index) => ({ file, index }))
      .sort((a, b) => weight(a.file) - weight(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    projects: ['apps/server', 'apps/web', 'packages/domain', 'packages/api-client'],
    // Most test files wait on PostgreSQL, a browser or ffmpeg rather than on their own CPU, and each
    // works in its own database: three at a time keep two cores busy.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
  },
});
