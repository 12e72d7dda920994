import { useFeatureT } from '../../components/useT';
import { dataMessages } from './messages';
import type { DataProblem, DataWarning } from '../../domain/import/problem';
import { problemKeys } from './problemKeys';
import { fieldKey, reasonKey } from './reasonMessages';

type Item = DataProblem | DataWarning;

function useDescribe() {
  const { t } = useFeatureT(dataMessages);
  const ownField = (field: string) => {
    const key = fieldKey(field);
    return key && t(key);
  };
  return (item: Item): { where: string; what: string } => {
    const where = [
      item.line !== undefined ? t('data.where.line', { n: item.line }) : null,
      item.cardId ? t('data.where.card', { id: item.cardId }) : null,
      item.field ? t('data.where.field', { field: ownField(item.field) ?? item.field }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
    const reason = 'reason' in item ? item.reason : undefined;
    const what = reason
      ? t(reasonKey(reason.code), reason.values)
      : t(problemKeys[item.code], { detail: item.detail ?? '' });
    return { where, what };
  };
}

/** What is wrong with a file and where, one line each; nothing was written. */
export function ProblemList({ problems, title }: { problems: DataProblem[]; title: string }) {
  const describe = useDescribe();
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="banner banner-error data-problems">
      <p>{title}</p>
      <ul>
        {problems.map((p, i) => {
          const { where, what } = describe(p);
          return (
            <li key={i}>
              {where && <code>{where}</code>} {what}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function WarningList({ warnings }: { warnings: DataWarning[] }) {
  const describe = useDescribe();
  if (warnings.length === 0) return null;
  return (
    <ul className="data-warnings">
      {warnings.slice(0, 20).map((w, i) => {
        const { where, what } = describe(w);
        return (
          <li key={i}>
            {where && <code>{where}</code>} {what}
          </li>
        );
      })}
    </ul>
  );
}
