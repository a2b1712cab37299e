import { defineFault } from './types.ts';

export default defineFault({
  name: 'iso-timestamps',
  description: 'timestamps are ISO-8601 strings instead of the Java medium format',
  touches: ['timestamp-format'],
  trips: [
    { check: 'replyMatchesSchema', in: { scenario: 'organization-state' } },
    { check: 'replyMatchesSchema', in: { derived: 'ChangeIAM2OrganizationState', test: 'state event' } },
  ],
  install: () => ({ timestampStyle: () => 'iso' }),
});
