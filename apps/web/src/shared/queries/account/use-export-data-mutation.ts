import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { downloadBlob } from '../../files/download';

export const EXPORT_FILE_NAME = 'video-window-export.json';

/** Saves a JSON document as a file the browser downloads. */
export function downloadJson(data: unknown, fileName: string): void {
  downloadBlob(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }), fileName);
}

/** Everything the server holds about the caller, downloaded as a JSON file. */
export function useExportDataMutation() {
  return useMutation({
    mutationFn: async () => {
      const data = await unwrap(api.GET('/v1/me/export'));
      downloadJson(data, EXPORT_FILE_NAME);
      return data;
    },
  });
}
