import { FormattedMessage, useIntl } from 'react-intl';
import type { UserDto } from '@shared/schemas/directory';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { useTopics } from '../../api/getTopics';
import type { RecipientMode } from '../../utils/composerInput';
import { FieldError } from '../common/FieldError';
import { SelectControl } from '../common/SelectControl';
import { UserPicker } from '../common/UserPicker';
import { RecipientModeSwitch } from './RecipientModeSwitch';

interface RecipientsFieldProps {
  mode: RecipientMode;
  people: UserDto[];
  topic: string;
  onModeChange: (mode: RecipientMode) => void;
  onPeopleChange: (people: UserDto[]) => void;
  onTopicChange: (topic: string) => void;
  /** From the browser's checks, the send, or the recipient preview. */
  error: string | undefined;
}

/** Who receives the notification: picked people, a topic's subscribers, or everyone. */
export function RecipientsField(props: RecipientsFieldProps) {
  const { mode, people, topic, onModeChange, onPeopleChange, onTopicChange, error } = props;
  return (
    <div className="field">
      <span id="compose-to-label" className="field__label">
        <FormattedMessage id="admin.compose.recipients" />
      </span>
      <RecipientModeSwitch value={mode} onChange={onModeChange} labelledBy="compose-to-label" />
      <div className="recipients__panel">
        {mode === 'people' && (
          <>
            <label htmlFor="compose-people" className="sr-only">
              <FormattedMessage id="admin.compose.searchPeople" />
            </label>
            <UserPicker
              inputId="compose-people"
              selected={people}
              onChange={onPeopleChange}
              describedBy={error ? 'compose-to-error' : undefined}
              invalid={Boolean(error)}
            />
          </>
        )}
        {mode === 'topic' && <TopicSelect value={topic} onChange={onTopicChange} invalid={Boolean(error)} />}
        {mode === 'everyone' && (
          <p className="recipients__everyone">
            <FormattedMessage id="admin.compose.everyoneHint" />
          </p>
        )}
      </div>
      <FieldError id="compose-to" message={error} />
    </div>
  );
}

function TopicSelect({ value, onChange, invalid }: { value: string; onChange: (topic: string) => void; invalid: boolean }) {
  const intl = useIntl();
  const topics = useTopics();
  const items = topics.data ?? [];
  const chosen = items.find((item) => item.key === value);
  const loadError = topics.isError
    ? intl.formatMessage({ id: 'admin.compose.topic.loadFailed' }, { reason: apiErrorMessage(intl, topics.error, 'errors.unreachable') })
    : null;
  return (
    <div className="field field--inline">
      <label htmlFor="compose-topic">
        <FormattedMessage id="admin.compose.mode.topic" />
      </label>
      <SelectControl
        id="compose-topic"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'compose-to-error compose-topic-hint' : 'compose-topic-hint'}
        disabled={topics.isPending}
      >
        <option value="">{intl.formatMessage({ id: topics.isPending ? 'admin.compose.topic.loading' : 'admin.compose.topic.choose' })}</option>
        {items.map((item) => (
          <option key={item.key} value={item.key}>
            {item.name}
          </option>
        ))}
      </SelectControl>
      <p id="compose-topic-hint" className="field__hint">
        {loadError ??
          (chosen
            ? intl.formatMessage({ id: 'admin.compose.topic.subscribed' }, { key: chosen.key, count: chosen.subscriberCount })
            : intl.formatMessage({ id: items.length === 0 && topics.isSuccess ? 'admin.compose.topic.none' : 'admin.compose.topic.hint' }))}
      </p>
    </div>
  );
}

