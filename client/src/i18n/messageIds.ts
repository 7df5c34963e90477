import type source from '../../../shared/i18n/messages/en.json';

// Message ids are the source catalog's keys: `formatMessage({ id: 'inbox.titel' })` is a type error.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message {
      ids: keyof typeof source;
    }
  }
}

/** A message id of the catalogs (a key of the source, `en`). */
export type MessageId = keyof typeof source;
