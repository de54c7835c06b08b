import { chromiumDriver } from './chromium-driver.ts';
import { describeBrowser } from './suite.ts';

describeBrowser('chromium', 'headless Chromium', (downloadsDir) => chromiumDriver({ downloadsDir }));
