import { useIntl } from 'react-intl';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '@shared/schemas/audit';
import { FilterSelect } from '../common/FilterSelect';
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS } from './auditLabels';

/** The filters the toolbar edits, as kept in the URL (dates as `YYYY-MM-DD`, both days included). */
export interface AuditToolbarValues {
  action?: string;
  targetType?: string;
  fromDate?: string;
  toDate?: string;
}

interface AuditFiltersProps {
  values: AuditToolbarValues;
  onChange: (name: 'action' | 'targetType' | 'from' | 'to', value: string) => void;
}

/** The Action and Target selects and the From / To dates over the audit log. */
export function AuditFilters({ values, onChange }: AuditFiltersProps) {
  const intl = useIntl();
  const date = (name: 'from' | 'to', value: string | undefined) => (
    <div className="select-field">
      <label htmlFor={`audit-${name}`} className="select-field__label">
        {intl.formatMessage({ id: name === 'from' ? 'admin.audit.filter.from' : 'admin.audit.filter.to' })}
      </label>
      <input id={`audit-${name}`} className="date-input" type="date" value={value ?? ''} onChange={(event) => onChange(name, event.target.value)} />
    </div>
  );
  return (
    <>
      <FilterSelect
        id="audit-action"
        label={intl.formatMessage({ id: 'admin.audit.filter.action' })}
        allLabel={intl.formatMessage({ id: 'admin.audit.filter.allActions' })}
        value={AUDIT_ACTIONS.find((action) => action === values.action)}
        options={AUDIT_ACTIONS}
        optionLabel={(action) => intl.formatMessage({ id: AUDIT_ACTION_LABELS[action] })}
        onChange={(value) => onChange('action', value)}
      />
      <FilterSelect
        id="audit-target"
        label={intl.formatMessage({ id: 'admin.audit.filter.target' })}
        allLabel={intl.formatMessage({ id: 'admin.audit.filter.allTargets' })}
        value={AUDIT_TARGET_TYPES.find((type) => type === values.targetType)}
        options={AUDIT_TARGET_TYPES}
        optionLabel={(type) => intl.formatMessage({ id: AUDIT_TARGET_LABELS[type] })}
        onChange={(value) => onChange('targetType', value)}
      />
      {date('from', values.fromDate)}
      {date('to', values.toDate)}
    </>
  );
}
