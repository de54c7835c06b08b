// @vitest-environment jsdom
import { describe } from 'vitest';
import { anchorCases } from './anchor.cases';

describe('describeRange and anchorSelectors (jsdom)', anchorCases);
