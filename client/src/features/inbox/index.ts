/**
 * The inbox feature's public surface: its page and bell, the inbox view the embedded feed reuses, the badge
 * other views reuse, and the query keys and cache writers the realtime feature applies server events with.
 */
// The notification item's styles travel with the surface: the admin composer's preview renders an inbox
// item with the same markup.
import './components/inbox.css';

export { categoriesOptions } from './api/getCategories';
export { useCounts } from './api/getCounts';
export { notificationKeys } from './api/notificationKeys';
export { InboxPage } from './components/InboxPage';
export { InboxView } from './components/InboxView';
export { NotificationBell } from './components/NotificationBell';
export { NotificationIcon } from './components/NotificationIcon';
export { PriorityBadge } from './components/PriorityBadge';
export { setCountsIfNewer } from './utils/countsCache';
export { changeFilters } from './utils/filters';
export type { InboxTabStatus, ViewFilters } from './utils/filters';
export { applyBulkChangeToLists, writeToLists } from './utils/listCache';
