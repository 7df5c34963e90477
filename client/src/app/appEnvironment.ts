import { Link } from 'react-router';
import { toast } from 'sonner';
import type { InboxEnvironment } from '../components/inboxEnvironment';

/** The web app's environment for the inbox components: its router's links, its inbox at `/`, its settings pages, its toasts. */
export const APP_ENVIRONMENT: InboxEnvironment = {
  Link,
  inboxPath: '/',
  appPages: true,
  pageSize: 20,
  notifyError: ({ id, title, description }) => void toast.error(title, { id, description }),
};
