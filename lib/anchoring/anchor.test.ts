import { describe } from 'vitest';
import { anchorCases } from './anchor.cases';

describe('describeRange and anchorSelectors (happy-dom)', anchorCases);
