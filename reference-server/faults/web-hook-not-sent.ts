import { defineFault } from './types.ts';

export default defineFault({
  name: 'web-hook-not-sent',
  description: "X-Web-Hook is ignored: the job's result is never POSTed",
  touches: ['web-hook'],
  trips: [{ check: 'webHookDelivered', in: { scenario: 'web-hooks' } }],
  install: () => ({ webHookUrl: () => undefined }),
});
