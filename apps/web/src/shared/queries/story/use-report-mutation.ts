import { useMutation } from '@tanstack/react-query';
import type { paths } from '@vw/api-client';
import { api, unwrap } from '../../api/client';

export type ReportInput = paths['/v1/reports']['post']['requestBody']['content']['application/json'];

/** Reports a story or a user to the moderators. */
export function useReportMutation() {
  return useMutation({ mutationFn: (input: ReportInput) => unwrap(api.POST('/v1/reports', { body: input })) });
}
