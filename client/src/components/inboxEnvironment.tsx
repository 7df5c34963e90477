import { createContext, useContext, type ComponentType, type MouseEventHandler, type ReactNode, type Ref } from 'react';

/** What a link to a path needs: the props the inbox's components hand to `InboxEnvironment.Link`. */
export interface PathLinkProps {
  /** A path of the page's own site (`/orders/42`), already checked by the action-URL rule. */
  to: string;
  className?: string;
  onClick?: MouseEventHandler<HTMLAnchorElement>;
  children: ReactNode;
  ref?: Ref<HTMLAnchorElement>;
}

/** A failure to tell the user about (a change the server refused, and so undone). */
export interface InboxNotice {
  /** Replaces an earlier notice with the same id rather than stacking another. */
  id?: string;
  title: string;
  description?: string;
}

/**
 * Where the inbox's components run: FlashNotify's own web app (its router, its other pages) or a host app's
 * page (React components embedded with user tokens). The components are the same; this says how a path is
 * followed and which of the app's own pages exist.
 */
export interface InboxEnvironment {
  /** Renders a link to a path: the app's router link, or the host's (a plain link by default). */
  Link: ComponentType<PathLinkProps>;
  /** Where the bell popover's "View all" leads; null: no such link. */
  inboxPath: string | null;
  /** Whether FlashNotify's own settings pages (devices, account) are there to link to. */
  appPages: boolean;
  /** Items per page of the inbox lists. */
  pageSize: number;
  /** Tells the user that something failed: the app's toasts, or the host's `onError`. */
  notifyError: (notice: InboxNotice) => void;
}

/** A plain link: the browser follows it (the default where no environment is provided). */
function PlainLink({ to, className, onClick, children, ref }: PathLinkProps) {
  return (
    <a ref={ref} href={to} className={className} onClick={onClick}>
      {children}
    </a>
  );
}

const DEFAULT_ENVIRONMENT: InboxEnvironment = {
  Link: PlainLink,
  inboxPath: null,
  appPages: false,
  pageSize: 20,
  notifyError: ({ title, description }) => console.error(description ? `${title} ${description}` : title),
};

/**
 * Provides the environment to the inbox components below it.
 *
 * @example
 * <InboxEnvironmentContext.Provider value={{ Link: RouterLink, inboxPath: '/', appPages: true, pageSize: 20, notifyError }}>…
 */
export const InboxEnvironmentContext = createContext<InboxEnvironment>(DEFAULT_ENVIRONMENT);

/** The environment the inbox components run in. */
export function useInboxEnvironment(): InboxEnvironment {
  return useContext(InboxEnvironmentContext);
}
