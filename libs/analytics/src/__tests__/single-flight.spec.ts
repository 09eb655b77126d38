import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../single-flight.js';

describe('SingleFlight', () => {
  it('runs identical concurrent calls once and shares the answer', async () => {
    const flight = new SingleFlight();
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return runs;
    };
    expect(await Promise.all([flight.run('a', work), flight.run('a', work), flight.run('b', work)])).toEqual([2, 2, 2]);
    expect(runs).toBe(2);
  });

  it('keeps nothing once settled, failures included', async () => {
    const flight = new SingleFlight();
    await expect(flight.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await flight.run('a', async () => 'fresh')).toBe('fresh');
    expect(await flight.run('a', async () => 'fresher')).toBe('fresher');
  });
});
