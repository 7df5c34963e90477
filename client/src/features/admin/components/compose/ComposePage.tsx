import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { CircleAlert, Send } from 'lucide-react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { CategoryDto } from '@shared/schemas/directory';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import type { MessageId } from '../../../../i18n/messageIds';
import { isApiError } from '../../../../lib/api';
import { useAdminCategories } from '../../api/getAdminCategories';
import { useRecipientPreview } from '../../api/previewRecipients';
import { useComposer, type ComposerFailure } from '../../hooks/useComposer';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { parseData } from '../../utils/composerInput';
import { PageHeader } from '../common/PageHeader';
import { ComposeResult } from './ComposeResult';
import { DeliveryFields } from './DeliveryFields';
import { MessageFields } from './MessageFields';
import { NotificationPreview } from './NotificationPreview';
import { ReachEstimate } from './ReachEstimate';
import { RecipientsField } from './RecipientsField';
import { RichFields } from './RichFields';

/** The category preselected until the admin picks one: `general` when it exists. */
function defaultCategory(categories: CategoryDto[]): string {
  return categories.find((item) => item.key === 'general')?.key ?? categories[0]?.key ?? 'general';
}

/** The preview's complaint about the recipients (unknown topic or user, in the server's words), as one sentence. */
function previewErrorText(intl: IntlShape, error: unknown): string {
  return (isApiError(error) ? error.details[0]?.message : undefined) ?? apiErrorMessage(intl, error, 'admin.compose.countFailed');
}

/** The submit button's words: what it does, or what it is doing. */
function submitLabel(sending: boolean, later: boolean): MessageId {
  if (sending) return later ? 'admin.compose.scheduling' : 'admin.compose.sending';
  return later ? 'admin.compose.schedule' : 'admin.compose.send';
}

/** `/admin/compose`: write, target, preview and send (or schedule) a notification. */
export function ComposePage() {
  const intl = useIntl();
  const composer = useComposer();
  const { state, set, errors } = composer;
  const categories = useAdminCategories();
  const category = state.category || defaultCategory(categories.data ?? []);
  const debouncedTo = useDebouncedValue(composer.to, 300);
  const preview = useRecipientPreview(debouncedTo);
  const previewFailed = preview.isError && debouncedTo.length > 0;
  const recipientError = errors.to ?? (previewFailed ? previewErrorText(intl, preview.error) : undefined);
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  // A refused send moves focus to the first field to fix (or the alert), so keyboard users land there.
  useEffect(() => {
    if (!composer.failure) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [composer.failure]);

  // A send that went through: bring its confirmation into view (the button is far below it) and move
  // focus there, so keyboard and screen-reader users land on it too.
  useEffect(() => {
    const panel = resultRef.current;
    if (!composer.result || !panel) return;
    panel.focus({ preventScroll: true });
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    panel.scrollIntoView({ block: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
  }, [composer.result]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    composer.submit(category);
  };

  const title = intl.formatMessage({ id: 'admin.compose.title' });
  return (
    <div className="admin-page admin-page--wide">
      <PageHeader title={title} subtitle={intl.formatMessage({ id: 'admin.compose.subtitle' })} />
      <div className="compose">
        <form ref={formRef} className="card compose__form" onSubmit={onSubmit} noValidate aria-label={title}>
          {composer.result && <ComposeResult result={composer.result} onDismiss={composer.dismissResult} panelRef={resultRef} />}
          <FormSection id="compose-section-to" title={intl.formatMessage({ id: 'admin.compose.section.who' })}>
            <RecipientsField
              mode={state.mode}
              people={state.people}
              topic={state.topic}
              onModeChange={(mode) => set('mode', mode)}
              onPeopleChange={(people) => set('people', people)}
              onTopicChange={(topic) => set('topic', topic)}
              error={recipientError}
            />
          </FormSection>
          <FormSection id="compose-section-message" title={intl.formatMessage({ id: 'admin.compose.section.what' })}>
            <MessageFields
              state={state}
              category={category}
              categories={categories.data ?? []}
              categoriesLoading={categories.isPending}
              errors={errors}
              set={set}
            />
            <RichFields state={state} errors={errors} set={set} />
          </FormSection>
          <FormSection id="compose-section-when" title={intl.formatMessage({ id: 'admin.compose.section.when' })}>
            <DeliveryFields state={state} errors={errors} set={set} />
          </FormSection>
          <footer className="compose__footer">
            {composer.failure && <FailureAlert failure={composer.failure} />}
            <div className="compose__actions">
              <ReachEstimate
                to={composer.to}
                count={debouncedTo.length > 0 ? preview.data?.recipientCount : undefined}
                loading={preview.isFetching || debouncedTo !== composer.to}
                failed={previewFailed}
              />
              <button type="submit" className="btn btn--primary btn--lg" disabled={composer.isSending}>
                <Send size={15} aria-hidden />
                <FormattedMessage id={submitLabel(composer.isSending, state.sendLater)} />
              </button>
            </div>
          </footer>
        </form>
        <aside className="compose__aside">
          <NotificationPreview
            title={state.title}
            body={state.body}
            categoryLabel={categories.data?.find((item) => item.key === category)?.label ?? category}
            priority={state.priority}
            actionUrl={state.actionUrl}
            data={parseData(state.data)}
            icon={state.icon}
            actions={state.actions}
          />
        </aside>
      </div>
    </div>
  );
}

/** A titled part of the form ("Who", "What", "When"), named by its heading. */
function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-labelledby={id}>
      <h2 id={id} className="form-section__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function FailureAlert({ failure }: { failure: ComposerFailure }) {
  return (
    <div className="alert alert--error" role="alert" data-testid="compose-error" tabIndex={-1}>
      <CircleAlert size={16} aria-hidden />
      <div>
        <p className="alert__title">
          <FormattedMessage id="admin.compose.notSent" values={{ message: failure.message }} />
        </p>
        {failure.other.length > 0 && (
          <ul className="alert__list">
            {failure.other.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
