import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { PreferencesDto, UpdatePreferencesInput } from '@shared/schemas/preferences';
import type { ApiRequest } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { applyPreferencesPatch } from '../utils/applyPreferencesPatch';
import { isPreferencesDto, writePreferences } from '../utils/preferencesCache';
import { saveErrorNotice } from '../utils/saveErrorNotice';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { preferencesOptions } from './getPreferences';
import { preferenceKeys } from './preferenceKeys';

/** Saves one change (any subset of the preferences); answers the whole new preferences. */
export function updatePreferences(request: ApiRequest, patch: UpdatePreferencesInput): Promise<PreferencesDto> {
  return inboxRequests.updatePreferences(request, patch);
}

/**
 * Saves each change the moment it is made, showing it at once and undoing it if the server refuses.
 * Several changes may be in flight; each keeps the others' optimistic state.
 *
 * @example
 * const update = useUpdatePreferences();
 * update.mutate({ categories: { billing: { channels: { email: false } } } });
 */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  const { notifyError } = useInboxEnvironment();
  const intl = useIntl();
  const { queryKey } = preferencesOptions();
  const mutationKey = preferenceKeys.update();
  return useMutation({
    mutationKey,
    mutationFn: (patch: UpdatePreferencesInput) => updatePreferences(requestOf(queryClient), patch),
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData(queryKey);
      if (previous) queryClient.setQueryData(queryKey, applyPreferencesPatch(previous, patch));
      return { previous };
    },
    onError: (error, patch, context) => {
      if (context?.previous) writePreferences(queryClient, context.previous, patch);
      notifyError(saveErrorNotice(intl, error));
    },
    onSuccess: (answer, patch) => {
      if (isPreferencesDto(answer)) writePreferences(queryClient, answer, patch);
    },
    onSettled: () => {
      // Refetch once, after the last of several quick changes, so it cannot undo a later optimistic one.
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      void queryClient.invalidateQueries({ queryKey });
    },
  });
}
