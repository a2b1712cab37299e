import { defineFault } from './types.ts';

export default defineFault({
  name: 'java20-timestamps',
  description: 'timestamps use U+202F before AM/PM (Java 20+), which the official SDK cannot parse',
  touches: ['timestamp-format'],
  trips: [{ check: 'timestampsParseableBySdk', in: { scenario: 'organization-state' } }],
  // iso-timestamps, when installed too, wins
  install: () => ({ timestampStyle: (style) => (style === 'iso' ? style : 'java20') }),
});
