import { firefoxDriver } from './firefox-driver.ts';
import { describeBrowser } from './suite.ts';

describeBrowser('firefox', 'headless Firefox', (downloadsDir) => firefoxDriver({ downloadsDir }));
