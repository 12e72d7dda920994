import { Link } from 'react-router';
import { useT } from '../components/useT';

export default function NotFound() {
  const { t } = useT();
  return (
    <div>
      <h1>{t('notFound')}</h1>
      <Link to="/">{t('nav.today')}</Link>
    </div>
  );
}
