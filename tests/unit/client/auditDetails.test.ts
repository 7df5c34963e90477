/**
 * The audit log page's texts (client/src/features/admin): every action named in both languages, and the
 * recorded before/after fields by their names in the reader's language, an unknown one by its key.
 */
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS } from '../../../client/src/features/admin/components/audit/auditLabels';
import { auditDetailLines } from '../../../client/src/features/admin/utils/auditDetails';
import { AUDIT_ACTIONS } from '../../../shared/schemas/audit';
import en from '../../../shared/i18n/messages/en.json';
import fr from '../../../shared/i18n/messages/fr.json';

const english = createIntl({ locale: 'en', messages: en });
const french = createIntl({ locale: 'fr-FR', messages: fr });
/** French lines with the catalogs' no-break spaces before « : » as plain ones. */
const frenchLines = (event: Parameters<typeof auditDetailLines>[1]) => auditDetailLines(french, event).map((line) => line.replace(/[\u00a0\u202f](?=:)/g, ' '));

describe('audit action labels', () => {
  it('name every action the server records in English and French, never by its code', () => {
    for (const action of AUDIT_ACTIONS) {
      const id = AUDIT_ACTION_LABELS[action];
      expect(french.formatMessage({ id }), action).not.toContain(action);
      expect(english.formatMessage({ id }), action).not.toContain(action);
    }
    expect(french.formatMessage({ id: AUDIT_ACTION_LABELS['send.created'] })).toBe('Notification envoyée');
  });
});

describe('auditDetailLines', () => {
  it('names the recorded fields in the reader’s language', () => {
    const sent = { before: null, after: { status: 'sent', recipientCount: 2 } };
    expect(frenchLines(sent)).toEqual(['Statut : sent', 'Destinataires : 2']);
    expect(auditDetailLines(english, sent)).toEqual(['Status: sent', 'Recipients: 2']);
    const role = { before: { role: 'user' }, after: { role: 'admin' } };
    expect(frenchLines(role)).toEqual(['Rôle : user → admin']);
    expect(auditDetailLines(english, { before: null, after: { defaultChannels: ['email', 'sms'] } })).toEqual(['Default channels: email, sms']);
  });

  it('names every field a category event records, retention included', () => {
    const category = { key: 'deploys', label: 'Deploys', description: '', critical: false, defaultChannels: ['in_app'], escalation: [], icon: null, retentionDays: null };
    const lines = frenchLines({ before: null, after: category });
    Object.keys(category).forEach((field, index) => expect(lines[index], field).not.toMatch(new RegExp(`^${field} :`)));
    expect(frenchLines({ before: { retentionDays: null }, after: { retentionDays: 30 } })).toEqual(['Conservation (jours) : null → 30']);
  });

  it('shows a field this client does not know by its key', () => {
    expect(frenchLines({ before: { shiny: false }, after: { shiny: true } })).toEqual(['shiny : false → true']);
    expect(frenchLines({ before: null, after: { toString: 'x' } })).toEqual(['toString : x']);
  });
});
