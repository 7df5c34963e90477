import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { PreferencesDto, UpdateContactInput } from '@shared/schemas/preferences';
import { isApiError, type ApiRequest } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { isPreferencesDto, writePreferences } from '../utils/preferencesCache';
import { saveErrorNotice } from '../utils/saveErrorNotice';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { preferencesOptions } from './getPreferences';
import { preferenceKeys } from './preferenceKeys';

/** Saves the phone number and/or SMS / WhatsApp consent; the server records when and how consent was given. */
export function updateContact(request: ApiRequest, input: UpdateContactInput): Promise<PreferencesDto> {
  return inboxRequests.updateContact(request, input);
}

/**
 * The contact points' mutation. Consent shows at once (withdrawing must feel immediate, and is on the
 * server); a phone number waits for the server, which may refuse it with a field error.
 *
 * @example
 * updateContact.mutate({ smsConsent: false });
 */
export function useUpdateContact() {
  const queryClient = useQueryClient();
  const { notifyError } = useInboxEnvironment();
  const intl = useIntl();
  const { queryKey } = preferencesOptions();
  return useMutation({
    mutationKey: preferenceKeys.contact(),
    mutationFn: (input: UpdateContactInput) => updateContact(requestOf(queryClient), input),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData(queryKey);
      if (previous && (input.smsConsent !== undefined || input.whatsappConsent !== undefined)) {
        const given = (value: boolean) => (value ? { at: new Date().toISOString(), source: 'preferences page' } : null);
        const contact = {
          ...previous.contact,
          ...(input.smsConsent !== undefined ? { smsConsent: given(input.smsConsent) } : {}),
          ...(input.whatsappConsent !== undefined ? { whatsappConsent: given(input.whatsappConsent) } : {}),
        };
        queryClient.setQueryData(queryKey, { ...previous, contact });
      }
      return { previous };
    },
    onError: (error, input, context) => {
      if (context?.previous) writePreferences(queryClient, context.previous);
      // A refused phone number is shown on its field; anything else gets a toast.
      if (input.phone !== undefined && isApiError(error, 400)) return;
      notifyError(saveErrorNotice(intl, error));
    },
    onSuccess: (answer) => {
      if (isPreferencesDto(answer)) writePreferences(queryClient, answer);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
