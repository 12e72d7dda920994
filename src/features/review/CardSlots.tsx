import { ErrorBoundary } from '../../components/ErrorBoundary';
import type { CardRecord } from '../../domain/deck/records';
import type { Localized } from '../../domain/deck/schema';
import { CardView, type CardViewProps } from './CardView';

type Shared = Pick<CardViewProps, 'both' | 'onToggleTick' | 'answerOpen' | 'onToggleAnswer'>;

interface Props extends Shared {
  current: CardRecord;
  /** The card likely to come next (usePreparedCard), rendered hidden until it is the current one. */
  prepared: CardRecord | null;
  revealed: boolean;
  ticked: readonly number[];
  topicOf: (card: CardRecord) => Localized | undefined;
  onSkip: () => void;
  onSuspend: () => void;
}

const NONE: readonly number[] = [];

/**
 * The card on screen and, hidden after it, the one prepared to come next. Both sit in one keyed
 * list, so when a rating makes the prepared card current React keeps its elements and the page
 * only shows them: the rating's frame builds no card. Each has its own error boundary.
 */
export function CardSlots({
  current,
  prepared,
  revealed,
  ticked,
  topicOf,
  onSkip,
  onSuspend,
  ...shared
}: Props) {
  const cards = prepared && prepared.id !== current.id ? [current, prepared] : [current];
  return cards.map((card) => {
    const shown = card.id === current.id;
    return (
      <div className="card-slot" key={card.id} hidden={!shown}>
        <ErrorBoundary
          title="error.card"
          subject={card.id}
          resetKey={card.id}
          onSkip={onSkip}
          onSuspend={onSuspend}
        >
          <CardView
            {...shared}
            card={card}
            hidden={!shown}
            revealed={shown && revealed}
            ticked={shown ? ticked : NONE}
            topicName={topicOf(card)}
          />
        </ErrorBoundary>
      </div>
    );
  });
}
