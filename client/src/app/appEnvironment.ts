import { Link } from 'react-router';
import type { InboxEnvironment } from '../components/inboxEnvironment';

/** The web app's environment for the inbox components: its router's links, its inbox at `/`, its settings pages. */
export const APP_ENVIRONMENT: InboxEnvironment = { Link, inboxPath: '/', appPages: true, pageSize: 20 };
