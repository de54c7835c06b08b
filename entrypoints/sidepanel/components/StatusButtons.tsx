import type { ClaimStatus } from '@/lib/model';

interface Props {
  status: ClaimStatus;
  onChange(status: ClaimStatus): void;
}

/** Two toggle buttons: pressing the current status again returns the claim to unreviewed. */
export function StatusButtons({ status, onChange }: Props) {
  const toggle = (target: ClaimStatus) => onChange(status === target ? 'unreviewed' : target);
  return (
    <div class="status-buttons" role="group" aria-label="Status">
      <button
        type="button"
        class="status sourced"
        aria-pressed={status === 'sourced'}
        onClick={() => toggle('sourced')}
      >
        Sourced
      </button>
      <button
        type="button"
        class="status unsourced"
        aria-pressed={status === 'unsourced'}
        onClick={() => toggle('unsourced')}
      >
        Unsourced
      </button>
    </div>
  );
}
