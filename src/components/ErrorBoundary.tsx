import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { errorMessages, type ErrorMessageKey } from './errorMessages';
import { useFeatureT } from './useT';

export interface ErrorBoundaryProps {
  /** What could not be shown, for the user: "This card could not be shown." */
  title: ErrorMessageKey;
  /** Identifies what failed in a report (a card id). */
  subject?: string;
  /** A change of this (the card, the screen's path) clears the error: the next one may render. */
  resetKey?: unknown;
  onSkip?: () => void;
  onSuspend?: () => void;
  /** More ways out, rendered after the buttons (a link home). */
  extra?: ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Catches what its children throw while rendering (a card whose content breaks the renderer),
 * so the rest of the app stays usable: it says what failed and offers the caller's ways out.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const retry = () => this.setState({ error: null });
    return <ErrorNotice {...this.props} error={error} onRetry={retry} />;
  }
}

function ErrorNotice(props: ErrorBoundaryProps & { error: Error; onRetry: () => void }) {
  const { t } = useFeatureT(errorMessages);
  const [reported, setReported] = useState(false);
  const { error } = props;
  const what = `${error.name}: ${error.message}`;
  const report = () => {
    const text = [t(props.title), props.subject, what, location.href, navigator.userAgent]
      .filter(Boolean)
      .join('\n');
    void navigator.clipboard?.writeText(text).then(() => setReported(true));
  };
  return (
    <div role="alert" className="error-boundary">
      <p>
        <strong>{t(props.title)}</strong>
      </p>
      <p>
        <small>{t('error.what', { error: props.subject ? `${props.subject} · ${what}` : what })}</small>
      </p>
      <p className="error-actions">
        {props.onSkip && <button onClick={props.onSkip}>{t('error.skip')}</button>}{' '}
        {props.onSuspend && <button onClick={props.onSuspend}>{t('error.suspend')}</button>}{' '}
        <button onClick={props.onRetry}>{t('error.tryAgain')}</button>{' '}
        <button onClick={report}>{t('error.report')}</button> {props.extra}
      </p>
      {reported && <p role="status">{t('error.reported')}</p>}
    </div>
  );
}

/** Every routed screen: a screen that throws leaves the menu usable; moving to another clears it. */
export function ScreenErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const { t } = useFeatureT(errorMessages);
  return (
    <ErrorBoundary title="error.screen" resetKey={pathname} extra={<Link to="/">{t('error.home')}</Link>}>
      {children}
    </ErrorBoundary>
  );
}
