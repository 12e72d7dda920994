/** A labelled proportion (0–1) as a bar, with the number as text. */
export function Meter({ label, value, text }: { label: string; value: number; text: string }) {
  return (
    <div className="meter">
      <span className="meter-label">{label}</span>
      <span className="meter-track" aria-hidden="true">
        <span
          className="meter-fill"
          style={{ width: `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%` }}
        />
      </span>
      <span className="meter-value">{text}</span>
    </div>
  );
}
