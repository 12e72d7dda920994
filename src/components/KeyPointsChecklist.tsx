import type { Localized } from '../domain/deck/schema';
import { isSingleLanguage } from '../domain/deck/cardLabels';
import { Markdown } from './markdown/Markdown';
import { other } from './localized';
import { useT } from './useT';
import { KEY_POINT_LABELS } from './keyPointKeys';

/**
 * The key points of a card as a checklist: the user ticks what their answer said. With both
 * languages on, each point shows its translation on the same line, so the two pair up.
 */
export function KeyPointsChecklist({
  points,
  ticked,
  both,
  onToggle,
}: {
  points: Localized[];
  ticked: readonly number[];
  both: boolean;
  onToggle: (index: number) => void;
}) {
  const { t, lang } = useT();
  return (
    <fieldset className="key-points">
      <legend>{t('review.keyPoints', { hit: ticked.length, total: points.length })}</legend>
      <ol>
        {points.map((point, i) => {
          const checked = ticked.includes(i);
          return (
            <li key={i} className={checked ? 'checked' : undefined}>
              <label>
                <input type="checkbox" checked={checked} onChange={() => onToggle(i)} />
                <kbd className="key-hint">{KEY_POINT_LABELS[i]}</kbd>
                <span className="key-point-text">
                  <Markdown text={point[lang]} lang={lang} />
                  {both && !isSingleLanguage(point) && (
                    <span className="key-point-other">
                      <Markdown text={point[other(lang)]} lang={other(lang)} />
                    </span>
                  )}
                </span>
              </label>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
