import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { ChannelStatusDto, ExternalChannelName } from '@shared/schemas/delivery';
import { apiFetch, isApiError } from '../../../../lib/api';
import { CHANNEL_LABELS } from '../../utils/format';
import { channelStatusesOptions } from './getChannelStatuses';

interface UpdateChannelVars {
  channel: ExternalChannelName;
  enabled: boolean;
}

/** Flips a channel's runtime switch. */
export function updateChannel({ channel, enabled }: UpdateChannelVars): Promise<ChannelStatusDto> {
  return apiFetch<ChannelStatusDto>(`/api/admin/channels/${channel}`, { method: 'PATCH', body: { enabled } });
}

/** The "Email enabled" switch: flips at once, rolls back if the server refuses. */
export function useUpdateChannel() {
  const queryClient = useQueryClient();
  const { queryKey } = channelStatusesOptions();
  return useMutation({
    mutationFn: updateChannel,
    onMutate: async ({ channel, enabled }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData(queryKey);
      queryClient.setQueryData(queryKey, (items) => items?.map((item) => (item.channel === channel ? { ...item, enabled } : item)));
      return { previous };
    },
    onSuccess: (_status, { channel, enabled }) => {
      const label = CHANNEL_LABELS[channel];
      toast.success(
        enabled ? `${label} is on again; held-back deliveries go out now.` : `${label} is off: new notifications skip it and pending deliveries wait.`,
      );
    },
    onError: (error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      toast.error(isApiError(error) ? error.message : 'Could not change the channel. Please try again.');
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
