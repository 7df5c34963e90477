import type { Recipient } from '@shared/schemas/notification';
import type { Role, SendStatus } from '@shared/types';

// Query keys of the admin pages, one factory per resource, from broad to narrow so one prefix
// invalidates a whole family. All start with 'admin', which login/logout clear with the rest.

/** Filters of the users table. */
export interface UserFilters {
  search?: string;
  role?: Role;
}

/** Filters of the sent history. */
export interface SendFilters {
  status?: SendStatus;
}

/**
 * Users as admins see them.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: adminUserKeys.lists() }); // every filtered table
 */
export const adminUserKeys = {
  all: ['admin', 'users'] as const,
  lists: () => [...adminUserKeys.all, 'list'] as const,
  list: (filters: UserFilters) => [...adminUserKeys.lists(), { search: filters.search ?? '', role: filters.role ?? '' }] as const,
  searches: () => [...adminUserKeys.all, 'search'] as const,
  search: (term: string) => [...adminUserKeys.searches(), term] as const,
};

/** Invitations (the users page's "Invite people"). */
export const invitationKeys = {
  all: ['admin', 'invitations'] as const,
  list: () => [...invitationKeys.all, 'list'] as const,
};

/** API keys. */
export const apiKeyKeys = {
  all: ['admin', 'api-keys'] as const,
  list: () => [...apiKeyKeys.all, 'list'] as const,
};

/** Categories (the managed catalogue, not the inbox's category filter). */
export const adminCategoryKeys = {
  all: ['admin', 'categories'] as const,
  list: () => [...adminCategoryKeys.all, 'list'] as const,
};

/** Topics and their subscribers. */
export const topicKeys = {
  all: ['admin', 'topics'] as const,
  list: () => [...topicKeys.all, 'list'] as const,
  subscriberLists: () => [...topicKeys.all, 'subscribers'] as const,
  subscribers: (key: string) => [...topicKeys.subscriberLists(), key] as const,
};

/** Sends: history, one send, its recipients, and recipient previews. */
export const sendKeys = {
  all: ['admin', 'sends'] as const,
  lists: () => [...sendKeys.all, 'list'] as const,
  list: (filters: SendFilters) => [...sendKeys.lists(), { status: filters.status ?? '' }] as const,
  details: () => [...sendKeys.all, 'detail'] as const,
  detail: (id: string) => [...sendKeys.details(), id] as const,
  recipients: (id: string) => [...sendKeys.detail(id), 'recipients'] as const,
  preview: (to: Recipient[]) => [...sendKeys.all, 'preview', to] as const,
};
