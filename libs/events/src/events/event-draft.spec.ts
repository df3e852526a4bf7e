import { DomainError, FieldProblem } from '@yvc/core';
import { EventDraft, MAX_DURATION_DAYS, MAX_YEARS_AHEAD, cleanEventDraft } from './event-draft';

const NOW = new Date('2026-11-30T12:00:00Z');
const at = (iso: string) => new Date(iso);

function problems(draft: EventDraft, current?: { startsAt: Date; endsAt: Date }): FieldProblem[] {
  try {
    cleanEventDraft(draft, current, NOW);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).fields;
  }
  return [];
}

describe('cleanEventDraft: when an event may be', () => {
  it('accepts the calendar the commission keeps: past seasons since 2020, up to the horizon', () => {
    expect(MAX_YEARS_AHEAD).toBe(5);
    expect(MAX_DURATION_DAYS).toBe(14);
    expect(problems({ startsAt: at('2020-01-01T00:00:00Z'), endsAt: at('2020-01-01T03:00:00Z') })).toEqual(
      [],
    );
    expect(problems({ startsAt: at('2031-11-29T10:00:00Z'), endsAt: at('2031-12-13T10:00:00Z') })).toEqual(
      [],
    );
  });

  it.each([
    [
      '1900-01-01T10:00:00Z',
      '1900-01-01T12:00:00Z',
      'startsAt',
      'validation.notBefore',
      { date: '2020-01-01' },
    ],
    [
      '2019-12-31T18:00:00Z',
      '2019-12-31T20:00:00Z',
      'startsAt',
      'validation.notBefore',
      { date: '2020-01-01' },
    ],
    ['9999-01-01T10:00:00Z', '9999-01-01T12:00:00Z', 'startsAt', 'validation.tooFarAhead', { years: 5 }],
    ['2031-12-01T10:00:00Z', '2031-12-01T12:00:00Z', 'startsAt', 'validation.tooFarAhead', { years: 5 }],
    ['2027-01-01T10:00:00Z', '2127-01-01T10:00:00Z', 'endsAt', 'validation.tooLongEvent', { days: 14 }],
    ['2027-01-01T10:00:00Z', '2027-01-15T10:00:01Z', 'endsAt', 'validation.tooLongEvent', { days: 14 }],
  ])('refuses %s .. %s on %s', (startsAt, endsAt, field, key, params) => {
    expect(problems({ startsAt: at(startsAt), endsAt: at(endsAt) })).toEqual([{ field, key, params }]);
  });

  it('checks a changed end against the stored start (an update that stretches the event)', () => {
    const current = { startsAt: at('2027-01-01T10:00:00Z'), endsAt: at('2027-01-01T12:00:00Z') };
    expect(problems({ endsAt: at('2027-03-01T10:00:00Z') }, current)).toEqual([
      { field: 'endsAt', key: 'validation.tooLongEvent', params: { days: 14 } },
    ]);
    expect(problems({ endsAt: at('2027-01-02T10:00:00Z') }, current)).toEqual([]);
  });

  it('without a clock (the import), only the fixed bounds apply', () => {
    expect(() =>
      cleanEventDraft({ startsAt: at('2035-01-01T10:00:00Z'), endsAt: at('2035-01-01T12:00:00Z') }),
    ).not.toThrow();
    expect(() =>
      cleanEventDraft({ startsAt: at('1900-01-01T10:00:00Z'), endsAt: at('1900-01-01T12:00:00Z') }),
    ).toThrow(DomainError);
  });
});

describe('cleanEventDraft: invisible characters in titles and venues', () => {
  it.each([
    ['title', { title: 'Форум \u202Eмурофa' }],
    ['title', { title: 'Фо\u200Bрум' }],
    ['venue.name', { venue: { name: 'Зал\u2066', address: 'Тараз' } }],
    ['venue.address', { venue: { name: 'Зал', address: 'Тараз\u200D' } }],
  ])('refuses format characters in %s', (field, draft) => {
    expect(problems(draft as EventDraft)).toEqual([{ field, key: 'validation.formatCharacters' }]);
  });

  it('refuses a flood of marks in a title', () => {
    expect(problems({ title: `Форум Z${'\u0301'.repeat(50)}` })).toEqual([
      { field: 'title', key: 'validation.tooManyMarks', params: { max: 3 } },
    ]);
  });
});
