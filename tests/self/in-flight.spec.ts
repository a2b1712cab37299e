// mapInFlight (src/client/in-flight.ts): at most N tasks at once, results in item order, and a failure is
// thrown only once every task has ended (the callers clean up what the tasks made).
import { test, expect } from '@playwright/test';
import { mapInFlight } from '../../src/client/in-flight.ts';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('at most N at once, started in order, results in item order', async () => {
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const out = await mapInFlight([30, 5, 20, 1, 10, 2], 3, async (ms, i) => {
    started.push(i);
    most = Math.max(most, ++running);
    await pause(ms);
    running--;
    return i * 10;
  });
  expect(out).toEqual([0, 10, 20, 30, 40, 50]);
  expect(most).toBe(3);
  expect(started).toEqual([0, 1, 2, 3, 4, 5]);
});

test('the first failure in item order is thrown after every task has ended', async () => {
  const ended: number[] = [];
  const run = mapInFlight([0, 1, 2, 3], 2, async (i) => {
    await pause(i === 3 ? 40 : 5);
    ended.push(i);
    if (i === 1 || i === 2) throw new Error(`task ${i}`);
    return i;
  });
  await expect(run).rejects.toThrow('task 1');
  expect(ended.sort()).toEqual([0, 1, 2, 3]);
});
