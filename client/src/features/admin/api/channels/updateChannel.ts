import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { ChannelStatusDto, ExternalChannelName } from '@shared/schemas/delivery';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { apiFetch } from '../../../../lib/api';
import { CHANNEL_NAMES } from '../../../preferences';
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
  const intl = useIntl();
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
      const label = intl.formatMessage({ id: CHANNEL_NAMES[channel] });
      toast.success(intl.formatMessage({ id: enabled ? 'admin.channels.onAgain' : 'admin.channels.off' }, { channel: label }));
    },
    onError: (error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      toast.error(apiErrorMessage(intl, error, 'admin.channels.changeFailed'));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
