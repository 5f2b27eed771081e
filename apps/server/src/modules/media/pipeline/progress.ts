/**
 * Turns ffmpeg's `-progress` key=value lines into whole percentages of the expected output
 * duration: reported only when they grow, held at 99 until `finish()` reports 100.
 */
export function createProgressTracker(
  expectedDurationSeconds: number,
  onProgress: (percent: number) => void,
): { onLine(line: string): void; finish(): void } {
  let reported = -1;
  const report = (percent: number): void => {
    if (percent <= reported) return;
    reported = percent;
    try {
      onProgress(percent);
    } catch {
      // Progress is advisory: a failing listener must not break the transcode it watches.
    }
  };
  report(0);
  return {
    onLine(line) {
      const match = /^out_time_us=(\d+)$/.exec(line.trim());
      if (!match || expectedDurationSeconds <= 0) return;
      const fraction = Number(match[1]) / 1_000_000 / expectedDurationSeconds;
      report(Math.min(99, Math.floor(fraction * 100)));
    },
    finish() {
      report(100);
    },
  };
}
