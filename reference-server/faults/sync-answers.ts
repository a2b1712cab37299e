import { defineFault } from './types.ts';

export default defineFault({
  name: 'sync-answers',
  description: 'asynchronous APIs answer their result directly with 200 instead of 202 + job',
  touches: ['async-reply'],
  install: () => ({ answersAsync: () => false }),
});
