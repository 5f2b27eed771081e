import { useMutation } from '@tanstack/react-query';
import { callApi } from '../../api/client';

export interface ReportInput {
  targetType: 'story' | 'user';
  targetId: string;
  reason: string;
}

/** Reports a story or a user to the moderators. */
export function useReportMutation() {
  return useMutation({ mutationFn: (input: ReportInput) => callApi<unknown>('POST', '/v1/reports', { body: input }) });
}
