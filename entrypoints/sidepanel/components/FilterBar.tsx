import type { ClaimOrder } from '@/lib/model';
import { usePanel } from '../store/use-panel';

const ORDERS: Array<[ClaimOrder, string]> = [
  ['page', 'Page order'],
  ['check-worthy', 'Most check-worthy first'],
  ['status', 'By status'],
];

export function FilterBar() {
  const query = usePanel((s) => s.query);
  const setQuery = usePanel((s) => s.setQuery);
  const order = usePanel((s) => s.settings.claimOrder);
  const changePanelPrefs = usePanel((s) => s.changePanelPrefs);
  return (
    <div class="filter-bar" role="search">
      <label>
        <span class="visually-hidden">Order</span>
        <select
          id="claim-order"
          value={order}
          onInput={(e) => void changePanelPrefs({ claimOrder: e.currentTarget.value as ClaimOrder })}
        >
          {ORDERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <input
        id="claim-search"
        type="search"
        aria-label="Search claims"
        placeholder="Search quotes and notes"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
    </div>
  );
}
