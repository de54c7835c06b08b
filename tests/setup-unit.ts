// Unit tests run on busy 2-core CI machines: Testing Library's async queries wait for an outcome, not a pace. Its
// default of 1 s turned "the panel shows 300 cards" into a speed requirement; a 30 s ceiling keeps a real hang failing.
import { configure } from '@testing-library/preact';

configure({ asyncUtilTimeout: 30_000 });
