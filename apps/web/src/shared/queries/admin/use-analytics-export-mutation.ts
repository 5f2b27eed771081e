import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { downloadBlob } from '../../files/download';

/** The file an export of `from`–`to` (dates, `to` exclusive) is saved as. */
export const analyticsExportFileName = (from: string, to: string) => `analytics-${from}-to-${to}.ndjson`;

/**
 * Admin: the analytics events of a date range (`from` inclusive, `to` exclusive, UTC days),
 * downloaded as the server's NDJSON file (one event a line). The export is audited.
 */
export function useAnalyticsExportMutation() {
  return useMutation({
    mutationFn: async ({ from, to }: { from: string; to: string }) => {
      const blob = await unwrap(
        api.GET('/v1/admin/analytics/export', { params: { query: { from, to } }, parseAs: 'blob' }),
      );
      downloadBlob(blob, analyticsExportFileName(from, to));
      return { bytes: blob.size };
    },
  });
}
