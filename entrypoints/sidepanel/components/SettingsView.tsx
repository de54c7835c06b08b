import { NoticeLine } from './NoticeLine';
import { siteOf } from '@/lib/url/normalize-url';
import type { Sensitivity } from '@/lib/model';
import { usePanel } from '../store/use-panel';

const SENSITIVITY: Array<[Sensitivity, string]> = [
  ['fewer', 'Fewer, surer claims'],
  ['balanced', 'Balanced'],
  ['more', 'More claims, more noise'],
];

export function SettingsView() {
  const settings = usePanel((s) => s.settings);
  const notice = usePanel((s) => s.settingsNotice);
  const page = usePanel((s) => s.page);
  const changeSettings = usePanel((s) => s.changeSettings);
  const setFindingOnSite = usePanel((s) => s.setFindingOnSite);
  const site = page ? siteOf(page.page.url) : '';
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.autoFind}
          onChange={(e) => void changeSettings({ autoFind: e.currentTarget.checked })}
        />
        Find claims automatically
      </label>
      {site && (
        <label class="check">
          <input
            type="checkbox"
            checked={!settings.quietSites.includes(site)}
            disabled={!settings.autoFind}
            onChange={(e) => void setFindingOnSite(site, e.currentTarget.checked)}
          />
          Find claims on {site}
        </label>
      )}
      <label class="field">
        Sensitivity
        <select
          value={settings.sensitivity}
          onInput={(e) => void changeSettings({ sensitivity: e.currentTarget.value as Sensitivity })}
        >
          {SENSITIVITY.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.showHighlights}
          onChange={(e) => void changeSettings({ showHighlights: e.currentTarget.checked })}
        />
        Show highlights on pages <span class="hint">(shortcut: Alt+Shift+H)</span>
      </label>
      {settings.quietSites.length > 0 && <p class="hint">Finding is off on: {settings.quietSites.join(', ')}.</p>}
      <NoticeLine notice={notice} />
    </section>
  );
}
