import './flags.css';
import type { Flag } from '../domain/scheduling/types';
import { flagColour } from '../domain/cards/flags';
import { useT } from './useT';

/** A card's flag as a coloured mark with its colour's name (for screen readers and tooltips). */
export function FlagMark({ flag }: { flag: Flag | undefined }) {
  const { t } = useT();
  if (!flag) return null;
  const name = t(`card.flag.${flag}`);
  return (
    <span
      className={`flag flag-${flagColour(flag)}`}
      role="img"
      aria-label={`${t('card.flag')}: ${name}`}
      title={name}
    >
      ⚑
    </span>
  );
}
