/**
 * Each stored score row's days as the readers see them (libs/analytics/src/cooperation-score.ts): rows (month, a, b,
 * shard, day, w, adv, sig, ovd), day 1 to the month's last, each term its whole-month number (the meetings' scaled to
 * the day) plus the day's cell. `where`: a condition on rollup_score's columns.
 */
export const scoreDaysSql = (where = 'true') => `SELECT s.month, s.a, s.b, s.shard, i AS day,
    s.whole_meetings * power(2::float8, ('2000-01-01'::date - (s.month + i - 1)) / 365::float8) + coalesce(s.meetings[i], 0) AS w,
    s.whole_advanced + coalesce(s.advanced[i], 0) AS adv, s.whole_signed + coalesce(s.signed[i], 0) AS sig,
    s.whole_overdue + coalesce(s.overdue[i], 0) AS ovd
  FROM rollup_score s, generate_series(1, extract(day FROM s.month + interval '1 month - 1 day')::int) i
  WHERE ${where}`;
