import { QueryClientProvider } from '@tanstack/react-query';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { InboxEnvironmentContext } from '../../components/inboxEnvironment';
import { RealtimeContext } from '../../features/realtime';
import { useFlashNotify, type StopReason } from './context';

/**
 * The root of each embedded component: the `.fn-react` element the styles are scoped under (with its
 * theme), and the provider's query cache, environment and connection for the app's components inside. The
 * host's own React Query cache, if any, stays the host's everywhere else.
 */
export function FlashNotifyRoot({ className, children }: { className?: string; children: ReactNode }) {
  const { queryClient, environment, connection, theme } = useFlashNotify();
  const { locale } = useIntl();
  return (
    <div className={clsx('fn-react', className)} data-theme={theme} lang={locale}>
      <QueryClientProvider client={queryClient}>
        <InboxEnvironmentContext.Provider value={environment}>
          <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>
        </InboxEnvironmentContext.Provider>
      </QueryClientProvider>
    </div>
  );
}

/** What every component shows instead of data when the provider stopped (see FlashNotifyState.stopped). */
export function StoppedMessage({ reason }: { reason: StopReason }) {
  if (reason === 'origin-not-allowed') {
    return (
      <p className="fn-react__message" role="status" data-testid="fn-origin-not-allowed">
        <FormattedMessage id="reactInbox.originNotAllowed" values={{ origin: window.location.origin }} />
      </p>
    );
  }
  return (
    <p className="fn-react__message" role="status" data-testid="fn-signed-out">
      <FormattedMessage id="reactInbox.signedOut" />
    </p>
  );
}
