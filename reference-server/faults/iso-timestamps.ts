import { defineFault } from './types.ts';

export default defineFault({
  name: 'iso-timestamps',
  description: 'timestamps are ISO-8601 strings instead of the Java medium format',
  touches: ['timestamp-format'],
  install: () => ({ timestampStyle: () => 'iso' }),
});
