import type { StatusFilter } from '../store/claim-view';
import { usePanel } from '../store/use-panel';

const OPTIONS: Array<[StatusFilter, string]> = [
  ['all', 'All'],
  ['unreviewed', 'Unreviewed'],
  ['sourced', 'Sourced'],
  ['unsourced', 'Unsourced'],
];

export function FilterBar() {
  const filter = usePanel((s) => s.filter);
  const query = usePanel((s) => s.query);
  const setFilter = usePanel((s) => s.setFilter);
  const setQuery = usePanel((s) => s.setQuery);
  return (
    <div class="filter-bar" role="search">
      <label>
        <span class="visually-hidden">Show</span>
        <select id="status-filter" value={filter} onInput={(e) => setFilter(e.currentTarget.value as StatusFilter)}>
          {OPTIONS.map(([value, label]) => (
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
