import { useState, type ReactNode } from 'react';

/**
 * The numbers behind a chart, in a disclosure whose table is built only once it is opened:
 * a year of days is hundreds of rows that nobody sees until they ask.
 */
export function DataTable({
  summary,
  head,
  rows,
}: {
  summary: string;
  head?: [string, string];
  rows: () => [ReactNode, ReactNode][];
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-data" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && (
        <table>
          {head && (
            <thead>
              <tr>
                <th scope="col">{head[0]}</th>
                <th scope="col">{head[1]}</th>
              </tr>
            </thead>
          )}
          <tbody>
            {rows().map(([label, value], i) => (
              <tr key={i}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
