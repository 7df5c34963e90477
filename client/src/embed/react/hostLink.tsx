import type { QueryClient } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import type { PathLinkProps } from '../../components/inboxEnvironment';

/**
 * Resolves once no mutation of `queryClient` is on its way (e.g. the "mark read" a click just started). A
 * mutation paused offline is not waited for: it is sent when the network returns, and the click must not
 * turn into a navigation minutes later.
 */
function mutationsSettled(queryClient: QueryClient): Promise<void> {
  const cache = queryClient.getMutationCache();
  const idle = () => cache.findAll({ status: 'pending', predicate: (mutation) => !mutation.state.isPaused }).length === 0;
  if (idle()) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = cache.subscribe(() => {
      if (!idle()) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * The link a path (`/orders/42`, the host's own page) gets in the embedded components: it is followed once
 * what the click started (marking the notification read) has settled, so leaving the page cannot cut that
 * request off, through `navigate` (the host's router, or the browser's `location.assign`). A modified click
 * (new tab, new window) is left to the browser.
 */
export function makeHostLink(queryClient: QueryClient, navigate: (path: string) => void) {
  return function HostLink({ to, className, onClick, children, ref }: PathLinkProps) {
    const follow = (event: MouseEvent<HTMLAnchorElement>) => {
      onClick?.(event);
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      void mutationsSettled(queryClient).then(() => navigate(to));
    };
    return (
      <a ref={ref} href={to} className={className} onClick={follow}>
        {children}
      </a>
    );
  };
}
