import { describe, expect, it } from 'vitest';
import { fromNumbers, numbersOf, shapeOf } from '../../../../wall/replay/jsonShape.ts';

const VIEW = { day: '2024-05-01', totals: { a: 3, b: 0 }, rate: null, grid: [0, 2, 5], rows: [{ id: 'c1', n: 1.5 }], on: true };

describe('a JSON value as a shape and its numbers', () => {
  it('rebuildsTheValueFromItsNumbersWithNullsInTheirPlaces', () => {
    const shape = shapeOf(VIEW);
    expect(shape.slots).toBe(7);
    const numbers = new Float64Array(shape.slots);
    expect(numbersOf(shape, VIEW, numbers)).toBe(true);
    expect([...numbers]).toEqual([3, 0, NaN, 0, 2, 5, 1.5]);
    expect(fromNumbers(shape, numbers)).toEqual(VIEW);
  });

  it('takesOtherNumbersAndNullsIntoTheSameShape', () => {
    const shape = shapeOf(VIEW);
    const later = { ...VIEW, totals: { a: 4, b: null }, rate: 0.25 };
    const numbers = new Float64Array(shape.slots);
    expect(numbersOf(shape, later, numbers)).toBe(true);
    expect(fromNumbers(shape, numbers)).toEqual(later);
  });

  it.each([
    ['another string', { ...VIEW, day: '2024-05-02' }],
    ['another length', { ...VIEW, grid: [0, 2] }],
    ['a key more', { ...VIEW, extra: 1 }],
    ['a key renamed', { day: VIEW.day, totals: VIEW.totals, rate: null, grid: VIEW.grid, rows: VIEW.rows, off: true }],
    ['a string for a number', { ...VIEW, rate: '0.5' }],
    ['an object for an array', { ...VIEW, grid: { 0: 0, 1: 2, 2: 5 } }],
    ['another boolean', { ...VIEW, on: false }],
  ])('refusesAValueOfAnotherShape: %s', (_, value) => {
    const shape = shapeOf(VIEW);
    expect(numbersOf(shape, value, new Float64Array(shape.slots))).toBe(false);
  });
});
